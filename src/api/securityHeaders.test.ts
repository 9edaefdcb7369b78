// What the browser is told about the app's security: a script policy without inline scripts
// (the API docs apart), HSTS and upgrade-insecure-requests only behind HTTPS, and anonymous
// callers refused before their body is validated.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/support/testDatabase.js";
import { ManualClock } from "../core/clock.js";
import { type App, buildApp } from "./app.js";

let store: TestDatabase;
let plain: App;
let secure: App;

beforeAll(async () => {
  store = await openTestDatabase("pglite");
  const clock = new ManualClock(new Date("2026-11-23T09:00:00Z"));
  plain = await buildApp({ database: store.database, clock });
  secure = await buildApp({ database: store.database, clock, secureCookies: true });
  await Promise.all([plain.ready(), secure.ready()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([plain?.close(), secure?.close()]);
  await store?.drop();
});

const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .find((d) => d.trim().startsWith(`${name} `) || d.trim() === name)
    ?.trim();

describe("the content security policy", () => {
  it("allows no inline script outside the API docs", async () => {
    const policy = String((await plain.inject({ method: "GET", url: "/api/health" })).headers["content-security-policy"]);
    expect(directive(policy, "script-src")).toBe("script-src 'self'");
  });

  it("lets the interactive API docs run their inline scripts", async () => {
    const response = await plain.inject({ method: "GET", url: "/api/docs/" });
    expect(response.statusCode).toBeLessThan(400);
    expect(directive(String(response.headers["content-security-policy"]), "script-src")).toBe("script-src 'self' 'unsafe-inline'");
  });
});

describe("transport security", () => {
  it("sends neither HSTS nor upgrade-insecure-requests over plain HTTP", async () => {
    for (const url of ["/api/health", "/api/docs/"]) {
      const response = await plain.inject({ method: "GET", url });
      expect(response.headers["strict-transport-security"]).toBeUndefined();
      expect(String(response.headers["content-security-policy"])).not.toContain("upgrade-insecure-requests");
    }
  });

  it("sends both behind HTTPS", async () => {
    for (const url of ["/api/health", "/api/docs/"]) {
      const response = await secure.inject({ method: "GET", url });
      expect(response.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      expect(String(response.headers["content-security-policy"])).toContain("upgrade-insecure-requests");
    }
  });
});

describe("anonymous callers", () => {
  it("get a 401, not a validation error, whatever body they send", async () => {
    for (const [method, url, payload] of [
      ["POST", "/api/v1/tokens", { nope: 1 }],
      ["POST", "/api/v1/tickets", "not json at all"],
      ["PATCH", "/api/v1/customers/00000000-0000-0000-0000-000000000000", { email: 42 }],
    ] as const) {
      const response = await plain.inject({ method, url, payload: payload as never, headers: { "content-type": "application/json" } });
      expect({ url, status: response.statusCode, code: response.json().error?.code }).toEqual({ url, status: 401, code: "unauthorized" });
    }
  });

  it("reach the public sign-in route, whose body is validated as usual", async () => {
    const response = await plain.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: 42 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error?.code).not.toBe("unauthorized");
  });
});
