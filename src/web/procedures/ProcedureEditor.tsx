// One guided procedure (/escalations/procedures/:id, or new): its name in three languages, the
// request type (a ticket tag) and team it applies to, whether escalating needs it complete, the
// steps to try (each with a knowledge-base article if any) and the information to collect. The
// server checks it whole; each problem shows beside its field in the reader's language.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { FIELD_KINDS } from "../../core/procedure/procedure.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { FieldError, type FieldIssue, fieldIssues, issuesAt } from "../components/FieldError.js";
import { MoveButtons } from "../components/MoveButtons.js";
import { PageTitle } from "../components/PageTitle.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { LOCALES, type Locale } from "../i18n/messages.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { listArticles } from "../kb/kbApi.js";
import { createProcedure, deleteProcedure, getProcedure, type Procedure, type ProcedureInput, procedureKeys, replaceProcedure } from "./procedureApi.js";
import { useCanEditProcedures } from "./ProceduresScreen.js";
import "./procedures.css";

type Words = Record<Locale, string>;
const EMPTY: Words = { en: "", fr: "", nl: "" };
const blank = (): ProcedureInput => ({ teamId: null, requestType: "", names: { ...EMPTY }, required: false, steps: [], fields: [] });

/** A key not yet used in `used`: s1, s2… */
function freshKey(prefix: string, used: readonly { key: string }[]): string {
  let n = used.length + 1;
  while (used.some((u) => u.key === `${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const out = [...list];
  const [item] = out.splice(index, 1);
  out.splice(index + by, 0, item as T);
  return out;
}

export function ProcedureEditor({ id }: { id: string | null }) {
  const { t } = useI18n();
  const query = useQuery({ queryKey: procedureKeys.one(id ?? "new"), queryFn: () => getProcedure(id as string), enabled: id !== null, gcTime: 0 });
  if (id !== null && query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (id !== null && !query.isSuccess)
    return (
      <p className="splash" role="status">
        {t("app.loading")}
      </p>
    );
  return <EditorForm stored={id === null ? null : (query.data ?? null)} />;
}

function EditorForm({ stored }: { stored: Procedure | null }) {
  const { t, locale } = useI18n();
  const { teams } = useDirectory();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const readOnly = !useCanEditProcedures();
  const id = useId();
  const articles = useQuery({ queryKey: ["kb", "articles"], queryFn: listArticles });
  const [draft, setDraft] = useState<ProcedureInput>(() =>
    stored
      ? { teamId: stored.teamId, requestType: stored.requestType, names: stored.names, required: stored.required, steps: stored.steps, fields: stored.fields }
      : blank(),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const issues = fieldIssues(error);
  const set = (changes: Partial<ProcedureInput>) => setDraft((before) => ({ ...before, ...changes }));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = stored ? await replaceProcedure(stored.id, stored.version, draft) : await createProcedure(draft);
      await queryClient.invalidateQueries({ queryKey: procedureKeys.all });
      void navigate(`/escalations/procedures?saved=${saved.id}`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!stored || !window.confirm(t("procedure.confirmDelete"))) return;
    setBusy(true);
    try {
      await deleteProcedure(stored.id, stored.version);
      await queryClient.invalidateQueries({ queryKey: procedureKeys.all });
      void navigate("/escalations/procedures");
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const articleTitle = (article: { translations: { language: string; title: string }[] }) =>
    (article.translations.find((v) => v.language === locale) ?? article.translations[0])?.title ?? "";
  const title = stored ? stored.names[locale] : t("procedure.new");

  return (
    <section className="admin-screen procedure-editor">
      <p className="breadcrumb">
        <Link to="/escalations/procedures">{t("procedure.title")}</Link> / {title}
      </p>
      <PageTitle title={title} />
      <form
        aria-label={t("procedure.editorLabel")}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset className="plain" disabled={readOnly}>
          <WordsInputs base={`${id}-names`} path="names" label={t("procedure.name")} value={draft.names} issues={issues} onChange={(names) => set({ names })} />
          <div className="field">
            <label htmlFor={`${id}-requestType`}>{t("procedure.requestType")}</label>
            <input
              id={`${id}-requestType`}
              name="requestType"
              value={draft.requestType}
              onChange={(e) => set({ requestType: e.target.value })}
              {...invalid(issues, "requestType", `${id}-requestType-error`)}
            />
            <small className="muted">{t("procedure.requestTypeHint")}</small>
            <FieldError id={`${id}-requestType-error`} issues={issuesAt(issues, "requestType")} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-teamId`}>{t("procedure.team")}</label>
            <select
              id={`${id}-teamId`}
              name="teamId"
              value={draft.teamId ?? ""}
              onChange={(e) => set({ teamId: e.target.value || null })}
              {...invalid(issues, "teamId", `${id}-teamId-error`)}
            >
              <option value="">{t("procedure.everyTeam")}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-teamId-error`} issues={issuesAt(issues, "teamId")} />
          </div>
          <label className="check">
            <input type="checkbox" name="required" checked={draft.required} onChange={(e) => set({ required: e.target.checked })} />{" "}
            {t("procedure.requiredLabel")}
          </label>
          <p className="muted small">{t("procedure.requiredHint")}</p>

          <h2>{t("procedure.steps")}</h2>
          <FieldError id={`${id}-steps-error`} issues={issuesAt(issues, "steps")} />
          {draft.steps.map((step, i) => (
            <div key={step.key} className="item" data-step={i + 1}>
              <div className="item-head">
                <strong>{t("procedure.stepNumber", { number: i + 1 })}</strong>
                <MoveButtons
                  index={i}
                  count={draft.steps.length}
                  busy={busy}
                  onMove={(index, by) => set({ steps: move(draft.steps, index, by) })}
                  upLabel={t("procedure.moveUp")}
                  downLabel={t("procedure.moveDown")}
                />
                <button type="button" className="button button-quiet" onClick={() => set({ steps: draft.steps.filter((_, j) => j !== i) })}>
                  {t("procedure.remove")}
                </button>
              </div>
              <WordsInputs
                base={`${id}-step${i}`}
                path={`steps[${i}].label`}
                label={t("procedure.stepLabel", { number: i + 1 })}
                value={step.label as Words}
                issues={issues}
                onChange={(label) => set({ steps: draft.steps.map((s, j) => (j === i ? { ...s, label } : s)) })}
              />
              <div className="field">
                <label htmlFor={`${id}-step${i}-article`}>{t("procedure.article")}</label>
                <select
                  id={`${id}-step${i}-article`}
                  value={step.articleId ?? ""}
                  onChange={(e) => set({ steps: draft.steps.map((s, j) => (j === i ? { ...s, articleId: e.target.value || null } : s)) })}
                >
                  <option value="">{t("procedure.noArticle")}</option>
                  {(articles.data ?? []).map((article) => (
                    <option key={article.id} value={article.id}>
                      {articleTitle(article)}
                    </option>
                  ))}
                </select>
                <FieldError id={`${id}-step${i}-article-error`} issues={issuesAt(issues, `steps[${i}].articleId`)} />
              </div>
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => set({ steps: [...draft.steps, { key: freshKey("s", draft.steps), label: { ...EMPTY }, articleId: null }] })}
          >
            {t("procedure.addStep")}
          </button>

          <h2>{t("procedure.collect")}</h2>
          {draft.fields.map((field, i) => {
            const update = (changes: Partial<typeof field>) => set({ fields: draft.fields.map((f, j) => (j === i ? { ...f, ...changes } : f)) });
            return (
              <div key={field.key} className="item" data-field={i + 1}>
                <div className="item-head">
                  <strong>{t("procedure.fieldNumber", { number: i + 1 })}</strong>
                  <MoveButtons
                    index={i}
                    count={draft.fields.length}
                    busy={busy}
                    onMove={(index, by) => set({ fields: move(draft.fields, index, by) })}
                    upLabel={t("procedure.moveUp")}
                    downLabel={t("procedure.moveDown")}
                  />
                  <button type="button" className="button button-quiet" onClick={() => set({ fields: draft.fields.filter((_, j) => j !== i) })}>
                    {t("procedure.remove")}
                  </button>
                </div>
                <WordsInputs
                  base={`${id}-field${i}`}
                  path={`fields[${i}].label`}
                  label={t("procedure.fieldLabel", { number: i + 1 })}
                  value={field.label as Words}
                  issues={issues}
                  onChange={(label) => update({ label })}
                />
                <div className="item-head">
                  <label className="field">
                    <span>{t("procedure.kind")}</span>
                    <select value={field.kind} onChange={(e) => update({ kind: e.target.value })}>
                      {FIELD_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {t("procedure.kindName", { kind })}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="check">
                    <input type="checkbox" checked={field.required} onChange={(e) => update({ required: e.target.checked })} /> {t("procedure.fieldRequired")}
                  </label>
                </div>
                {field.kind === "choice" && (
                  <div className="choices">
                    <FieldError id={`${id}-field${i}-choices-error`} issues={issuesAt(issues, `fields[${i}].choices`)} />
                    {field.choices.map((choice, c) => (
                      <div key={choice.key} className="item-head">
                        <WordsInputs
                          base={`${id}-field${i}-choice${c}`}
                          path={`fields[${i}].choices[${c}].label`}
                          label={t("procedure.choiceLabel", { number: c + 1 })}
                          value={choice.label as Words}
                          issues={issues}
                          onChange={(label) => update({ choices: field.choices.map((o, k) => (k === c ? { ...o, label } : o)) })}
                        />
                        <button type="button" className="button button-quiet" onClick={() => update({ choices: field.choices.filter((_, k) => k !== c) })}>
                          {t("procedure.remove")}
                        </button>
                      </div>
                    ))}
                    <button
                      type="button"
                      className="button"
                      onClick={() => update({ choices: [...field.choices, { key: freshKey("c", field.choices), label: { ...EMPTY } }] })}
                    >
                      {t("procedure.addChoice")}
                    </button>
                  </div>
                )}
              </div>
            );
          })}
          <button
            type="button"
            className="button"
            onClick={() =>
              set({ fields: [...draft.fields, { key: freshKey("f", draft.fields), label: { ...EMPTY }, kind: "text", required: false, choices: [] }] })
            }
          >
            {t("procedure.addField")}
          </button>
        </fieldset>
        {error !== null && <ErrorNotice error={error} />}
        {!readOnly && (
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t("procedure.saveProcedure")}
            </button>
            {stored && (
              <button type="button" className="button button-danger" disabled={busy} onClick={() => void remove()}>
                {t("procedure.delete")}
              </button>
            )}
          </div>
        )}
      </form>
    </section>
  );
}

function invalid(issues: readonly FieldIssue[], path: string, errorId: string) {
  return issuesAt(issues, path).length > 0 ? { "aria-invalid": true as const, "aria-describedby": errorId } : {};
}

/** The same words in French, Dutch and English: one input each, labelled "Name (French)". */
function WordsInputs(props: { base: string; path: string; label: string; value: Words; issues: readonly FieldIssue[]; onChange(value: Words): void }) {
  const { t } = useI18n();
  return (
    <div className="words">
      {LOCALES.map((language) => {
        const inputId = `${props.base}-${language}`;
        const path = `${props.path}.${language}`;
        return (
          <div className="field" key={language}>
            <label htmlFor={inputId}>{t("procedure.inLanguage", { label: props.label, language })}</label>
            <input
              id={inputId}
              lang={language}
              value={props.value[language] ?? ""}
              onChange={(e) => props.onChange({ ...props.value, [language]: e.target.value })}
              {...invalid(props.issues, path, `${inputId}-error`)}
            />
            <FieldError id={`${inputId}-error`} issues={issuesAt(props.issues, path)} />
          </div>
        );
      })}
    </div>
  );
}
