// Property-based: for every write endpoint (POST and PATCH under /api/v1, read from the OpenAPI
// document so that new endpoints are covered), bodies made invalid from its own JSON schema
// get a 4xx in the error shape, never a 5xx, and change nothing in the database.

import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { Compile } from "typebox/compile";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorResponse } from "../../src/api/routes/common/schema.js";
import { oncallScheduleStore } from "../../src/store/entities.js";
import { insertRule } from "../../src/store/rules.js";
import { buildAgent, buildCalendar, buildOrganization, buildPolicy, buildProduct, buildTeam, buildTicket } from "../support/factories.js";
import { describeStore, selectRows } from "../support/testDatabase.js";
import { type ApiHarness, openApi } from "./harness.js";
import { type JsonSchema, type Mutation, mutations, validValue } from "./invalidBodies.js";

const RUNS = Number(process.env.PALIER_FC_RUNS ?? 40);
const isError = Compile(ErrorResponse);

/** The raw text and content type of a mutation that is not a JSON value. */
function rawBody(mutation: Mutation): { raw: string; contentType: string } | undefined {
  return mutation.kind === "not JSON" || mutation.kind === "wrong content type" ? (mutation.body as { raw: string; contentType: string }) : undefined;
}

interface WriteEndpoint {
  method: "POST" | "PATCH";
  path: string;
  schema: JsonSchema;
}

// Bad bodies are refused by the schemas and the commands' checks, the same on both stores (both
// are PostgreSQL): the properties run once, on PostgreSQL when the run has it.
describeStore(
  "invalid bodies",
  (get) => {
    let api: ApiHarness;
    let endpoints: WriteEndpoint[] = [];
    const ids: Record<string, string> = {};
    let snapshotQuery: ReturnType<typeof sql.raw>;

    beforeAll(async () => {
      api = await openApi(get());
      const { db, clock } = api;
      const now = clock.now();
      const { ticket } = await buildTicket(db, { now, actor: { type: "system" } });
      ids.tickets = String(ticket.number);
      ids.customers = ticket.customerId;
      ids.organizations = (await buildOrganization(db, { now })).id;
      ids.agents = (await buildAgent(db, { now })).id;
      ids.teams = (await buildTeam(db, { now })).id;
      ids.products = (await buildProduct(db, { now })).id;
      ids.outbox = "1";
      ids.mail = "00000000-0000-4000-8000-000000000001";
      // Any escalation id: an invalid body is refused before the escalation is looked up.
      ids.escalations = "00000000-0000-4000-8000-000000000000";
      ids.approvals = "00000000-0000-4000-8000-000000000000";
      ids.calendars = (await buildCalendar(db, { spec: { timezone: "UTC", hours: { mon: [["09:00", "17:00"]] } }, now })).id;
      ids.rules = (
        await insertRule(
          db,
          {
            name: "Invalid bodies",
            enabled: true,
            triggers: ["ticket_created"],
            conditions: { all: [] },
            actions: [{ type: "add_tags", tags: ["x"] }],
            stop: false,
          },
          now,
        )
      ).id;
      ids["oncall-schedules"] = (await oncallScheduleStore.create(db, { name: "Invalid bodies", timezone: "UTC", layers: [], overrides: [] }, now)).id;
      // Social posts and incidents come only from signed deliveries: an id that names none still
      // reaches the body's validation, which is what this suite asks of every endpoint.
      ids.posts = randomUUID();
      ids.incidents = randomUUID();
      // A procedure is checked whole before anything is looked up or written.
      ids.procedures = randomUUID();
      ids["sla-policies"] = (await buildPolicy(db, { active: false, calendarId: null, targets: {}, pauseStatuses: [], matrix: { steps: [] }, now })).id;

      const doc = (
        await api.call<{ paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> }>(
          "anonymous",
          "GET",
          "/api/openapi.json",
        )
      ).json;
      endpoints = Object.entries(doc.paths).flatMap(([path, operations]) =>
        (["post", "patch"] as const).flatMap((method) => {
          const schema = operations[method]?.requestBody?.content["application/json"]?.schema;
          return path.startsWith("/api/v1/") && schema ? [{ method: method.toUpperCase() as "POST" | "PATCH", path, schema }] : [];
        }),
      );

      // Row counts of every table, and the sum of every version: one number moving means a change.
      const tables = await selectRows<{ table_name: string }>(
        get(),
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
      );
      const versioned = await selectRows<{ table_name: string }>(
        get(),
        sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'version' order by 1`,
      );
      const parts = [
        ...tables.map((t) => `(select count(*) from "${t.table_name}")::text`),
        ...versioned.map((t) => `(select coalesce(sum(version), 0) from "${t.table_name}")::text`),
      ];
      snapshotQuery = sql.raw(`select concat_ws(',', ${parts.join(", ")}) as state`);
    });
    afterAll(() => api.close());

    const snapshot = async () => (await selectRows<{ state: string }>(get(), snapshotQuery))[0]?.state;

    // `{number}` and `{id}` in a path: the target of that resource.
    const urlOf = (path: string) =>
      path.replace(/\/([a-z-]+)\/\{(\w+)\}/g, (_all, resource: string, param: string) => {
        const id = ids[resource];
        if (id === undefined) throw new Error(`no target for {${param}} of ${resource} in ${path}: add one to the fixtures of invalidBodies.test.ts`);
        return `/${resource}/${id}`;
      });

    it("finds the write endpoints of the API and a valid base body for each", () => {
      const names = endpoints.map((e) => `${e.method} ${e.path}`);
      for (const expected of [
        "POST /api/v1/tickets",
        "PATCH /api/v1/tickets/{number}",
        "POST /api/v1/tickets/{number}/messages",
        "POST /api/v1/customers",
        "PATCH /api/v1/agents/{id}",
        "POST /api/v1/tags",
      ]) {
        expect(names).toContain(expected);
      }
      for (const endpoint of endpoints) {
        const check = Compile(endpoint.schema as never);
        expect(check.Check(validValue(endpoint.schema)), `${endpoint.method} ${endpoint.path}: ${JSON.stringify(validValue(endpoint.schema))}`).toBe(true);
      }
    });

    describe.each(["POST", "PATCH"])("%s", (method) => {
      it(`refuses every invalid body of every ${method} endpoint with a 4xx, changing nothing`, async () => {
        const selected = endpoints.filter((e) => e.method === method);
        expect(selected.length).toBeGreaterThan(0);
        for (const endpoint of selected) {
          const url = urlOf(endpoint.path);
          const check = Compile(endpoint.schema as never);
          const base = validValue(endpoint.schema);
          await fc.assert(
            fc.asyncProperty(mutations(endpoint.schema, base), async (mutation: Mutation) => {
              const raw = rawBody(mutation);
              // A mutation the schema still accepts (a rare coincidence) tells nothing: skip it.
              fc.pre(raw !== undefined || !check.Check(mutation.body));
              const before = await snapshot();
              const answer = await api.call<unknown>(
                "admin",
                endpoint.method,
                url,
                raw
                  ? { body: raw.raw, headers: { "content-type": raw.contentType } }
                  : { body: JSON.stringify(mutation.body), headers: { "content-type": "application/json" } },
              );
              const what = `${endpoint.method} ${endpoint.path} ${mutation.kind} at ${mutation.path.join(".") || "(body)"}: ${String(JSON.stringify(mutation.body)).slice(0, 300)} → ${answer.status} ${String(JSON.stringify(answer.json)).slice(0, 300)}`;
              expect(answer.status >= 400 && answer.status < 500, what).toBe(true);
              expect(isError.Check(answer.json), what).toBe(true);
              expect(await snapshot(), what).toBe(before);
            }),
            { numRuns: RUNS },
          );
        }
      }, 120_000);
    });
  },
  { once: true },
);
