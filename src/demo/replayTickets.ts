// Replays the demo tickets' scripts through the product's own operations, in global time order:
// each happening is a ticket creation, a message or a change made at its instant by its actor,
// and before it the escalation matrix fires every step that fell due, and the time rules every
// moment that came, at its due time, as the timer engine would have. The timelines, clocks,
// escalations, rules' decisions and notifications are thus exactly what the product writes.

import { readMail } from "../channels/email/readMail.js";
import { fireDueSteps } from "../commands/escalation/fireDueSteps.js";
import { receiveMail } from "../commands/mail/receiveMail.js";
import { fireDueRuleTimers } from "../commands/rules/fireRuleTimers.js";
import { clockCache } from "../commands/sla/clockCache.js";
import { SYSTEM } from "../commands/sla/syncClocks.js";
import { addMessage } from "../commands/tickets/addMessage.js";
import { updateTicket } from "../commands/tickets/changeTicket.js";
import { createTicket } from "../commands/tickets/createTicket.js";
import type { Work } from "../commands/work.js";
import type { Actor } from "../core/events/actor.js";
import type { TicketFields } from "../core/ticket/ticketRecord.js";
import type { Db } from "../store/database.js";
import { customerStore, teamStore } from "../store/entities.js";
import { getTicket } from "../store/tickets/ticketRows.js";
import { nextDueMoments } from "../store/ruleTimers.js";
import type { Happening, PlannedTicket, ScriptedChanges } from "./demoTickets.js";

/** The worker name the demo's escalation events carry. */
export const DEMO_WORKER = "demo";

// Timers fired per batch: every step due at one instant, in practice.
const BATCH = 500;

/** What the replay wrote. */
export interface ReplaySummary {
  tickets: number;
  messages: number;
  /** Matrix steps fired on the way. */
  escalations: number;
}

/**
 * Replays `scripts` (oldest first) in `tx`, then fires what falls due up to `now`. Ticket numbers
 * follow the order of creation, so tickets created later continue after them.
 */
export async function replayTickets(tx: Db, scripts: readonly PlannedTicket[], now: Date): Promise<ReplaySummary> {
  const summary: ReplaySummary = { tickets: 0, messages: 0, escalations: 0 };
  const numbers = new Map<PlannedTicket, number>();
  // The policies, calendars and customers are written before the replay and never change in it:
  // read once for all its units of work. Each ticket's clocks are read afresh, since a fired
  // step's actions may have changed them.
  const shared = clockCache();
  const workAt = (now: Date, actor: Actor): Work => ({ tx, now, actor, clocks: { ...shared, tickets: new Map() } });
  // Matrix steps and time rules fire at their instants, whichever comes first, as the engine's
  // timer loop would have fired them.
  const nextDue = async (): Promise<{ at: Date; kind: "step" | "rule" } | null> => {
    const { step, rule } = await nextDueMoments(tx);
    if (step && (!rule || step <= rule)) return { at: step, kind: "step" };
    return rule ? { at: rule, kind: "rule" } : null;
  };
  const fireDue = async (until: Date): Promise<number> => {
    let fired = 0;
    for (let due = await nextDue(); due !== null && due.at <= until; due = await nextDue()) {
      const work = workAt(due.at, SYSTEM);
      const batch =
        due.kind === "step" ? await fireDueSteps(work, { batchSize: BATCH, workerId: DEMO_WORKER }) : await fireDueRuleTimers(work, { batchSize: BATCH });
      // Alone in its transaction, the replay can always take what is due: no progress is a bug.
      if (batch.fired + batch.cancelled === 0) throw new Error(`the demo's ${due.kind} timers due at ${due.at.toISOString()} did not fire`);
      if (due.kind === "step") fired += batch.fired;
    }
    return fired;
  };
  for (const { script, happening } of inTimeOrder(scripts)) {
    summary.escalations += await fireDue(happening.at);
    const work = workAt(happening.at, happening.actor);
    if (happening.type === "open") {
      numbers.set(script, await open(work, script, happening));
      summary.tickets += 1;
      summary.messages += 1;
      continue;
    }
    const number = numbers.get(script) as number;
    if (happening.type === "message" && script.opening.channel === "email" && happening.message.kind === "customer") {
      await mailIn(work, script, number, happening.message.text);
      summary.messages += 1;
    } else if (happening.type === "message") {
      await addMessage(work, { number, ...happening.message });
      summary.messages += 1;
    } else {
      await updateTicket(work, { number, changes: await fieldsOf(work.tx, number, happening.changes), ...(happening.cause ? { cause: happening.cause } : {}) });
    }
    shared.policies ??= work.clocks.policies;
  }
  summary.escalations += await fireDue(now);
  return summary;
}

/** Every happening of every script, oldest first; at one instant, in script order, then in each script's order. */
function inTimeOrder(scripts: readonly PlannedTicket[]): { script: PlannedTicket; happening: Happening }[] {
  const all = scripts.flatMap((script, index) => script.happenings.map((happening, order) => ({ script, happening, index, order })));
  all.sort((a, b) => a.happening.at.getTime() - b.happening.at.getTime() || a.index - b.index || a.order - b.order);
  return all;
}

async function open(work: Work, script: PlannedTicket, happening: Extract<Happening, { type: "open" }>): Promise<number> {
  const { ticket } = await createTicket(work, { ...script.opening, message: happening.message });
  return ticket.number;
}

/**
 * A customer's message on an e-mail ticket arrives as the mail it is: written to the team's
 * address, answering the ticket by the reference in its subject, and taken by the e-mail intake,
 * so that the team's received mail holds it as it would a real one.
 */
async function mailIn(work: Work, script: PlannedTicket, number: number, text: string): Promise<void> {
  const customer = await customerStore.get(work.tx, script.opening.customerId);
  const team = await teamStore.get(work.tx, script.opening.teamId);
  if (!customer?.email || !team?.email) throw new Error(`the demo's ticket #${number} has no customer or team address to mail`);
  const raw = Buffer.from(
    [
      `From: ${customer.name.replace(/[^\p{L}\p{N} .'-]/gu, "")} <${customer.email}>`,
      `To: ${team.email}`,
      `Subject: Re: ${script.opening.subject} [#${number}]`,
      `Date: ${work.now.toUTCString()}`,
      `Message-ID: <demo.${number}.${work.now.getTime()}@${customer.email.split("@")[1] ?? "demo"}>`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: 8bit",
      "",
      text,
      "",
    ].join("\r\n"),
  );
  const received = await receiveMail(work, { raw, mail: await readMail(raw), recipients: [team.email] });
  if (received.outcome !== "reply" || received.ticketNumber !== number) {
    throw new Error(`the demo's mail for ticket #${number} was taken as ${received.outcome} on #${received.ticketNumber ?? "none"}`);
  }
}

/** The fields a scripted change sets; tags and followers it adds to those the ticket carries now. */
async function fieldsOf(tx: Db, number: number, changes: ScriptedChanges): Promise<Partial<TicketFields>> {
  const { addTags, addFollowers, ...fields } = changes;
  if (!addTags?.length && !addFollowers?.length) return fields;
  const ticket = await getTicket(tx, number);
  if (!ticket) throw new Error(`the demo's ticket #${number} is gone`);
  return {
    ...fields,
    ...(addTags?.length ? { tags: [...ticket.tags, ...addTags] } : {}),
    ...(addFollowers?.length ? { followers: [...new Set([...ticket.followers, ...addFollowers])] } : {}),
  };
}
