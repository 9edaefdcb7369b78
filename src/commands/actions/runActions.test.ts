// Running a list of actions: in order, each on the ticket the previous left, a savepoint only
// for those that write, and a failure reported as a skip while the others still run.

import { describe, expect, it } from "vitest";
import type { Directory } from "../../core/directory/directory.js";
import { outcomeSentence, skipSentence } from "../../core/events/index.js";
import { ACTION_TYPES } from "../../core/sla/policy.js";
import type { Db } from "../../store/database.js";
import { workIn } from "../work.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import type { EscalationCause } from "./actionCause.js";
import { RULE_ONLY_ACTION_TYPES, ticketActions } from "./registry.js";
import { runActions } from "./runActions.js";
import type { ActionContext } from "./ticketAction.js";

const NOW = new Date("2026-11-23T10:00:00Z");
const ticket = {
  number: 7,
  subject: "Facture",
  status: "open",
  priority: "normal",
  tier: "L1",
  teamId: null,
  assigneeId: null,
  followers: [],
} as unknown as Ticket;
const cause: EscalationCause = {
  kind: "escalation",
  timerId: 1,
  policy: { id: "p1", name: "Standard", calendarId: null },
  target: "resolution",
  step: { id: "l1", kind: "level", level: 1 },
  dueAt: NOW,
  deadline: NOW,
  lagMs: 0,
  late: false,
};
const agent = {
  id: "a1",
  name: "Ana",
  email: "ana@example.org",
  role: "agent",
  teamId: null,
  managerId: null,
  region: null,
  calendarId: null,
  locale: "fr",
  active: true,
};
const directory: Directory = { agents: new Map([[agent.id, agent]]), teams: new Map() };

/** A transaction whose savepoints are counted, and fail when asked to. */
function stubTx(failSavepoints: boolean) {
  const state = { savepoints: 0 };
  const tx = {
    transaction: async () => {
      state.savepoints += 1;
      if (failSavepoints) throw new Error("the savepoint rolled back");
      throw new Error("unexpected write");
    },
  } as unknown as Db;
  return { tx, state };
}

function contextWith(tx: Db, recipients: ActionContext["recipients"] = []): ActionContext {
  return {
    work: workIn(tx, { now: NOW, actor: { type: "system" } }),
    ticket,
    recipients,
    changeCause: { cause: "comment", text: "level 1" },
    cause,
    directory,
    calendar: () => {
      throw new Error("no calendar: every agent here works around the clock");
    },
  };
}

describe("running actions", () => {
  it("cover every matrix and rule action type in the registry", () => {
    expect(Object.keys(ticketActions).sort()).toEqual([...ACTION_TYPES, ...RULE_ONLY_ACTION_TYPES].sort());
    for (const [type, action] of Object.entries(ticketActions)) expect(action.type).toBe(type);
  });

  it("report a failed write as a skip of its type and still run the next actions, in their order", async () => {
    const { tx, state } = stubTx(true);
    const report = await runActions(contextWith(tx, [{ kind: "agent", agent }]), [
      { type: "set_tier", tier: "L2" },
      { type: "webhook", url: "https://hooks.example.org/x", secret: "s" },
      { type: "notify" },
    ]);
    expect(report.skipped).toEqual([{ action: "set_tier", why: "failed", message: "the savepoint rolled back" }]);
    expect(report.done).toEqual([
      { type: "webhook_queued", url: "https://hooks.example.org/x" },
      { type: "notified", agentId: "a1", name: "Ana", channels: ["inapp", "email"] },
    ]);
    expect(report.skipped.map(skipSentence)).toEqual(["set_tier: failed: the savepoint rolled back"]);
    expect(report.done.map(outcomeSentence)).toEqual(["queued webhook to https://hooks.example.org/x", "notified Ana (in-app, e-mail)"]);
    expect(report.queued.map((item) => item.kind)).toEqual(["webhook", "inapp", "email"]);
    expect(report.changed).toBe(false);
    expect(report.ticket).toBe(ticket);
    // Only the action that writes opened a savepoint.
    expect(state.savepoints).toBe(1);
  });

  it("say why notify skipped when nobody is reached", async () => {
    const report = await runActions(contextWith(stubTx(false).tx), [{ type: "notify" }]);
    expect(report).toMatchObject({ done: [], skipped: [{ action: "notify", why: "nobody_to_notify" }], queued: [] });
    expect(report.skipped.map(skipSentence)).toEqual(["notify: nobody to notify"]);
  });
});
