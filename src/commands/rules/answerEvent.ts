// What follows an event of a ticket, in its unit of work: the rules listening to it run (and
// the chain their changes set off), then the ticket's time rules are re-planned.

import type { Ticket } from "../../core/ticket/ticketRecord.js";
import type { Work } from "../work.js";
import { planTicketRuleTimers } from "./ruleTimers.js";
import { runRules, type RunRulesProps } from "./runRules.js";

export interface AnswerEventProps extends RunRulesProps {
  /** Whether the event moved the status (a creation does): `status_changed` time rules count from now. */
  statusChanged: boolean;
}

/** Runs the rules on the event and re-plans the time rules; returns the ticket as they left it. */
export async function answerEvent(work: Work, props: AnswerEventProps): Promise<Ticket> {
  const { ticket } = await runRules(work, props);
  await planTicketRuleTimers(work, { ticket, statusChanged: props.statusChanged || ticket.status !== props.ticket.status });
  return ticket;
}
