// The triage signals as the screens read them: a ticket's (its frustration, whether it is
// frustrated, its alarm kinds) and a customer message's, whichever the server sent; and each
// frustration reason in the reader's language, from the catalogue's `triage` namespace.

import { renderTriageReason } from "../../core/triage/reasons.js";
import { ALARM_KINDS, type AlarmKind, type FrustrationReason, type TriageSignals } from "../../core/triage/signals.js";
import type { Message, Ticket } from "../api/types.js";
import type { Locale } from "../i18n/messages.js";

export interface TicketTriage {
  /** 0 (calm) to 1 (furious); null when no customer message was read. */
  frustration: number | null;
  frustrated: boolean;
  alarms: AlarmKind[];
}

const isAlarmKind = (value: unknown): value is AlarmKind => typeof value === "string" && (ALARM_KINDS as readonly string[]).includes(value);

/** The ticket's signals; a server without triage gives none. */
export function ticketTriage(ticket: Ticket): TicketTriage {
  const fields = ticket as Ticket & { frustration?: unknown; frustrated?: unknown; alarms?: unknown };
  const alarms = Array.isArray(fields.alarms)
    ? fields.alarms.map((a: unknown) => (typeof a === "object" && a !== null && "kind" in a ? (a as { kind: unknown }).kind : a))
    : [];
  return {
    frustration: typeof fields.frustration === "number" ? fields.frustration : null,
    frustrated: fields.frustrated === true,
    alarms: [...new Set(alarms.filter(isAlarmKind))],
  };
}

/** A customer message's signals, when it was triaged and the reader is staff. */
export function messageTriage(message: Message): TriageSignals | null {
  const triage = (message as Message & { triage?: unknown }).triage;
  if (typeof triage !== "object" || triage === null || typeof (triage as TriageSignals).frustration !== "number") return null;
  const signals = triage as TriageSignals;
  return { ...signals, alarms: Array.isArray(signals.alarms) ? signals.alarms : [], reasons: Array.isArray(signals.reasons) ? signals.reasons : [] };
}

/** One reason of a frustration score in the reader's language ("“inadmissible” sounds frustrated"), as the server says it. */
export function reasonText(reason: FrustrationReason, locale: Locale): string {
  return renderTriageReason(reason, locale);
}
