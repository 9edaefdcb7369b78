// A 500 says it was logged: it must be. The app reports every unexpected error, whether or
// not requests are logged, and answers without internals.
import type { FastifyRequest } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/support/testDatabase.js";
import { ManualClock } from "../core/clock.js";
import { type App, buildApp } from "./app.js";

let store: TestDatabase;
let app: App;
const reported: { error: Error; url: string }[] = [];

beforeAll(async () => {
  store = await openTestDatabase("pglite");
  app = await buildApp({
    database: store.database,
    clock: new ManualClock(new Date("2026-11-23T09:00:00Z")),
    reportUnexpected: (error: Error, request: FastifyRequest) => reported.push({ error, url: request.url }),
  });
  app.get("/boom", async () => {
    throw new Error("the disk caught fire");
  });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await store?.drop();
});

it("reports an unexpected error with its stack and answers a 500 without internals", async () => {
  const response = await app.inject({ method: "GET", url: "/boom?x=1" });
  expect(response.statusCode).toBe(500);
  expect(response.json()).toEqual({ error: { code: "internal", message: "an unexpected error occurred; it has been logged", details: [] } });
  expect(response.body).not.toContain("disk");
  expect(reported).toHaveLength(1);
  expect(reported[0]?.error.message).toBe("the disk caught fire");
  expect(reported[0]?.url).toBe("/boom?x=1");
});

it("reports nothing for a client's mistake", async () => {
  const before = reported.length;
  expect((await app.inject({ method: "GET", url: "/nowhere" })).statusCode).toBe(404);
  expect(reported).toHaveLength(before);
});
