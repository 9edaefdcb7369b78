// SLA policies through the HTTP API: a full policy with its matrix, every invalid part named by
// its path, versions, unique names and the single default, reorder, and permissions.

import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";

interface PolicyJson {
  id: string;
  name: string;
  position: number;
  version: number;
  jobId?: string | null;
  matrix: { steps: { id: string; clock: string; actions: unknown[] }[] };
  [field: string]: unknown;
}

const ZERO = "00000000-0000-4000-8000-000000000000";

describeStore("SLA policy routes", (get) => {
  let api: ApiHarness;
  let calendarId: string;
  beforeAll(async () => {
    api = await openApi(get());
    const calendar = await api.call<{ id: string }>("manager", "POST", "/api/v1/calendars", {
      body: { name: "Bruxelles", spec: { timezone: "Europe/Brussels", hours: { mon: [["08:30", "17:30"]], tue: [["08:30", "17:30"]] } } },
    });
    calendarId = calendar.json.id;
  });
  afterAll(() => api.close());

  const matrix = () => ({
    steps: [
      { id: "rappel", kind: "reminder", level: 0, offsetMinutes: 30, recipients: [{ kind: "assignee" }] },
      { id: "n1", kind: "level", level: 1, offsetMinutes: 0, recipients: [{ kind: "assignee" }], actions: [{ type: "notify" }] },
      { id: "n2", kind: "level", level: 2, offsetMinutes: 60, recipients: [{ kind: "assignee_manager" }], actions: [{ type: "add_followers" }] },
      { id: "n3", kind: "level", level: 3, offsetMinutes: 120, recipients: [{ kind: "region_managers" }] },
      {
        id: "n4",
        kind: "level",
        level: 4,
        offsetMinutes: 240,
        clock: "wall",
        urgent: true,
        recipients: [{ kind: "agent", agentId: api.agents.manager.id }],
        actions: [
          { type: "webhook", url: "https://hooks.example.org/palier", secret: "0123456789abcdef" },
          { type: "set_tier", tier: "L2" },
        ],
      },
    ],
    startLevel: { urgent: 3 },
  });

  it("creates a policy with its matrix, fills the defaults, and reads it back with an ETag", async () => {
    const created = await api.call<PolicyJson>("manager", "POST", "/api/v1/sla-policies", {
      body: {
        name: "Standard",
        calendarId,
        conditions: { all: [{ field: "channel", op: "in", value: ["email", "web"] }], any: [{ field: "custom.contract", op: "is", value: "gold" }] },
        targets: { urgent: { first_response: 15, resolution: 240 }, normal: { first_response: 240, next_response: null } },
        matrix: matrix(),
      },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json).toMatchObject({
      active: true,
      isDefault: false,
      pauseStatuses: ["pending", "on_hold"],
      noteCountsAsResponse: false,
      version: 1,
      calendarId,
    });
    expect(created.json.jobId).toEqual(expect.any(String));
    expect(created.json.matrix.steps.map((s) => [s.id, s.clock, s.actions.length])).toEqual([
      ["rappel", "business", 0],
      ["n1", "business", 1],
      ["n2", "business", 1],
      ["n3", "business", 0],
      ["n4", "wall", 2],
    ]);
    const read = await api.call<PolicyJson>("viewer", "GET", `/api/v1/sla-policies/${created.json.id}`);
    expect(read.status).toBe(200);
    const { jobId: _jobId, ...policy } = created.json;
    expect(read.json).toEqual(policy);
    const list = await api.call<{ items: PolicyJson[] }>("agent", "GET", "/api/v1/sla-policies");
    expect(list.json.items.map((p) => p.name)).toContain("Standard");
  });

  it("names every invalid part of a policy by its path", async () => {
    const broken = matrix();
    broken.steps[0] = { ...broken.steps[0]!, level: 1 } as never;
    broken.steps[1] = { ...broken.steps[1]!, id: "rappel" } as never;
    broken.steps[2] = { ...broken.steps[2]!, recipients: [{ kind: "agent" }] } as never;
    broken.steps[3] = { ...broken.steps[3]!, recipients: [{ kind: "assignee", teamId: ZERO }], actions: [{ type: "reassign" }] } as never;
    broken.steps[4] = {
      ...broken.steps[4]!,
      actions: [{ type: "webhook", url: "ftp://example.org", secret: "short" }, { type: "set_tier" }, { type: "notify", text: "x" }],
    } as never;
    const answer = await api.call<ErrorJson>("manager", "POST", "/api/v1/sla-policies", {
      body: {
        name: "Cassée",
        conditions: {
          all: [{ field: "channel", op: "in", value: "email" }],
          any: [
            { field: "channel", op: "in", value: ["email", "fax"] },
            { field: "team", op: "is", value: "support" },
          ],
        },
        matrix: { ...broken, startLevel: { urgent: 7 } },
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.error.details.map((d) => d.path).sort()).toEqual(
      [
        "conditions.all[0].value",
        "conditions.any[0].value[1]",
        "conditions.any[1].value",
        "matrix.steps[0].level",
        "matrix.steps[1].id",
        "matrix.steps[2].recipients[0].agentId",
        "matrix.steps[3].recipients[0].teamId",
        "matrix.steps[3].actions[0].agentId",
        "matrix.steps[4].actions[0].url",
        "matrix.steps[4].actions[0].secret",
        "matrix.steps[4].actions[1].tier",
        "matrix.steps[4].actions[2].text",
        "matrix.startLevel.urgent",
      ].sort(),
    );
  });

  it("refuses what the schema forbids, naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "Zéro", targets: { urgent: { first_response: 0 } } }, "targets.urgent.first_response"],
      [{ name: "Inconnu", targets: { critical: { first_response: 10 } } }, "targets.critical"],
      [
        { name: "Négatif", matrix: { steps: [{ id: "x", kind: "level", level: 1, offsetMinutes: -5, recipients: [{ kind: "assignee" }] }] } },
        "matrix.steps[0].offsetMinutes",
      ],
      [
        { name: "Genre", matrix: { steps: [{ id: "x", kind: "level", level: 1, offsetMinutes: 0, recipients: [{ kind: "boss" }] }] } },
        "matrix.steps[0].recipients[0].kind",
      ],
      [{ name: "Champ", conditions: { all: [{ field: "colour", op: "is", value: "red" }] } }, "conditions.all[0].field"],
      [{ name: "Pause", pauseStatuses: ["solved"] }, "pauseStatuses[0]"],
      [{ name: "Calendrier", calendarId: ZERO }, "calendarId"],
      [
        { name: "Agent", matrix: { steps: [{ id: "x", kind: "level", level: 1, offsetMinutes: 0, recipients: [{ kind: "agent", agentId: ZERO }] }] } },
        "matrix.steps[0].recipients[0].agentId",
      ],
    ];
    for (const [body, path] of cases) {
      const answer = await api.call<ErrorJson>("manager", "POST", "/api/v1/sla-policies", { body });
      expect(answer.status, JSON.stringify(answer.json)).toBe(400);
      expect(
        answer.json.error.details.map((d) => d.path),
        JSON.stringify(answer.json),
      ).toContain(path);
    }
  });

  it("updates at the version read, else 409; and an unchanged body changes nothing", async () => {
    const created = await api.call<PolicyJson>("manager", "POST", "/api/v1/sla-policies", { body: { name: "Versionnée", active: false } });
    expect(created.json.jobId).toBeNull();
    const renamed = await api.call<PolicyJson>("manager", "PATCH", `/api/v1/sla-policies/${created.json.id}`, {
      body: { name: "Versionnée 2" },
      headers: { "if-match": '"1"' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: "Versionnée 2", version: 2, jobId: null });
    expect(renamed.headers.etag).toBe('"2"');
    const stale = await api.call<ErrorJson>("manager", "PATCH", `/api/v1/sla-policies/${created.json.id}`, { body: { name: "Perdue", version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("version_conflict");
    const same = await api.call<PolicyJson>("manager", "PATCH", `/api/v1/sla-policies/${created.json.id}`, { body: { name: "Versionnée 2" } });
    expect(same.json.version).toBe(2);
    const activated = await api.call<PolicyJson>("manager", "PATCH", `/api/v1/sla-policies/${created.json.id}`, { body: { active: true } });
    expect(activated.json.jobId).toEqual(expect.any(String));
    expect((await api.call("manager", "PATCH", `/api/v1/sla-policies/${ZERO}`, { body: { name: "x" } })).status).toBe(404);
    expect((await api.call("viewer", "GET", `/api/v1/sla-policies/${ZERO}`)).status).toBe(404);
  });

  it("keeps names unique and a single default policy", async () => {
    await api.call("manager", "POST", "/api/v1/sla-policies", { body: { name: "Défaut", isDefault: true } });
    const twice = await api.call<ErrorJson>("manager", "POST", "/api/v1/sla-policies", { body: { name: "DÉFAUT" } });
    expect(twice.status).toBe(409);
    expect(twice.json.error.details[0]?.path).toBe("name");
    const second = await api.call<ErrorJson>("manager", "POST", "/api/v1/sla-policies", { body: { name: "Autre défaut", isDefault: true } });
    expect(second.status).toBe(409);
    expect(second.json.error.details[0]?.path).toBe("isDefault");
  });

  it("reorders the policies and queues a recompute", async () => {
    const before = (await api.call<{ items: PolicyJson[] }>("viewer", "GET", "/api/v1/sla-policies")).json.items;
    const last = before.at(-1)!;
    const answer = await api.call<{ items: PolicyJson[]; jobId: string | null }>("manager", "POST", "/api/v1/sla-policies/reorder", {
      body: { ids: [last.id] },
    });
    expect(answer.status).toBe(200);
    expect(answer.json.items.map((p) => p.id)).toEqual([last.id, ...before.slice(0, -1).map((p) => p.id)]);
    expect(answer.json.items.map((p) => p.position)).toEqual(before.map((_p, i) => i));
    expect(answer.json.jobId).toEqual(expect.any(String));
    const unknown = await api.call<ErrorJson>("manager", "POST", "/api/v1/sla-policies/reorder", { body: { ids: [last.id, ZERO] } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details[0]?.path).toBe("ids[1]");
  });

  it("lets staff read policies and only managers and admins write them", async () => {
    expect((await api.call("agent", "POST", "/api/v1/sla-policies", { body: { name: "Refusée" } })).status).toBe(403);
    expect((await api.call("team_lead", "POST", "/api/v1/sla-policies/reorder", { body: { ids: [ZERO] } })).status).toBe(403);
    expect((await api.call("admin", "POST", "/api/v1/sla-policies", { body: { name: "Par l'admin" } })).status).toBe(201);
    const customer = await api.signInCustomer("Client", "client.sla@example.org");
    expect((await api.call(customer, "GET", "/api/v1/sla-policies")).status).toBe(403);
    expect((await api.call("anonymous", "GET", "/api/v1/sla-policies")).status).toBe(401);
  });
});
