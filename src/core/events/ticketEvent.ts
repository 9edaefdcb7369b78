// The catalogue of ticket events: every kind a ticket's history holds, with its typed data.
// Writers build a `NewTicketEvent`; readers get a `StoredTicketEvent`, which also admits the
// shape of rows written before causes were data (see renderEvent for how those read).

import type { ClockChange } from "../sla/clocks.js";
import type { Target } from "../sla/policy.js";
import type { Channel, Language, MessageKind, Priority, Status, Tier } from "../ticket/ticket.js";
import type { Actor } from "./actor.js";
import type { ChangeCause, ClockCause, PolicyMatchCause } from "./causes.js";
import type { EscalationData, StepOutcome, StepSkip } from "./escalationData.js";
import type {
  ApprovalDecidedData,
  ApprovalRequestedData,
  HandoffAcceptedData,
  HandoffBouncedData,
  HandoffData,
  HandoffReminderData,
  RootCauseData,
  TakeOverData,
} from "./handoffData.js";
import type { CallEventData } from "../phone/call.js";
import type { ProcedureEventData } from "../procedure/progress.js";
import type { MailEventData } from "./mailData.js";
import type { RuleEventData, RuleLimitData, TriageEventData } from "./ruleData.js";
import type { AssignmentEventData, QueuedEventData } from "./routingData.js";

/** Every kind of ticket event. */
export const TICKET_EVENT_TYPES = [
  "created",
  "message",
  "updated",
  "sla_policy",
  "sla",
  "escalation",
  "rule",
  "rule_limit",
  "triage",
  "handoff",
  "handoff_accepted",
  "handoff_bounced",
  "handoff_reminder",
  "root_cause",
  "take_over",
  "approval_requested",
  "approval_decided",
  "mail",
  "assignment",
  "queued",
  "call",
  "procedure",
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/** The ticket's fields an event records a change of, with their types. */
export interface TicketFieldValues {
  subject: string;
  status: Status;
  priority: Priority;
  tier: Tier;
  channel: Channel;
  language: Language | null;
  productId: string | null;
  customerId: string;
  teamId: string | null;
  assigneeId: string | null;
  slaPolicyId: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  followers: string[];
}

/** `{field: [before, after]}` for each field that changed; `before` is null in a `created` event. */
export type FieldChanges = { [F in keyof TicketFieldValues]?: [TicketFieldValues[F] | null, TicketFieldValues[F]] };

/** The data of `created` and `updated`: why, when it was not simply a person's edit. */
export interface ChangeData {
  cause?: ChangeCause;
}

/** The data of `message`: which message was added, and its kind. */
export interface MessageEventData {
  messageId: string;
  kind: MessageKind;
}

/** The data of `sla_policy`: the policy that now applies (both null: none does) and why. */
export interface SlaPolicyData {
  policyId: string | null;
  /** The policy's name when it was matched. */
  policyName: string | null;
  match: PolicyMatchCause;
}

/** One clock's move in an `sla` event; `dueAt` is ISO 8601. */
export interface ClockChangeData {
  target: Target;
  cycle: number;
  change: ClockChange["change"];
  dueAt: string | null;
  /** For `met`: seconds past the due time (0 when met in time). */
  lateBySeconds?: number;
}

/** The data of `sla`: why the clocks moved and how each one did. */
export interface SlaData {
  cause: ClockCause;
  changes: ClockChangeData[];
  /** Set with the `clocks_rebuilt` cause; kept as its own flag for queries on the data. */
  rebuilt?: true;
}

/** A clock change as an `sla` event stores it. */
export function clockChangeData(change: ClockChange): ClockChangeData {
  return { ...change, dueAt: change.dueAt === null ? null : new Date(change.dueAt).toISOString() };
}

/**
 * What an event is, by kind:
 * - `created`: the ticket was created with these fields (`changes` from null);
 * - `message`: a message was added (the status change it brings is an `updated` event);
 * - `updated`: fields changed, and why (`data.cause`);
 * - `sla_policy`: the policy that applies changed (or none applies any more);
 * - `sla`: SLA clocks started, paused, resumed, were met, cancelled or moved;
 * - `escalation`: a matrix step fired (reminder or level), whom it reached and what it did;
 * - `rule`: a rule matched (its name, trigger and the conditions that held) and what its actions did;
 * - `rule_limit`: rules set off rules as deep as Palier allows, and the chain stopped;
 * - `triage`: a customer message read as frustrated, or raising alarms, and why;
 * - `handoff`, `handoff_accepted`, `handoff_bounced`, `handoff_reminder`, `root_cause`: the human
 *   escalation (an agent handing the ticket on, the receiver's decision, a reminder, the root cause);
 * - `take_over`: a lead or manager took the ticket over from its assignee, and why;
 * - `approval_requested`, `approval_decided`: an action beyond an agent's authority asked of a manager, and the decision;
 * - `mail`: an e-mail Palier sent bounced, or automated mail was kept without answering it;
 * - `assignment`: routing gave the ticket to an agent of its team, and why (strategy, load, skills);
 * - `queued`: nobody of the team could take it; it waits in the team's queue, and why;
 * - `procedure`: an agent saved progress on a guided procedure (steps ticked, information collected).
 */
export type TicketEventBody =
  | { type: "created"; changes: FieldChanges; data?: ChangeData }
  | { type: "updated"; changes: FieldChanges; data?: ChangeData }
  | { type: "message"; data: MessageEventData }
  | { type: "sla_policy"; data: SlaPolicyData }
  | { type: "sla"; data: SlaData }
  | { type: "escalation"; data: EscalationData }
  | { type: "rule"; data: RuleEventData }
  | { type: "rule_limit"; data: RuleLimitData }
  | { type: "triage"; data: TriageEventData }
  | { type: "assignment"; data: AssignmentEventData }
  | { type: "queued"; data: QueuedEventData }
  | { type: "mail"; data: MailEventData }
  | { type: "call"; data: CallEventData }
  | { type: "procedure"; data: ProcedureEventData }
  | HandoffEventBody;

/** The human escalation's events (see handoffData.ts). */
export type HandoffEventBody =
  | { type: "handoff"; data: HandoffData }
  | { type: "handoff_accepted"; data: HandoffAcceptedData }
  | { type: "handoff_bounced"; data: HandoffBouncedData }
  | { type: "handoff_reminder"; data: HandoffReminderData }
  | { type: "root_cause"; data: RootCauseData }
  | { type: "take_over"; data: TakeOverData }
  | { type: "approval_requested"; data: ApprovalRequestedData }
  | { type: "approval_decided"; data: ApprovalDecidedData };

/** An event to append: its ticket, instant, actor and body; `id` when drawn beforehand (it must ascend with the history). */
export type NewTicketEvent = { ticketNumber: number; at: Date; actor: Actor; id?: number } & TicketEventBody;

/** The data of an `escalation` row, as written now or before outcomes were data (`actions`/`skipped`: English sentences). */
export type StoredEscalationData = Omit<EscalationData, "outcomes" | "skips"> & {
  outcomes?: StepOutcome[];
  skips?: StepSkip[];
  /** @deprecated English sentences of rows written before `outcomes`. */
  actions?: string[];
  /** @deprecated English sentences of rows written before `skips`. */
  skipped?: string[];
};

/** The body of a stored event: the kinds above, with the fields older rows lack made optional. */
export type StoredTicketEventBody =
  | { type: "created"; changes: FieldChanges; data: ChangeData }
  | { type: "updated"; changes: FieldChanges; data: ChangeData }
  | { type: "message"; changes: FieldChanges; data: MessageEventData }
  | {
      type: "sla_policy";
      changes: FieldChanges;
      data: Omit<SlaPolicyData, "match"> & { match?: PolicyMatchCause; /** @deprecated the English reason of older rows. */ reason?: string };
    }
  | { type: "sla"; changes: FieldChanges; data: Omit<SlaData, "cause"> & { cause?: ClockCause } }
  | { type: "escalation"; changes: FieldChanges; data: StoredEscalationData }
  | { type: "rule"; changes: FieldChanges; data: RuleEventData }
  | { type: "rule_limit"; changes: FieldChanges; data: RuleLimitData }
  | { type: "triage"; changes: FieldChanges; data: TriageEventData }
  | { type: "assignment"; changes: FieldChanges; data: AssignmentEventData }
  | { type: "queued"; changes: FieldChanges; data: QueuedEventData }
  | { type: "mail"; changes: FieldChanges; data: MailEventData }
  | { type: "call"; changes: FieldChanges; data: CallEventData }
  | { type: "procedure"; changes: FieldChanges; data: ProcedureEventData }
  | (HandoffEventBody & { changes: FieldChanges });

/**
 * An event as read back. `reason` is the English sentence the row carries: derived from the data
 * for rows written through the catalogue (for integrators and SQL readers), the only statement of
 * the cause in rows written before it. Renderers read the data, and `reason` only for old rows.
 */
export type StoredTicketEvent = { id: number; ticketNumber: number; at: Date; actor: Actor; reason: string | null } & StoredTicketEventBody;

/** Whether `type` is a kind of the catalogue (a row of an unknown kind renders by its name). */
export function isTicketEventType(type: string): type is TicketEventType {
  return (TICKET_EVENT_TYPES as readonly string[]).includes(type);
}
