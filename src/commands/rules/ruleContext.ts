// What a rule's run needs beyond the rules: the facts its conditions read, the ticket's SLA
// policy's calendar (business hours, business time units), and the agents, teams and calendars
// its actions reach (read only when a matching rule's actions need them).

import type { BusinessCalendar } from "../../core/calendar/index.js";
import type { Directory } from "../../core/directory/directory.js";
import type { Actor } from "../../core/events/index.js";
import type { RuleFacts } from "../../core/rules/facts.js";
import type { Condition, Rule, RuleAction } from "../../core/rules/rule.js";
import { factsOf } from "../../core/sla/clockPlan.js";
import { matchPolicy } from "../../core/sla/conditions.js";
import type { MatrixStep, Recipient, StepAction } from "../../core/sla/policy.js";
import type { Channel, MessageKind } from "../../core/ticket/ticket.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import type { TriageSignals } from "../../core/triage/signals.js";
import { loadDirectory } from "../../store/directory.js";
import { readMessageFacts } from "../../store/ruleRuns.js";
import { loadPolicies } from "../../store/sla/policies.js";
import { calendarsOf } from "../sla/syncClocks.js";
import type { Work } from "../work.js";
import { agentFacts, customerFacts } from "./rulesCache.js";

/** The message a run is about, when the caller has it (none: the ticket's latest is read). */
export interface RunMessage {
  text: string;
  kind: MessageKind;
  channel: Channel;
}

/** The calendar id of the SLA policy that applies to `ticket` (null: none, or a policy around the clock). */
export async function policyCalendarId(work: Work, ticket: Ticket): Promise<string | null> {
  const policies = (work.clocks.policies ??= await loadPolicies(work.tx));
  if (policies.length === 0) return null;
  const match = matchPolicy(policies, factsOf(ticket, work.clocks.customers.get(ticket.customerId)));
  return match?.policy.calendarId ?? null;
}

/** The ticket's policy's calendar (null: around the clock). */
export async function policyCalendar(work: Work, ticket: Ticket): Promise<BusinessCalendar | null> {
  const id = await policyCalendarId(work, ticket);
  return id === null ? null : (await calendarsOf(work, [id]))(id);
}

function walk(condition: Condition, visit: (predicate: Extract<Condition, { field: string }>) => void): void {
  if ("all" in condition) condition.all.forEach((c) => walk(c, visit));
  else if ("any" in condition) condition.any.forEach((c) => walk(c, visit));
  else if ("not" in condition) walk(condition.not, visit);
  else visit(condition);
}

/** The calendars `rules` name in `within_business_hours`, and whether one uses the policy's. */
function calendarNeeds(rules: readonly Rule[]): { ids: string[]; policy: boolean } {
  const ids = new Set<string>();
  let policy = false;
  for (const rule of rules) {
    walk(rule.conditions, (p) => {
      if (p.op !== "within_business_hours") return;
      if (typeof p.value === "string") ids.add(p.value);
      else policy = true;
    });
  }
  return { ids: [...ids], policy };
}

export interface FactsProps {
  ticket: Ticket;
  before?: Ticket | undefined;
  message?: RunMessage | undefined;
  triage?: TriageSignals | null | undefined;
  /** Who acted: the work's actor for the event, the rule for a round set off by rules. */
  actor: Actor;
  /** The rules about to be evaluated (for the calendars they need). */
  rules: readonly Rule[];
  /** The time rule's calendar, already known. */
  calendar?: BusinessCalendar | null;
}

/** Which facts beyond the ticket `rules` read: only those are read. */
function factNeeds(rules: readonly Rule[]): { customer: boolean; message: boolean } {
  const needs = { customer: false, message: false };
  for (const rule of rules) {
    walk(rule.conditions, (p) => {
      if (p.field.startsWith("customer.") || p.field.startsWith("organization.")) needs.customer = true;
      if (p.field.startsWith("message.") || p.field.startsWith("triage.")) needs.message = true;
    });
  }
  return needs;
}

const NO_CUSTOMER = { customer: { name: "", email: null, language: null }, organization: null };

/** The facts of one event for `rules`: cached reads of what their conditions read, and the latest message when the caller has none. */
export async function ruleFacts(work: Work, props: FactsProps): Promise<RuleFacts> {
  const { ticket } = props;
  const reads = factNeeds(props.rules);
  const { customer, organization } = reads.customer ? await customerFacts(work, ticket.customerId) : NO_CUSTOMER;
  let message = props.message ?? null;
  let triage = props.triage;
  if (reads.message && (!props.message || triage === undefined)) {
    const read = await readMessageFacts(work.tx, ticket.number);
    message ??= read.message;
    if (triage === undefined) triage = read.triage;
  }
  const actor: RuleFacts["actor"] = { ...props.actor };
  if (props.actor.type === "agent" && props.actor.id) {
    const agent = await agentFacts(work, props.actor.id);
    if (agent) Object.assign(actor, { role: agent.role, teamId: agent.teamId });
  }
  const needs = calendarNeeds(props.rules);
  const calendar = props.calendar !== undefined ? props.calendar : needs.policy ? await policyCalendar(work, ticket) : null;
  const named = needs.ids.length ? await calendarsOf(work, needs.ids) : undefined;
  return {
    ticket,
    ...(props.before ? { before: props.before } : {}),
    customer,
    organization,
    message,
    actor,
    triage: triage ?? null,
    now: work.now,
    calendar,
    ...(named ? { calendars: new Map(needs.ids.map((id) => [id, named(id)])) } : {}),
  };
}

/** The matrix-shaped needs of rule actions, for the directory reader: whom they name. */
function directorySteps(actions: readonly RuleAction[]): Pick<MatrixStep, "recipients" | "actions">[] {
  const recipients: Recipient[] = [];
  const stepActions: StepAction[] = [];
  for (const action of actions) {
    switch (action.type) {
      case "assign":
        stepActions.push({ type: "reassign", agentId: action.agentId });
        break;
      case "set_team":
        stepActions.push({ type: "reassign", teamId: action.teamId });
        break;
      case "escalate":
        if (action.teamId) stepActions.push({ type: "reassign", teamId: action.teamId });
        recipients.push({ kind: "team_lead" });
        break;
      case "notify":
        recipients.push(...action.recipients);
        break;
      case "reassign":
        stepActions.push(action);
        break;
      default:
        break;
    }
  }
  return [{ recipients, actions: stepActions }];
}

const NEEDS_DIRECTORY = new Set<RuleAction["type"]>(["assign", "set_team", "escalate", "notify", "reassign"]);

/** The agents, teams and calendars `actions` may reach on `ticket`; nothing is read for actions that reach nobody. */
export async function actionDirectory(
  work: Work,
  ticket: Ticket,
  actions: readonly RuleAction[],
): Promise<{ directory: Directory; calendar: (id: string) => BusinessCalendar }> {
  if (!actions.some((a) => NEEDS_DIRECTORY.has(a.type))) {
    return {
      directory: { agents: new Map(), teams: new Map() },
      calendar: (id) => {
        throw new Error(`calendar ${id} was not loaded`);
      },
    };
  }
  const directory = await loadDirectory(work.tx, [ticket], directorySteps(actions));
  const ids = [...directory.agents.values(), ...directory.teams.values()].map((x) => x.calendarId);
  const policyId = await policyCalendarId(work, ticket);
  const calendars = await calendarsOf(work, [...ids, policyId]);
  return { directory, calendar: (id) => calendars(id) };
}
