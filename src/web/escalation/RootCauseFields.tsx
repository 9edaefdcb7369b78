// The root-cause prompt shown when an agent solves a ticket whose escalation is open or
// accepted: one cause of the workspace's list, in its words, with words for "other". The server refuses the solve without it.

import { useId } from "react";
import { useI18n } from "../i18n/I18nProvider.js";
import { useTicketEscalations } from "./escalationApi.js";
import { useRootCauses } from "./rootCauses.js";

export interface RootCauseChoice {
  rootCause: string;
  rootCauseText: string;
}

/** The fields of a PATCH that carry the choice (none when nothing was chosen). */
export function rootCauseChanges(choice: RootCauseChoice): { rootCause?: string; rootCauseText?: string } {
  return {
    ...(choice.rootCause ? { rootCause: choice.rootCause } : {}),
    ...(choice.rootCauseText.trim() ? { rootCauseText: choice.rootCauseText.trim() } : {}),
  };
}

export function RootCauseFields({ number, value, onChange }: { number: number; value: RootCauseChoice; onChange(next: RootCauseChoice): void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const escalations = useTicketEscalations(number);
  const causes = useRootCauses(locale);
  const escalated = escalations.data?.items.some((e) => e.status === "open" || e.status === "accepted") ?? false;
  if (!escalated) return null;
  return (
    <div className="root-cause notice notice-info" role="group" aria-labelledby={`${id}-prompt`}>
      <p id={`${id}-prompt`}>{t("escalation.rootCausePrompt")}</p>
      <div className="field">
        <label htmlFor={`${id}-cause`}>{t("escalation.rootCause")}</label>
        <select id={`${id}-cause`} name="rootCause" value={value.rootCause} onChange={(e) => onChange({ ...value, rootCause: e.target.value })}>
          <option value="">{t("escalation.choose")}</option>
          {causes.offered.map((cause) => (
            <option key={cause} value={cause}>
              {causes.label(cause)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t("escalation.rootCauseText")}</label>
        <input id={`${id}-text`} name="rootCauseText" value={value.rootCauseText} onChange={(e) => onChange({ ...value, rootCauseText: e.target.value })} />
      </div>
    </div>
  );
}
