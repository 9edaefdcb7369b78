// Guided procedures on a database: written through the command (team and articles checked), the
// ones a ticket's tags and team call for, progress saved as a `procedure` event another agent
// reads, and a required procedure holding an escalation back until its information is collected.

import { beforeAll, expect, it } from "vitest";
import { EscalationInvalid } from "../../core/escalation/escalationInvalid.js";
import type { Actor } from "../../core/events/actor.js";
import { renderEvent } from "../../core/events/index.js";
import { ProcedureInvalid } from "../../core/procedure/procedure.js";
import type { Db } from "../../store/database.js";
import { listTicketEvents } from "../../store/events.js";
import { deleteProcedure, listProcedures } from "../../store/procedures.js";
import { NotFoundError } from "../../store/errors.js";
import { buildAgent, buildTeam, buildTicket } from "../../../test/support/factories.js";
import { describeStore } from "../../../test/support/testDatabase.js";
import { escalateTicket } from "../handoff/escalateTicket.js";
import { inWork } from "../work.js";
import { createProcedure, updateProcedure } from "./procedures.js";
import { recordProgress, ticketProcedures } from "./ticketProcedures.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const w = (en: string, fr: string, nl: string) => ({ en, fr, nl });
const outage = (teamId: string | null, required = false) => ({
  teamId,
  requestType: "outage",
  names: w("Internet outage", "Panne internet", "Internetstoring"),
  required,
  steps: [
    { key: "map", label: w("Checked the outage map", "Carte des pannes vérifiée", "Storingskaart bekeken") },
    { key: "restart", label: w("Restarted the modem", "Modem redémarré", "Modem herstart") },
  ],
  fields: [{ key: "postcode", label: w("Postcode", "Code postal", "Postcode"), kind: "number", required: true }],
});

function problems(error: unknown): string[] {
  if (error instanceof ProcedureInvalid || error instanceof EscalationInvalid) return error.problems.map((p) => `${p.path} ${p.code}`);
  throw error;
}

describeStore("guided procedures", (get) => {
  let db: Db;
  let team: string;
  let other: string;
  let ann: Actor;
  let bob: Actor;
  beforeAll(async () => {
    db = get().db;
    team = (await buildTeam(db, { tier: "L1" })).id;
    other = (await buildTeam(db, { tier: "L2" })).id;
    ann = { type: "agent", id: (await buildAgent(db, { teamId: team })).id };
    bob = { type: "agent", id: (await buildAgent(db, { teamId: team })).id };
  });

  it("refuses a team or an article that does not exist, naming the field", async () => {
    const input = {
      ...outage("00000000-0000-4000-8000-000000000009"),
      steps: [{ key: "map", label: w("a", "b", "c"), articleId: "00000000-0000-4000-8000-000000000008" }],
    };
    await expect(createProcedure(db, { input, now: NOW }).catch(problems)).resolves.toEqual(["teamId not_an_id", "steps[0].articleId not_an_id"]);
  });

  it("offers a ticket the procedures of its tags in its team and in every team, not another team's", async () => {
    const mine = await createProcedure(db, { input: outage(team), now: NOW });
    const everywhere = await createProcedure(db, { input: { ...outage(null), requestType: "router", names: w("Router", "Routeur", "Router") }, now: NOW });
    await createProcedure(db, { input: outage(other), now: NOW });
    const { ticket } = await buildTicket(db, { now: NOW, teamId: team, tags: ["router", "outage"] });
    const offered = await ticketProcedures(db, ticket.number);
    expect(offered.map((p) => p.procedure.id)).toEqual([mine.id, everywhere.id]);
    expect(offered[0]).toMatchObject({ progress: { done: [], values: {} }, version: 0, updatedById: null });
    expect(offered[0]?.missing.map((f) => f.key)).toEqual(["postcode"]);
    expect((await listProcedures(db, { teamId: other, requestType: "router" })).map((p) => p.id)).toEqual([everywhere.id]);
  });

  it("saves progress as an event another agent reads in their language, and nothing for a save that changes nothing", async () => {
    const procedure = await createProcedure(db, { input: outage(team), now: NOW });
    const { ticket } = await buildTicket(db, { now: NOW, teamId: team, tags: ["outage"] });
    const later = new Date(NOW.getTime() + 60_000);
    const saved = await inWork(db, { now: later, actor: ann }, (work) =>
      recordProgress(work, { number: ticket.number, procedureId: procedure.id, progress: { done: ["restart"], values: { postcode: "1000" } } }),
    );
    expect(saved).toMatchObject({ progress: { done: ["restart"], values: { postcode: 1000 } }, version: 1, missing: [] });
    await inWork(db, { now: later, actor: bob }, (work) =>
      recordProgress(work, { number: ticket.number, procedureId: procedure.id, progress: { done: ["restart"], values: { postcode: 1000 } } }),
    );
    const seen = (await ticketProcedures(db, ticket.number)).find((p) => p.procedure.id === procedure.id);
    expect(seen).toMatchObject({ progress: { done: ["restart"], values: { postcode: 1000 } }, updatedById: ann.id, version: 1 });
    expect(seen?.updatedAt?.toISOString()).toBe(later.toISOString());
    const events = (await listTicketEvents(db, ticket.number)).filter((e) => e.type === "procedure");
    expect(events).toHaveLength(1);
    expect(events[0]?.actor).toEqual(ann);
    const rendered = renderEvent(events[0]!, { locale: "fr", timeZone: "Europe/Brussels", names: {} });
    expect(rendered.title).toBe("Procédure « Panne internet » : 1 étape sur 2 effectuée");
    expect(rendered.details).toEqual(["Effectué : Modem redémarré", "Recueilli : Code postal"]);
    expect(events[0]?.reason).toBe('Procedure "Internet outage": 1 of 2 steps done');
  });

  it("refuses progress on a step the procedure lacks, and on a procedure the ticket does not call for", async () => {
    const procedure = await createProcedure(db, { input: outage(team), now: NOW });
    const { ticket } = await buildTicket(db, { now: NOW, teamId: team, tags: ["billing"] });
    await expect(
      inWork(db, { now: NOW, actor: ann }, (work) => recordProgress(work, { number: ticket.number, procedureId: procedure.id, progress: { done: ["map"] } })),
    ).rejects.toBeInstanceOf(NotFoundError);
    const { ticket: tagged } = await buildTicket(db, { now: NOW, teamId: team, tags: ["outage"] });
    const refused = await inWork(db, { now: NOW, actor: ann }, (work) =>
      recordProgress(work, { number: tagged.number, procedureId: procedure.id, progress: { done: ["reboot"], values: { postcode: "x" } } }),
    ).catch(problems);
    expect(refused).toEqual(["done[0] not_allowed_value", "values.postcode wrong_type"]);
  });

  it("keeps progress on the steps that remain when the procedure changes, and drops it with the procedure", async () => {
    const procedure = await createProcedure(db, { input: outage(team), now: NOW });
    const { ticket } = await buildTicket(db, { now: NOW, teamId: team, tags: ["outage"] });
    await inWork(db, { now: NOW, actor: ann }, (work) =>
      recordProgress(work, { number: ticket.number, procedureId: procedure.id, progress: { done: ["map", "restart"] } }),
    );
    const changed = await updateProcedure(db, { id: procedure.id, input: { ...outage(team), steps: [outage(team).steps[1]!] }, now: NOW, expectedVersion: 1 });
    expect(changed.version).toBe(2);
    const after = (await ticketProcedures(db, ticket.number)).find((p) => p.procedure.id === procedure.id);
    expect(after?.progress.done).toEqual(["restart"]);
    await deleteProcedure(db, procedure.id, 2);
    expect((await ticketProcedures(db, ticket.number)).some((p) => p.procedure.id === procedure.id)).toBe(false);
  });

  it("holds an escalation back while a required procedure misses required information, then lets it through", async () => {
    const tag = "no-signal";
    const procedure = await createProcedure(db, { input: { ...outage(team, true), requestType: tag }, now: NOW });
    const { ticket } = await buildTicket(db, { now: NOW, teamId: team, tags: [tag] });
    const later = new Date(NOW.getTime() + 3_600_000);
    const request = { kind: "functional", toTeamId: other, handoff: { summary: "No signal", tried: "Restarted", impact: "One home", urgency: "normal" } };
    const refused = await inWork(db, { now: later, actor: ann }, (work) => escalateTicket(work, { number: ticket.number, request })).catch(problems);
    expect(refused).toEqual(["procedure procedure_incomplete"]);
    const both = await inWork(db, { now: later, actor: ann }, (work) =>
      escalateTicket(work, { number: ticket.number, request: { ...request, handoff: { ...request.handoff, impact: "" } } }),
    ).catch(problems);
    expect(both).toEqual(["handoff.impact required", "procedure procedure_incomplete"]);
    await inWork(db, { now: later, actor: ann }, (work) =>
      recordProgress(work, { number: ticket.number, procedureId: procedure.id, progress: { values: { postcode: 4000 } } }),
    );
    const made = await inWork(db, { now: later, actor: ann }, (work) => escalateTicket(work, { number: ticket.number, request }));
    expect(made.escalation.toTeamId).toBe(other);
  });
});
