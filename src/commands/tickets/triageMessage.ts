// Triage of a customer message as a ticket takes it in: the signals (with the customer's other
// tickets of the last REPEAT_CONTACT_DAYS as repeated contacts, and the workspace's threshold and
// alarm words), what they make of the ticket's triage columns, and the `triage` event to write
// when the message reads frustrated or raises alarms.

import type { NewTicketEvent } from "../../core/events/index.js";
import type { Channel, Language } from "../../core/ticket/ticket.js";
import { ALARM_KINDS, FRUSTRATION_THRESHOLD, REPEAT_CONTACT_DAYS, type TriageSignals } from "../../core/triage/signals.js";
import { triage, withAlarms } from "../../core/triage/index.js";
import type { AlarmLexicon } from "../../core/triage/signals.js";
import { readRecentContacts, type StoredTriageSettings } from "../../store/ruleRuns.js";
import type { TriageColumns } from "../../store/tickets/ticketRows.js";
import type { Work } from "../work.js";

const DAY_MS = 86_400_000;
const settingsCache = new WeakMap<object, { threshold: number; alarms: AlarmLexicon | undefined }>();

/** The workspace's triage settings as stored (defaults when none were saved). */
function settingsOf(stored: StoredTriageSettings | undefined): { threshold: number; alarms: AlarmLexicon | undefined } {
  return { threshold: stored?.threshold ?? FRUSTRATION_THRESHOLD, alarms: stored?.alarms ? withAlarms(stored.alarms) : undefined };
}

/** A customer message triaged for its ticket. */
export interface TriagedMessage {
  signals: TriageSignals;
  threshold: number;
  /** The language the ticket takes, when it had none and one was detected. */
  languageSet?: Language;
}

export interface TriageMessageProps {
  /** The ticket's number; undefined while it is being created. */
  number?: number;
  customerId: string;
  subject?: string;
  text: string;
  channel: Channel;
  /** The ticket's language as it stands (null: none yet, the detected one is taken). */
  language: Language | null;
}

/** Triages one customer message: one cheap read (the customer's recent tickets, and the settings once per unit of work). */
export async function triageMessage(work: Work, props: TriageMessageProps): Promise<TriagedMessage> {
  const cached = settingsCache.get(work.clocks);
  const read = await readRecentContacts(work.tx, {
    customerId: props.customerId,
    exceptNumber: props.number ?? -1,
    since: new Date(work.now.getTime() - REPEAT_CONTACT_DAYS * DAY_MS),
    withSettings: cached === undefined,
  });
  const recentContacts = read.count;
  const settings = cached ?? settingsOf(read.settings);
  if (cached === undefined) settingsCache.set(work.clocks, settings);
  const signals = triage(
    { text: props.text, ...(props.subject !== undefined ? { subject: props.subject } : {}), channel: props.channel, recentContacts },
    { threshold: settings.threshold, ...(settings.alarms ? { alarms: settings.alarms } : {}) },
  );
  const languageSet = props.language === null && signals.language !== "unknown" ? signals.language : undefined;
  return { signals, threshold: settings.threshold, ...(languageSet ? { languageSet } : {}) };
}

/** The ticket's triage columns once `triaged` is taken in: the highest frustration, frustrated once frustrated, every alarm kind raised. */
export function triageColumns(current: Partial<TriageColumns>, triaged: TriagedMessage): TriageColumns {
  const kinds = new Set([...(current.alarms ?? []), ...triaged.signals.alarms.map((a) => a.kind)]);
  return {
    frustration: Math.max(current.frustration ?? 0, triaged.signals.frustration),
    frustrated: (current.frustrated ?? false) || triaged.signals.frustrated,
    alarms: ALARM_KINDS.filter((kind) => kinds.has(kind)),
  };
}

/**
 * The `triage` event of a message that reads frustrated or raises alarms (it also says when the
 * ticket took the detected language); else none: a language set alone shows in the ticket's
 * `created` or `updated` event.
 */
export function triageEvents(ticketNumber: number, messageId: string, triaged: TriagedMessage, work: Work): NewTicketEvent[] {
  const { signals } = triaged;
  if (!signals.frustrated && signals.alarms.length === 0) return [];
  return [
    {
      ticketNumber,
      at: work.now,
      actor: { type: "system" },
      type: "triage",
      data: { messageId, signals, threshold: triaged.threshold, ...(triaged.languageSet ? { languageSet: triaged.languageSet } : {}) },
    },
  ];
}
