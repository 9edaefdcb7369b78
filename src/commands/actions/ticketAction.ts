// The contract every ticket action fulfils (notify, reassign, raise the priority…), whoever runs
// it: a matrix step or a rule. An action reads its context, may change the ticket and
// queue outbox items, and says what it did or why it skipped, as data the event records.

import type { BusinessCalendar } from "../../core/calendar/index.js";
import type { Directory } from "../../core/directory/directory.js";
import type { ActionSkip, ChangeCause, StepOutcome } from "../../core/events/index.js";
import type { ResolvedRecipient } from "../../core/sla/recipients.js";
import type { RuleAction } from "../../core/rules/rule.js";
import type { StepAction } from "../../core/sla/policy.js";
import type { OutboxItem } from "../../store/outbox/outbox.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import type { Work } from "../work.js";
import type { ActionCause } from "./actionCause.js";

/** Any action the registry runs: a matrix step's or a rule's. */
export type AnyAction = StepAction | RuleAction;

/** What an action sees: the same for every action of one firing, except the ticket, which each action leaves to the next. */
export interface ActionContext {
  /** The unit of work; for an action that writes, its tx is the action's own savepoint. */
  work: Work;
  /** The ticket (locked by the transaction) as the previous actions left it. */
  ticket: Ticket;
  /** Who the firing reaches, each agent once. */
  recipients: readonly ResolvedRecipient[];
  /** Recorded with every ticket change the action makes (the `cause` of its `updated` events). */
  changeCause: ChangeCause;
  /** Why the actions run (an escalation step…): what notices, webhooks and event data say. */
  cause: ActionCause;
  /** The agents and teams the firing may reach. */
  directory: Directory;
  /** The calendar of an id the directory or the cause names (loaded beforehand). */
  calendar(id: string): BusinessCalendar;
  /** The ticket's customer, for what speaks to them (a canned reply); given when rules run. */
  customer?: { name: string; language: string | null };
}

/** Why an action did nothing, without the action's type (the runner adds it). */
export type SkipWhy = ActionSkip extends infer S ? (S extends ActionSkip ? Omit<S, "action"> : never) : never;

/**
 * What an action did. `done` and `skipped` are what the `escalation` event lists as `outcomes`
 * and `skips`; `ticket` is set when the action changed the ticket; `queued` goes to the outbox
 * with the firing's other rows.
 */
export interface ActionOutcome {
  ticket?: Ticket;
  done?: StepOutcome[];
  skipped?: SkipWhy[];
  queued?: OutboxItem[];
}

/** One kind of action, keyed by its `type` in the registry. */
export interface TicketAction<A extends AnyAction = AnyAction> {
  readonly type: A["type"];
  /**
   * Whether the action writes to the database: it then runs in a savepoint of its own, so that
   * its failure rolls back only its own writes. One that only queues (notify, webhook) runs
   * without one, which keeps the engine's hot path free of per-step round trips.
   */
  readonly writes: boolean;
  run(context: ActionContext, action: A): Promise<ActionOutcome>;
}
