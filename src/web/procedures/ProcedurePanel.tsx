// The guided procedures a ticket's tags call for, in the ticket's side panel: the steps to tick,
// the information to fill, what is still required, and who saved the progress last. Saving writes
// a `procedure` event to the timeline, so the next agent sees where things stand.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link } from "react-router";
import type { Ticket } from "../api/types.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { FieldError, fieldIssues, issuesAt } from "../components/FieldError.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { procedureKeys, saveProgress, ticketProcedures, type TicketProcedure } from "./procedureApi.js";
import "./procedures.css";

export function ProcedurePanel({ ticket, readOnly }: { ticket: Ticket; readOnly: boolean }) {
  const { t } = useI18n();
  const query = useQuery({ queryKey: procedureKeys.ticket(ticket.number), queryFn: () => ticketProcedures(ticket.number) });
  if (!query.data || query.data.length === 0) return null;
  return (
    <section className="panel procedure-panel" aria-labelledby="procedures-title">
      <h2 id="procedures-title">{t("procedure.panelTitle")}</h2>
      {query.data.map((item) => (
        <ProcedureForm key={`${item.procedure.id}-${item.version}`} number={ticket.number} item={item} readOnly={readOnly} />
      ))}
    </section>
  );
}

function ProcedureForm({ number, item, readOnly }: { number: number; item: TicketProcedure; readOnly: boolean }) {
  const { t, locale, formatDateTime } = useI18n();
  const { agentName } = useDirectory();
  const queryClient = useQueryClient();
  const id = useId();
  const { procedure } = item;
  const [done, setDone] = useState<string[]>(item.done);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(item.values).map(([k, v]) => [k, String(v)])));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const issues = fieldIssues(error);
  const name = procedure.names[locale];
  const missing = procedure.fields.filter((f) => f.required && (values[f.key] ?? "").trim() === "");

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await saveProgress(number, procedure.id, { done, values });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: procedureKeys.ticket(number) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.ticketEvents(number) }),
      ]);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="procedure"
      aria-label={name}
      data-procedure={procedure.requestType}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>
        {name} {procedure.required && <span className="badge procedure-required">{t("procedure.requiredBadge")}</span>}
      </h3>
      <p className="muted small procedure-count">{t("procedure.progress", { done: done.length, steps: procedure.steps.length })}</p>
      {procedure.steps.length > 0 && (
        <fieldset className="plain procedure-steps">
          <legend>{t("procedure.steps")}</legend>
          {procedure.steps.map((step) => (
            <div key={step.key} className="procedure-step">
              <label className="check">
                <input
                  type="checkbox"
                  name={`step-${step.key}`}
                  checked={done.includes(step.key)}
                  disabled={readOnly}
                  onChange={(e) => setDone((before) => (e.target.checked ? [...before, step.key] : before.filter((k) => k !== step.key)))}
                />{" "}
                {step.label[locale]}
              </label>
              {step.articleId && (
                <Link to={`/kb/${step.articleId}`} className="small">
                  {t("procedure.article")}
                </Link>
              )}
            </div>
          ))}
        </fieldset>
      )}
      {procedure.fields.length > 0 && (
        <fieldset className="plain procedure-fields">
          <legend>{t("procedure.collect")}</legend>
          {procedure.fields.map((field) => {
            const inputId = `${id}-${field.key}`;
            const found = issuesAt(issues, `values.${field.key}`);
            const common = {
              id: inputId,
              name: `value-${field.key}`,
              value: values[field.key] ?? "",
              disabled: readOnly,
              "aria-invalid": found.length > 0,
              "aria-describedby": found.length > 0 ? `${inputId}-error` : undefined,
              onChange: (e: { target: { value: string } }) => setValues((before) => ({ ...before, [field.key]: e.target.value })),
            };
            return (
              <div className="field" key={field.key}>
                <label htmlFor={inputId}>
                  {field.label[locale]}
                  {field.required && <span aria-hidden="true"> *</span>}
                </label>
                {field.kind === "choice" ? (
                  <select {...common}>
                    <option value="">{t("procedure.choose")}</option>
                    {field.choices.map((choice) => (
                      <option key={choice.key} value={choice.key}>
                        {choice.label[locale]}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input {...common} type="text" inputMode={field.kind === "number" ? "decimal" : undefined} />
                )}
                <FieldError id={`${inputId}-error`} issues={found} />
              </div>
            );
          })}
        </fieldset>
      )}
      {missing.length > 0 && (
        <p className="notice notice-warning procedure-missing">{t("procedure.missing", { fields: missing.map((f) => f.label[locale]).join(", ") })}</p>
      )}
      {item.updatedAt && (
        <p className="muted small procedure-saved">
          {t("procedure.savedBy", { who: (item.updatedById && agentName(item.updatedById)) || t("procedure.someone"), when: formatDateTime(item.updatedAt) })}
        </p>
      )}
      {error !== null && issues.length === 0 && <ErrorNotice error={error} />}
      {!readOnly && (
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("procedure.saving") : t("procedure.save")}
        </button>
      )}
    </form>
  );
}
