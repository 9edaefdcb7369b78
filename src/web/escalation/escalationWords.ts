// The human escalation's words the server and the app share (kinds, urgencies, statuses, root
// causes: the catalogue's `escalation` namespace), and an escalation's age in the reader's words.

import { isMessageKey, type Locale, type MessageKey, translate } from "../../core/i18n/index.js";

/** A word of the `escalation` namespace (`kind`, `urgency`, `status`, `rootCause`), or the value itself. */
export function escalationWord(locale: Locale, group: "kind" | "urgency" | "status" | "rootCause", value: string): string {
  const key = `escalation.${group}.${value}`;
  return isMessageKey(key) ? translate(locale, key as MessageKey) : value;
}

/** "3 minutes", "5 hours", "2 days": the largest whole unit of `seconds`. */
export function ageWords(locale: Locale, seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return translate(locale, "app.escalation.ageMinutes", { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return translate(locale, "app.escalation.ageHours", { count: hours });
  return translate(locale, "app.escalation.ageDays", { count: Math.floor(hours / 24) });
}
