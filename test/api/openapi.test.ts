// The OpenAPI document covers the API: every route registered under /api/v1 is in
// /api/openapi.json with a summary, tags, and (for resource routes) schemas and security.

import { afterAll, beforeAll, expect, it } from "vitest";
import { describeStore } from "../support/testDatabase.js";
import { type ApiHarness, openApi } from "./harness.js";
import { registeredRoutes } from "./routes.js";

interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses?: Record<string, unknown>;
}

describeStore("openapi", (get) => {
  let api: ApiHarness;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    api = await openApi(get());
    const served = await api.call<typeof doc>("anonymous", "GET", "/api/openapi.json");
    expect(served.status).toBe(200);
    doc = served.json;
  });
  afterAll(() => api.close());

  const v1 = () => registeredRoutes(api.app).filter((r) => r.path.startsWith("/api/v1/"));

  it("finds the routes it checks (the route tree parses)", () => {
    const routes = v1().map((r) => `${r.method} ${r.path}`);
    expect(routes).toContain("GET /api/v1/tickets");
    expect(routes).toContain("PATCH /api/v1/tickets/{number}");
    expect(routes).toContain("GET /api/v1/customers/{id}/tickets");
    expect(routes.length).toBeGreaterThan(25);
  });

  it("documents every /api/v1 route with a summary and tags", () => {
    expect(doc.openapi).toBe("3.1.0");
    const missing = v1().filter((r) => !doc.paths[r.path]?.[r.method.toLowerCase()]?.summary || !doc.paths[r.path]?.[r.method.toLowerCase()]?.tags?.length);
    expect(missing).toEqual([]);
  });

  it("gives every resource route its parameters, bodies, success and error responses, and security", () => {
    const resources = v1().filter((r) => !/^\/api\/v1\/(auth|tokens|security-events|public|channels)\b/.test(r.path));
    expect(resources.length).toBeGreaterThan(20);
    for (const route of resources) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()] as Operation;
      const where = `${route.method} ${route.path}`;
      expect(op.security, where).toEqual([{ bearer: [] }, { session: [] }]);
      expect(
        Object.keys(op.responses ?? {}).some((s) => /^2\d\d$/.test(s)),
        where,
      ).toBe(true);
      expect(Object.keys(op.responses ?? {}), where).toContain("4XX");
      for (const param of route.path.match(/\{(\w+)\}/g) ?? []) {
        expect(
          op.parameters?.some((p) => p.in === "path" && `{${p.name}}` === param),
          `${where} documents ${param}`,
        ).toBe(true);
      }
      // A file upload takes the file's bytes as its body, whatever their type.
      const upload = op.requestBody?.content["application/octet-stream"] !== undefined;
      if ((route.method === "POST" || route.method === "PATCH") && !upload) {
        const schema = op.requestBody?.content["application/json"]?.schema;
        expect(schema?.type, where).toBe("object");
        expect(schema?.additionalProperties, `${where}: unknown fields are refused`).toBe(false);
      }
    }
  });
});
