// What a save of the triage settings sends: only the alarm lists the person changed, so that a
// list left alone keeps following the product's defaults.

import { LANGUAGES, type Language } from "../../core/ticket/ticket.js";
import { ALARM_KINDS, type AlarmKind, type AlarmLexicon } from "../../core/triage/signals.js";

export type AlarmChanges = Partial<Record<AlarmKind, Partial<Record<Language, string[]>>>>;

/** The lists of `after` that differ from `before`, by kind and language; undefined when none does. */
export function changedAlarms(before: AlarmLexicon, after: AlarmLexicon): AlarmChanges | undefined {
  const changes: AlarmChanges = {};
  for (const kind of ALARM_KINDS)
    for (const language of LANGUAGES) {
      const list = after[kind][language];
      if (JSON.stringify(list) !== JSON.stringify(before[kind][language])) changes[kind] = { ...changes[kind], [language]: [...list] };
    }
  return Object.keys(changes).length > 0 ? changes : undefined;
}
