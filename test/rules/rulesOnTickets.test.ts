// Rules answering tickets' events in their unit of work: on creation, customer messages and
// updates, the explanation each decision leaves (in French, Dutch and English), `stop`, and the
// protections against loops.

import { sql } from "drizzle-orm";
import { afterEach, beforeAll, expect, it } from "vitest";
import { renderEvent, type StoredTicketEvent } from "../../src/core/events/index.js";
import type { RuleAction, RuleDefinition } from "../../src/core/rules/rule.js";
import { RULE_DEPTH_LIMIT } from "../../src/core/rules/rule.js";
import { inWork } from "../../src/commands/work.js";
import type { Database } from "../../src/store/database.js";
import { listTicketEvents } from "../../src/store/events.js";
import { insertRule } from "../../src/store/rules.js";
import { getTicket } from "../../src/store/tickets/ticketRows.js";
import { addMessage, createTicket, updateTicket } from "../support/commandsOnDb.js";
import { buildAgent, buildCustomer, buildTeam } from "../support/factories.js";
import { describeStore } from "../support/testDatabase.js";

const T0 = new Date("2026-11-23T09:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describeStore("rules on tickets", (get) => {
  let db: Database["db"];
  let customerId: string;
  const customer = () => ({ type: "customer" as const, id: customerId });

  beforeAll(async () => {
    db = get().db;
    customerId = (await buildCustomer(db, { name: "Marie Dupont", email: "marie@example.fr", language: "fr" })).id;
  });

  afterEach(async () => {
    await db.execute(sql`delete from rules`);
  });

  const rule = (definition: Partial<RuleDefinition> & { name: string; actions: RuleAction[] }) =>
    inWork(db, { now: T0, actor: { type: "system" } }, (work) =>
      insertRule(work.tx, { enabled: true, triggers: ["ticket_created"], conditions: { all: [] }, stop: false, ...definition }, T0),
    );

  const newTicket = (subject: string, text = subject, now = T0) =>
    createTicket(db, { now, actor: customer(), subject, channel: "email", customerId, language: "fr", message: { text } });

  const eventsOf = async (number: number, type: string) => (await listTicketEvents(db, number)).filter((e) => e.type === type);
  const render = (event: StoredTicketEvent, locale: "fr" | "nl" | "en") => renderEvent(event, { locale, timeZone: "Europe/Paris", names: {} });

  it("raises a new ticket whose subject holds the words, and says why on the timeline in the reader's language", async () => {
    const urgent = await rule({
      name: "Panne signalée",
      conditions: { field: "ticket.subject", op: "matches_words", value: ["ne marche pas", "werkt niet"] },
      actions: [{ type: "set_priority", priority: "urgent" }],
    });
    const { ticket } = await newTicket("ÇA NE MARCHE PAS!!", "Bonjour, le portail est bloqué.");
    expect(ticket.priority).toBe("urgent");
    expect((await getTicket(db, ticket.number))?.priority).toBe("urgent");

    const [decision] = await eventsOf(ticket.number, "rule");
    expect(decision?.actor).toEqual({ type: "rule", id: urgent.id });
    expect(decision?.data).toMatchObject({
      ruleId: urgent.id,
      ruleName: "Panne signalée",
      trigger: "ticket_created",
      matched: [{ field: "ticket.subject", op: "matches_words", found: ["ne marche pas"] }],
      outcomes: [{ type: "priority_set", from: "normal", to: "urgent" }],
      depth: 0,
    });
    // The change it made names the rule as its cause, after the decision on the timeline.
    const events = await listTicketEvents(db, ticket.number);
    const change = events.find((e) => e.type === "updated" && e.changes.priority);
    expect(change?.data).toMatchObject({ cause: { cause: "rule", ruleId: urgent.id, ruleName: "Panne signalée", eventId: decision?.id } });
    expect(change && decision && change.id > decision.id).toBe(true);

    const fr = render(decision as StoredTicketEvent, "fr");
    expect(fr.title).toBe("Règle\u00a0: Panne signalée");
    expect(fr.details).toContain("Parce que\u00a0: l’objet contient «\u00a0ne marche pas\u00a0»");
    expect(fr.details.join("\n")).toContain("priorité passée de Normale à Urgente");
    expect(render(decision as StoredTicketEvent, "en").details).toContain("Because: the subject holds “ne marche pas”");
    expect(render(decision as StoredTicketEvent, "nl").details).toContain("Omdat: het onderwerp bevat ‘ne marche pas’");
    expect(render(change as StoredTicketEvent, "en").why).toBe("Rule “Panne signalée”");
  });

  it("reads the triage signals of a customer's message, stores them, and lets a rule act on them", async () => {
    await rule({
      name: "Client en colère",
      triggers: ["customer_message"],
      conditions: { all: [{ field: "triage.frustration", op: "greater_than", value: 0.5 }] },
      actions: [{ type: "add_tags", tags: ["Colère"] }],
    });
    const { ticket } = await newTicket("Question", "Bonjour, une question sur ma facture.");
    expect(ticket.tags).toEqual([]);
    const angry = "C'EST INACCEPTABLE !!! Troisième relance, personne ne répond, c'est scandaleux et nul. Je vais voir un avocat.";
    const { ticket: after, message } = await addMessage(db, { now: later(10), actor: customer(), number: ticket.number, text: angry });
    expect(after.tags).toEqual(["colère"]);
    expect(message.triage).toMatchObject({ frustrated: true, alarms: expect.arrayContaining([{ kind: "legal", phrase: "avocat" }]) });
    const stored = (await getTicket(db, ticket.number)) as unknown as { frustration: number; frustrated: boolean; alarms: string[] };
    expect(stored.frustrated).toBe(true);
    expect(stored.frustration).toBe(message.triage?.frustration);
    expect(stored.alarms).toContain("legal");

    const [triage] = await eventsOf(ticket.number, "triage");
    expect(triage?.data).toMatchObject({ messageId: message.id, threshold: 0.5 });
    expect(render(triage as StoredTicketEvent, "fr").title).toBe("Client frustré");
    expect(render(triage as StoredTicketEvent, "en").details).toContain("Alarm: legal (“avocat”)");
    const [decision] = await eventsOf(ticket.number, "rule");
    const matched = (decision?.data as { matched: { actual: number }[] }).matched;
    expect(matched[0]?.actual).toBe(message.triage?.frustration);
    expect(render(decision as StoredTicketEvent, "en").details[1]).toMatch(/^Because: frustration 0\.\d+ > 0\.5$/);
  });

  it("answers an update of the tags, seeing what changed", async () => {
    const team = await buildTeam(db, { name: "Grands comptes" });
    await rule({
      name: "VIP vers les grands comptes",
      triggers: ["ticket_updated"],
      conditions: { field: "ticket.tags", op: "changed_to", value: "vip" },
      actions: [{ type: "set_team", teamId: team.id }],
    });
    const { ticket } = await newTicket("Contrat");
    const updated = await updateTicket(db, { now: later(5), actor: { type: "system" }, number: ticket.number, changes: { tags: ["vip"] } });
    expect(updated.teamId).toBe(team.id);
    const [decision] = await eventsOf(ticket.number, "rule");
    expect(decision?.data).toMatchObject({ trigger: "ticket_updated", outcomes: [{ type: "team_set", teamId: team.id, name: "Grands comptes" }] });
    // Another edit that leaves the tags alone does not set it off again.
    await updateTicket(db, { now: later(6), actor: { type: "system" }, number: ticket.number, changes: { subject: "Contrat 2027" } });
    expect(await eventsOf(ticket.number, "rule")).toHaveLength(1);
  });

  it("stops the rules after one that matched with stop", async () => {
    await rule({ name: "D'abord", actions: [{ type: "add_tags", tags: ["premier"] }], stop: true });
    await rule({ name: "Ensuite", actions: [{ type: "add_tags", tags: ["second"] }] });
    const { ticket } = await newTicket("Ordre des règles");
    expect(ticket.tags).toEqual(["premier"]);
    const decisions = await eventsOf(ticket.number, "rule");
    expect(decisions.map((e) => (e.data as { ruleName: string }).ruleName)).toEqual(["D'abord"]);
    expect(render(decisions[0] as StoredTicketEvent, "en").details).toContain("The rules after it did not run for this event.");
  });

  it("does not set a rule off again with its own change", async () => {
    await rule({
      name: "Note à chaque mise à jour",
      triggers: ["ticket_updated"],
      actions: [
        { type: "add_note", text: "Vu." },
        { type: "add_tags", tags: ["vu"] },
      ],
    });
    const { ticket } = await newTicket("Boucle");
    await updateTicket(db, { now: later(1), actor: { type: "system" }, number: ticket.number, changes: { priority: "high" } });
    expect(await eventsOf(ticket.number, "rule")).toHaveLength(1);
    expect(await eventsOf(ticket.number, "rule_limit")).toHaveLength(0);
  });

  it(`stops a chain of rules setting each other off ${RULE_DEPTH_LIMIT} rounds deep, and records it`, async () => {
    // Rule k adds tag k+1 when the ticket carries tag k: a chain longer than the limit.
    const length = RULE_DEPTH_LIMIT + 3;
    for (let k = 0; k < length; k += 1) {
      await rule({
        name: `Chaîne ${k}`,
        triggers: ["ticket_created", "ticket_updated"],
        conditions: { field: "ticket.tags", op: "contains", value: `t${k}` },
        actions: [{ type: "add_tags", tags: [`t${k + 1}`] }],
      });
    }
    const created = await createTicket(db, { now: T0, actor: customer(), subject: "Chaîne", channel: "email", customerId, tags: ["t0"] });
    const decisions = await eventsOf(created.ticket.number, "rule");
    expect(decisions.map((e) => (e.data as { depth: number }).depth)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(created.ticket.tags).toEqual(["t0", "t1", "t2", "t3", "t4", "t5", "t6"]);
    const [limit] = await eventsOf(created.ticket.number, "rule_limit");
    expect(limit?.data).toEqual({ limit: RULE_DEPTH_LIMIT, rules: [{ ruleId: expect.any(String), ruleName: "Chaîne 6" }] });
    expect(render(limit as StoredTicketEvent, "fr").details[0]).toContain("avant que Chaîne 6 ne s’exécute à nouveau");
    expect(render(limit as StoredTicketEvent, "en").title).toBe("Rules stopped");
  });

  it("runs the new actions: assign, escalate with a note and the lead's notice, a canned reply that is not a first response, remove tags", async () => {
    const lead = await buildAgent(db, { name: "Léa Martin", email: "lea@example.org" });
    const tier2 = await buildTeam(db, { name: "Niveau 2", leadId: lead.id });
    const agent = await buildAgent(db, { name: "Jan Peeters", email: "jan@example.be" });
    await rule({
      name: "Accueil",
      actions: [
        {
          type: "canned_reply",
          templates: { fr: "Bonjour {{customer.name}}, nous avons bien reçu le ticket n° {{ticket.number}} ({{ticket.subject}}).", en: "Hello" },
        },
        { type: "assign", agentId: agent.id },
        { type: "escalate", teamId: tier2.id, note: "Escaladé par la règle" },
        { type: "remove_tags", tags: ["nouveau"] },
        { type: "remove_tags", tags: ["absent"] },
      ],
    });
    const { ticket } = await createTicket(db, {
      now: T0,
      actor: customer(),
      subject: "Accès",
      channel: "email",
      customerId,
      tags: ["nouveau"],
      message: { text: "Bonjour" },
    });
    expect(ticket).toMatchObject({ tier: "L2", teamId: tier2.id, assigneeId: null, tags: [], firstResponseAt: null, status: "new" });
    const [decision] = await eventsOf(ticket.number, "rule");
    const data = decision?.data as { outcomes: { type: string }[]; skips: unknown[] };
    expect(data.outcomes.map((o) => o.type)).toEqual(["reply_sent", "reassigned", "escalated", "team_set", "note_added", "notified", "tags_removed"]);
    expect(data.skips).toEqual([{ action: "remove_tags", why: "not_tagged" }]);
    const replies = await db.execute(sql`select body_text, kind, author_agent_id from messages where ticket_number = ${ticket.number} and kind = 'reply'`);
    const rows = (replies as unknown as { rows: { body_text: string }[] }).rows;
    expect(rows.map((r) => r.body_text)).toEqual([`Bonjour Marie Dupont, nous avons bien reçu le ticket n° ${ticket.number} (Accès).`]);
    const notices = await db.execute(sql`select kind, agent_id from outbox where ticket_number = ${ticket.number} order by id`);
    expect((notices as unknown as { rows: { agent_id: string }[] }).rows.map((r) => r.agent_id)).toContain(lead.id);
    expect(render(decision as StoredTicketEvent, "fr").details.join("\n")).toContain("réponse type envoyée en Français");
  });
});
