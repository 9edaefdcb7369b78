// The root causes of the escalation settings: each cause with its labels in French, Dutch and
// English (a built-in cause left without them keeps the catalogue's words), retired or restored,
// and causes the workspace adds; every problem beside its field (`rootCauses[2].labels.nl`).

import type { RootCauseEntry } from "../../core/escalation/handoff.js";
import { LOCALES, type Locale } from "../../core/i18n/index.js";
import { FieldError, type FieldIssue, issuesAt } from "../components/FieldError.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { causeWords } from "./rootCauses.js";
import { escalationWord } from "./escalationWords.js";

/** A cause as the form holds it: labels as typed ("" for none), and whether the workspace adds it now. */
export interface CauseRow {
  code: string;
  builtIn: boolean;
  labels: Record<Locale, string>;
  retired: boolean;
  added: boolean;
}

export function causeRows(entries: readonly RootCauseEntry[]): CauseRow[] {
  return entries.map((e) => ({ code: e.code, builtIn: e.builtIn, labels: { en: "", fr: "", nl: "", ...e.labels }, retired: e.retired, added: false }));
}

/** The rows as the PUT sends them: a built-in cause without any label gets the catalogue's words (`labels: null`). */
export function causesBody(rows: readonly CauseRow[]): unknown[] {
  return rows.map((row) => {
    const typed = LOCALES.some((l) => row.labels[l].trim() !== "");
    const labels = row.builtIn && !typed ? null : row.labels;
    return { ...(row.code.trim() ? { code: row.code.trim() } : {}), labels, retired: row.retired };
  });
}

const LABEL_KEY = { fr: "escalation.settings.labelFr", nl: "escalation.settings.labelNl", en: "escalation.settings.labelEn" } as const;

export function RootCauseEditor({
  rows,
  onChange,
  issues,
  readOnly,
}: {
  rows: CauseRow[];
  onChange(rows: CauseRow[]): void;
  issues: readonly FieldIssue[];
  readOnly: boolean;
}) {
  const { t, locale } = useI18n();
  const set = (i: number, row: Partial<CauseRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...row } : r)));
  return (
    <fieldset className="panel root-causes">
      <legend>{t("escalation.settings.rootCauses")}</legend>
      <p className="muted small">{t("escalation.settings.rootCausesHint")}</p>
      <ol className="root-cause-list">
        {rows.map((row, i) => {
          const at = `rootCauses[${i}]`;
          const title = row.added
            ? row.labels[locale].trim() || t("escalation.settings.newCause")
            : causeWords([{ ...row, labels: LOCALES.every((l) => row.labels[l].trim()) ? row.labels : null }], row.code, locale);
          return (
            <li key={`${row.code}-${i}`} className={row.retired ? "retired" : undefined} data-code={row.code || undefined}>
              <fieldset className="root-cause-row">
                <legend>
                  {title} {row.retired && <span className="badge">{t("escalation.settings.retired")}</span>}
                </legend>
                {row.added && (
                  <div className="field">
                    <label htmlFor={`cause-${i}-code`}>{t("escalation.settings.causeCode")}</label>
                    <input id={`cause-${i}-code`} name={`${at}.code`} value={row.code} readOnly={readOnly} onChange={(e) => set(i, { code: e.target.value })} />
                    <p className="muted small">{t("escalation.settings.causeCodeHint")}</p>
                    <FieldError id={`cause-${i}-code-error`} issues={issuesAt(issues, `${at}.code`)} />
                  </div>
                )}
                {(["fr", "nl", "en"] as const).map((l) => {
                  const here = issuesAt(issues, `${at}.labels.${l}`);
                  const id = `cause-${i}-${l}`;
                  return (
                    <div className="field" key={l}>
                      <label htmlFor={id}>{t(LABEL_KEY[l])}</label>
                      <input
                        id={id}
                        name={`${at}.labels.${l}`}
                        lang={l}
                        value={row.labels[l]}
                        placeholder={row.builtIn ? escalationWord(l, "rootCause", row.code) : undefined}
                        readOnly={readOnly}
                        aria-invalid={here.length > 0 || undefined}
                        aria-describedby={here.length > 0 ? `${id}-error` : undefined}
                        onChange={(e) => set(i, { labels: { ...row.labels, [l]: e.target.value } })}
                      />
                      <FieldError id={`${id}-error`} issues={here} />
                    </div>
                  );
                })}
                <FieldError id={`cause-${i}-error`} issues={[...issuesAt(issues, at), ...issuesAt(issues, `${at}.labels`)]} />
                {!readOnly && row.code !== "other" && (
                  <button type="button" className="button" onClick={() => set(i, { retired: !row.retired })}>
                    {row.retired ? t("escalation.settings.restore") : t("escalation.settings.retire")}
                  </button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <button
          type="button"
          className="button"
          onClick={() => onChange([...rows, { code: "", builtIn: false, labels: { en: "", fr: "", nl: "" }, retired: false, added: true }])}
        >
          {t("escalation.settings.addCause")}
        </button>
      )}
      <FieldError id="setting-rootCauses-error" issues={issuesAt(issues, "rootCauses")} />
    </fieldset>
  );
}
