// Running a team's rules on one event of a ticket, in the event's unit of work: the rules that
// listen to it and whose conditions hold run their actions in order (through the one action
// registry), each leaving a `rule` event that names it, its trigger, the comparisons that held
// and what it did. When rules changed the ticket, the `ticket_updated` rules run again on the
// change, without the rules that already ran in this chain (a rule's own change never sets it
// off again), at most RULE_DEPTH_LIMIT rounds deep: past that a `rule_limit` event says the chain
// stopped and which rules it held back.

import type { BusinessCalendar } from "../../core/calendar/index.js";
import type { Actor, NewTicketEvent, RuleChangeCause } from "../../core/events/index.js";
import type { RuleEventData } from "../../core/events/ruleData.js";
import { evaluateRules } from "../../core/rules/evaluate.js";
import { type Rule, RULE_DEPTH_LIMIT, type RuleMatch, type RuleTrigger } from "../../core/rules/rule.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import type { TriageSignals } from "../../core/triage/signals.js";
import { drawEventIds } from "../../store/eventRows.js";
import { writeEvents } from "../../store/events.js";
import { enqueue } from "../../store/outbox/outbox.js";
import type { RuleCause } from "../actions/actionCause.js";
import { runActions } from "../actions/runActions.js";
import type { Work } from "../work.js";
import { actionDirectory, policyCalendarId, ruleFacts, type RunMessage } from "./ruleContext.js";
import { customerFacts, enabledRules } from "./rulesCache.js";

export interface RunRulesProps {
  /** The ticket as the event left it, locked in the unit of work. */
  ticket: Ticket;
  /** The ticket before the event (for `changed` operators); absent on creation and for time rules. */
  before?: Ticket | undefined;
  trigger: RuleTrigger;
  /** The message the event is about, when there is one (else the ticket's latest is read when a rule listens). */
  message?: RunMessage | undefined;
  /** Its triage signals (null: none); undefined: the latest customer message's are read. */
  triage?: TriageSignals | null | undefined;
  /** 0 for the event itself; each round set off by rules' changes adds one. */
  depth?: number;
  /** The rules that already ran in this chain: they do not run again. */
  fired?: ReadonlySet<string>;
  /** Run only this rule (a time rule at its moment). */
  only?: Rule;
  /** The calendar a time rule's moment was counted on, when the caller has it. */
  calendar?: BusinessCalendar | null;
}

/** What the rules did: the ticket after them, and the rules that ran (in order). */
export interface RulesRun {
  ticket: Ticket;
  ran: RuleMatch[];
}

/**
 * Runs the rules listening to `trigger` on the ticket, then the chain their changes set off.
 * Costs one query per unit of work (the enabled rules) when no rule listens to the trigger.
 */
export async function runRules(work: Work, props: RunRulesProps): Promise<RulesRun> {
  const rules = props.only ? [props.only] : await enabledRules(work, props.ticket.customerId);
  const depth = props.depth ?? 0;
  const fired = props.fired ?? new Set<string>();
  const listening = rules.filter((r) => r.enabled && r.triggers.includes(props.trigger) && !fired.has(r.id));
  if (listening.length === 0) return { ticket: props.ticket, ran: [] };
  const actor: Actor = depth === 0 ? work.actor : { type: "rule", id: null };
  const facts = await ruleFacts(work, { ...props, actor, rules: listening });
  const matches = evaluateRules(listening, facts, props.trigger, { skip: fired });
  if (matches.length === 0) return { ticket: props.ticket, ran: [] };
  if (depth > RULE_DEPTH_LIMIT) {
    // The chain went as deep as allowed: say which rules it held back, and stop.
    await writeEvents(work.tx, [
      {
        ticketNumber: props.ticket.number,
        at: work.now,
        actor: { type: "system" },
        type: "rule_limit",
        data: { limit: RULE_DEPTH_LIMIT, rules: matches.map((m) => ({ ruleId: m.ruleId, ruleName: m.ruleName })) },
      },
    ]);
    return { ticket: props.ticket, ran: [] };
  }

  const byId = new Map(rules.map((r) => [r.id, r]));
  const eventIds = await drawEventIds(work.tx, matches.length);
  const calendarId = await policyCalendarId(work, props.ticket);
  const events: NewTicketEvent[] = [];
  const start = props.ticket;
  let ticket = props.ticket;
  let changed = false;
  for (const [index, match] of matches.entries()) {
    const rule = byId.get(match.ruleId) as Rule;
    const eventId = eventIds[index] as number;
    const ruleActor: Actor = { type: "rule", id: rule.id };
    const changeCause: RuleChangeCause = { cause: "rule", ruleId: rule.id, ruleName: rule.name, eventId };
    const cause: RuleCause = { kind: "rule", ruleId: rule.id, ruleName: rule.name, trigger: props.trigger, calendarId };
    const { directory, calendar } = await actionDirectory(work, ticket, rule.actions);
    // A canned reply speaks to the customer: their name and language, read when a rule needs them.
    const customer = rule.actions.some((a) => a.type === "canned_reply") ? (await customerFacts(work, ticket.customerId)).customer : facts.customer;
    const report = await runActions(
      { work: { ...work, actor: ruleActor }, ticket, recipients: [], changeCause, cause, directory, calendar, customer },
      rule.actions,
    );
    if (report.changed) changed = true;
    ticket = report.ticket;
    const last = index === matches.length - 1;
    const data: RuleEventData = {
      ruleId: rule.id,
      ruleName: rule.name,
      trigger: props.trigger,
      matched: match.matched,
      outcomes: report.done,
      ...(report.skipped.length ? { skips: report.skipped } : {}),
      depth,
      ...(last && rule.stop ? { stopped: true as const } : {}),
    };
    events.push({ id: eventId, ticketNumber: ticket.number, at: work.now, actor: ruleActor, type: "rule", data });
    await enqueue(work.tx, report.queued, work.now);
  }
  await writeEvents(work.tx, events);
  const ran = [...matches];
  if (!changed) return { ticket, ran };
  // The rules' changes are an update of the ticket: the rules that have not run yet in this chain may answer it.
  const chain = await runRules(work, {
    ticket,
    before: start,
    trigger: "ticket_updated",
    depth: depth + 1,
    fired: new Set([...fired, ...matches.map((m) => m.ruleId)]),
    ...(props.triage !== undefined ? { triage: props.triage } : {}),
  });
  return { ticket: chain.ticket, ran: [...ran, ...chain.ran] };
}
