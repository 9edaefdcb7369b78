// Runs a list of actions one after another on one ticket: each sees the ticket as the previous
// one left it; one that writes runs in a savepoint, so that its failure is reported and rolls
// back only its own writes while the others still happen.

import type { ActionSkip, StepOutcome } from "../../core/events/index.js";
import type { Db } from "../../store/database.js";
import type { OutboxItem } from "../../store/outbox/outbox.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { actionFor } from "./registry.js";
import type { ActionContext, ActionOutcome, AnyAction } from "./ticketAction.js";

/** What a list of actions did, in their order. */
export interface ActionsReport {
  /** The ticket after the actions. */
  ticket: Ticket;
  /** Whether an action changed the ticket (the store may have replanned its timers). */
  changed: boolean;
  /** What each action did, in order. */
  done: StepOutcome[];
  /** Why actions skipped or failed, each with its action's type. */
  skipped: ActionSkip[];
  /** Outbox items to queue with the firing's other rows. */
  queued: OutboxItem[];
}

/** Runs `actions` in order from `context` (whose ticket is the ticket before them). */
export async function runActions(context: ActionContext, actions: readonly AnyAction[]): Promise<ActionsReport> {
  const report: ActionsReport = { ticket: context.ticket, changed: false, done: [], skipped: [], queued: [] };
  for (const action of actions) {
    const implementation = actionFor(action);
    let outcome: ActionOutcome;
    try {
      const current = { ...context, ticket: report.ticket };
      outcome = implementation.writes
        ? await context.work.tx.transaction((sp) => implementation.run({ ...current, work: { ...context.work, tx: sp as unknown as Db } }, action))
        : await implementation.run(current, action);
    } catch (error) {
      report.skipped.push({ action: action.type, why: "failed", message: (error as Error).message });
      continue;
    }
    if (outcome.ticket) {
      report.ticket = outcome.ticket;
      report.changed = true;
    }
    report.done.push(...(outcome.done ?? []));
    report.skipped.push(...(outcome.skipped ?? []).map((why) => ({ action: action.type, ...why }) as ActionSkip));
    report.queued.push(...(outcome.queued ?? []));
  }
  return report;
}
