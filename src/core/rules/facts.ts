// What a rule's conditions read: the ticket as it is now (and before the change, for the
// `changed` operators), its customer and organization, the latest message, who acted, the latest
// customer message's triage signals, and the instant. Built by the command that runs the rules;
// pure data here.

import type { Role } from "../access/permissions.js";
import type { BusinessCalendar } from "../calendar/index.js";
import type { Actor } from "../events/actor.js";
import type { Ticket } from "../ticket/ticketRecord.js";
import type { Channel, MessageKind } from "../ticket/ticket.js";
import type { TriageSignals } from "../triage/signals.js";

export interface RuleFacts {
  ticket: Ticket;
  /** The ticket before the change that triggered the rules; absent on creation and for time rules. */
  before?: Ticket;
  customer: { name: string; email: string | null; language: string | null };
  organization: { name: string; segment: string; domains: string[] } | null;
  /** The ticket's latest message, if any. */
  message: { text: string; kind: MessageKind; channel: Channel } | null;
  actor: Actor & { role?: Role; teamId?: string | null };
  /** The signals of the latest customer message, if one was triaged. */
  triage: TriageSignals | null;
  now: Date;
  /**
   * The calendar `within_business_hours` and business time units use by default: the ticket's
   * SLA policy's; null: around the clock.
   */
  calendar: BusinessCalendar | null;
  /** Calendars a condition names by id (`within_business_hours` with a value). */
  calendars?: ReadonlyMap<string, BusinessCalendar>;
}
