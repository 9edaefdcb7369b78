// The web app beside the API: built files with their caching, index.html for page paths,
// JSON 404s for the API and missing files, and a page that says how to build when there is none.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/support/testDatabase.js";
import { ManualClock } from "../core/clock.js";
import { type App, buildApp } from "./app.js";
import { registerWebApp } from "./webApp.js";

const INDEX = `<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>`;

let store: TestDatabase;
let dir: string;

beforeAll(async () => {
  store = await openTestDatabase("pglite");
  dir = mkdtempSync(join(tmpdir(), "palier-web-"));
  mkdirSync(join(dir, "built", "assets"), { recursive: true });
  writeFileSync(join(dir, "built", "index.html"), INDEX);
  writeFileSync(join(dir, "built", "assets", "index-abc123.js"), "console.log('palier');");
  writeFileSync(join(dir, "built", "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
}, 60_000);

afterAll(async () => {
  await store?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function appWith(root: string): Promise<{ app: App; built: boolean }> {
  const app = await buildApp({ database: store.database, clock: new ManualClock(new Date("2026-11-23T09:00:00Z")) });
  const { built } = await registerWebApp(app, root);
  await app.ready();
  return { app, built };
}

describe("the built web app", () => {
  let app: App;
  beforeAll(async () => {
    const made = await appWith(join(dir, "built"));
    expect(made.built).toBe(true);
    app = made.app;
  });
  afterAll(() => app?.close());

  it("serves index.html at / and revalidates it", async () => {
    const response = await app.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    expect(response.headers["cache-control"]).toBe("no-cache");
    expect(response.body).toBe(INDEX);
  });

  it("serves hashed assets as immutable, and other files", async () => {
    const asset = await app.inject({ method: "GET", url: "/assets/index-abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["content-type"]).toMatch(/javascript/);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await app.inject({ method: "GET", url: "/favicon.svg" })).statusCode).toBe(200);
    expect((await app.inject({ method: "HEAD", url: "/" })).statusCode).toBe(200);
  });

  it.each(["/tickets/1042", "/inbox?view=mine", "/customers/3f0c/tickets"])("answers the page path %s with index.html", async (url) => {
    const response = await app.inject({ method: "GET", url });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX);
  });

  it.each(["/api/v1/nope", "/api", "/assets/missing.js", "/robots.txt"])("answers %s with the API's JSON 404", async (url) => {
    const response = await app.inject({ method: "GET", url });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("leaves the API alone", async () => {
    expect((await app.inject({ method: "GET", url: "/api/health" })).json()).toEqual({ status: "ok" });
    expect((await app.inject({ method: "GET", url: "/api/v1/tickets" })).statusCode).toBe(401);
    expect((await app.inject({ method: "POST", url: "/inbox" })).statusCode).toBe(404);
  });
});

describe("without a build", () => {
  let app: App;
  beforeAll(async () => {
    const made = await appWith(join(dir, "nothing-here"));
    expect(made.built).toBe(false);
    app = made.app;
  });
  afterAll(() => app?.close());

  it.each(["/", "/tickets/1042"])("answers %s with a page saying to run npm run build", async (url) => {
    const response = await app.inject({ method: "GET", url });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    expect(response.body).toContain("npm run build");
    expect(response.body).toContain("not built");
  });

  it("still serves the API", async () => {
    expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/api/v1/nope" })).statusCode).toBe(404);
  });
});
