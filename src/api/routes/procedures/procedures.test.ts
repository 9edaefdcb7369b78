// Guided procedures over HTTP: who may read and write them, every problem of a procedure or of a
// ticket's progress named by its path in the reader's language, conditional replace and delete,
// and a ticket's procedures with the progress an agent saved.

import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { buildTicket } from "../../../../test/support/factories.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import { ROLES } from "../../../core/access/permissions.js";

const w = (en: string, fr: string, nl: string) => ({ en, fr, nl });
const body = (requestType = "outage") => ({
  requestType,
  names: w("Internet outage", "Panne internet", "Internetstoring"),
  steps: [{ key: "restart", label: w("Restarted the modem", "Modem redémarré", "Modem herstart") }],
  fields: [
    {
      key: "lights",
      label: w("Modem lights", "Voyants du modem", "Lampjes van de modem"),
      kind: "choice",
      required: true,
      choices: [{ key: "red", label: w("Red", "Rouge", "Rood") }],
    },
  ],
});

interface ProcedureJson {
  id: string;
  version: number;
  requestType: string;
}

describeStore("procedure routes", (get) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  it("lets managers and admins write procedures and every member of staff read them, customers neither", async () => {
    for (const role of ROLES) {
      const created = await api.call<ProcedureJson>(role, "POST", "/api/v1/procedures", { body: body(`roles-${role}`) });
      expect(created.status, role).toBe(role === "admin" || role === "manager" ? 201 : 403);
      expect((await api.call(role, "GET", "/api/v1/procedures")).status, role).toBe(200);
    }
    const customer = await api.signInCustomer("Procedure Customer", "procedure.customer@example.org");
    expect((await api.call(customer, "GET", "/api/v1/procedures")).status).toBe(403);
    expect((await api.call("anonymous", "GET", "/api/v1/procedures")).status).toBe(401);
  });

  it("names every problem of a procedure by its path, in the reader's language", async () => {
    const bad = {
      requestType: "",
      names: { en: "Outage" },
      steps: [{ key: "A b", label: w("x", "y", "z") }],
      fields: [{ key: "f", label: w("x", "y", "z"), kind: "date" }],
    };
    const answer = await api.call<ErrorJson>("manager", "POST", "/api/v1/procedures", { body: bad, headers: { "accept-language": "nl-BE" } });
    expect(answer.status).toBe(400);
    expect(answer.json.error.details.map((d) => [d.path, d.code])).toEqual([
      ["requestType", "required"],
      ["names.fr", "required"],
      ["names.nl", "required"],
      ["steps[0].key", "procedure_key_format"],
      ["fields[0].kind", "not_allowed_value"],
    ]);
    expect(answer.json.error.details[2]).toMatchObject({ label: "Namen › Nederlands", message: "is verplicht" });
    const english = await api.call<ErrorJson>("manager", "POST", "/api/v1/procedures", { body: { ...body(), teamId: "00000000-0000-4000-8000-000000000001" } });
    expect(english.json.error.details).toEqual([{ path: "teamId", code: "not_an_id", message: "must be chosen from the list" }]);
  });

  it("replaces and deletes a procedure conditionally on its version", async () => {
    const created = (await api.call<ProcedureJson>("manager", "POST", "/api/v1/procedures", { body: body("replace-me") })).json;
    const stale = await api.call("manager", "PUT", `/api/v1/procedures/${created.id}`, { body: { ...body("replaced"), version: 9 } });
    expect(stale.status).toBe(409);
    const replaced = await api.call<ProcedureJson>("admin", "PUT", `/api/v1/procedures/${created.id}`, {
      body: body("replaced"),
      headers: { "if-match": '"1"' },
    });
    expect(replaced.json).toMatchObject({ requestType: "replaced", version: 2 });
    expect((await api.call("team_lead", "DELETE", `/api/v1/procedures/${created.id}`)).status).toBe(403);
    expect((await api.call("manager", "DELETE", `/api/v1/procedures/${created.id}`)).status).toBe(204);
    expect((await api.call("agent", "GET", `/api/v1/procedures/${created.id}`)).status).toBe(404);
  });

  it("shows a ticket's procedures with the progress an agent saved, and names a bad value", async () => {
    const procedure = (await api.call<ProcedureJson>("manager", "POST", "/api/v1/procedures", { body: body("lights-off") })).json;
    const { ticket } = await buildTicket(api.db, { now: api.clock.now(), teamId: api.teamId, tags: ["lights-off"] });
    const url = `/api/v1/tickets/${ticket.number}/procedures`;
    const before = await api.call<{ items: { procedure: { id: string }; missing: string[]; version: number }[] }>("viewer", "GET", url);
    expect(before.json.items.map((i) => [i.procedure.id, i.missing, i.version])).toEqual([[procedure.id, ["lights"], 0]]);
    expect((await api.call("viewer", "PUT", `${url}/${procedure.id}`, { body: { done: ["restart"] } })).status).toBe(403);
    const refused = await api.call<ErrorJson>("agent", "PUT", `${url}/${procedure.id}`, {
      body: { values: { lights: "green" } },
      headers: { "accept-language": "fr" },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.details).toEqual([
      { path: "values.lights", code: "not_allowed_value", message: "doit être l’une des valeurs : red", label: "Informations recueillies › lights" },
    ]);
    const saved = await api.call<{ done: string[]; values: Record<string, string>; missing: string[]; updatedById: string }>(
      "agent",
      "PUT",
      `${url}/${procedure.id}`,
      {
        body: { done: ["restart"], values: { lights: "red" } },
      },
    );
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ done: ["restart"], values: { lights: "red" }, missing: [], updatedById: api.agents.agent.id });
    const events = await api.call<{ items: { type: string; actorId: string }[] }>("team_lead", "GET", `/api/v1/tickets/${ticket.number}/events`);
    expect(events.json.items.filter((e) => e.type === "procedure").map((e) => e.actorId)).toEqual([api.agents.agent.id]);
  });
});
