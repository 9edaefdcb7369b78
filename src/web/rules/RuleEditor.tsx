// One rule: its name, whether it is on, when it runs (triggers, a time rule's moment), its
// nested conditions, its actions and whether it stops the rules after it; tried on the latest
// tickets before it is saved (with If-Match), a confirm first when it would act on many.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { RULE_TRIGGERS, TIME_ANCHORS, TIME_UNITS, type RuleDefinition, type RuleTrigger } from "../../core/rules/rule.js";
import * as api from "../api/rules.js";
import type { Rule } from "../api/rules.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { FieldError, fieldIssues, invalidProps, issuesAt, type FieldIssue } from "../components/FieldError.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { UnsavedDialog } from "../sla/EditorDialogs.js";
import { ErrorSummary, onePerField } from "../sla/ErrorSummary.js";
import { useUnsavedEdits } from "../sla/useUnsavedEdits.js";
import { useCanEditRules } from "./access.js";
import { ActionsEditor } from "./ActionsEditor.js";
import { ConditionGroupEditor } from "./ConditionsEditor.js";
import { conditionOf, groupOf, type ConditionGroup } from "./conditionTree.js";
import { DeleteDialog, DRY_RUN_LIMITS, DryRunPanel, ManyMatchesDialog } from "./DryRunPanel.js";
import { DEFAULT_TIME, definitionOf, newRule, toDefinition } from "./ruleDraft.js";
import { ruleSummary, triggerText } from "./ruleSummary.js";
import { useRuleSave } from "./useRuleSave.js";
import { useSummaryWords } from "./useSummaryWords.js";
import "./rules.css";

/** The paths the form shows beside a field; any other problem is told in the summary. */
const PLACED = /^(name|enabled|triggers|time|conditions|actions|stop)\b/;

export function RuleEditor({ id }: { id: string | null }) {
  const { t } = useI18n();
  const ruleQuery = useQuery({
    queryKey: queryKeys.rule(id ?? "new"),
    queryFn: () => (id === null ? null : api.getRule(id)),
    // The form keeps its own version once saved; a copy kept here would be stale on return.
    gcTime: 0,
  });
  const reload = () => void ruleQuery.refetch();
  // A new rule's save moves to its own address, saying it was saved.
  const justSaved = (useLocation().state as { saved?: boolean } | null)?.saved === true;
  if (ruleQuery.isError) {
    return (
      <section className="empty-screen">
        <PageTitle title={t("rules.title")} />
        <ErrorNotice error={ruleQuery.error} onRetry={reload} />
        <p>
          <Link to="/rules">{t("rules.backToList")}</Link>
        </p>
      </section>
    );
  }
  if (!ruleQuery.isSuccess) {
    return (
      <p className="splash" role="status">
        {t("app.loading")}
      </p>
    );
  }
  return <RuleForm key={`${ruleQuery.data?.id}-${ruleQuery.data?.version}`} rule={ruleQuery.data} onReload={reload} justSaved={justSaved} />;
}

interface Draft {
  definition: RuleDefinition;
  /** The conditions as the editor shows them (kept apart so that an empty group stays on screen). */
  conditions: ConditionGroup;
}

const draftOf = (definition: RuleDefinition): Draft => ({ definition, conditions: groupOf(definition.conditions) });

function RuleForm({ rule, onReload, justSaved }: { rule: Rule | null; onReload(): void; justSaved: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const readOnly = !useCanEditRules();
  const words = useSummaryWords();
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule ? definitionOf(rule) : newRule()));
  const [baseline, setBaseline] = useState<string>(() => JSON.stringify(toDefinition({ ...draft.definition, conditions: conditionOf(draft.conditions) })));
  const [stored, setStored] = useState<Rule | null>(rule);
  const [limit, setLimit] = useState<number>(DRY_RUN_LIMITS.initial);
  const [deleting, setDeleting] = useState<"asking" | "busy" | null>(null);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const definition = () => toDefinition({ ...draft.definition, conditions: conditionOf(draft.conditions) });
  const current = definition();
  const dirty = !readOnly && JSON.stringify(current) !== baseline;
  const unsaved = useUnsavedEdits(dirty);
  const saving = useRuleSave({
    definition,
    limit,
    initial: justSaved ? { kind: "saved" } : null,
    save: (next) => (stored ? api.updateRule(stored.id, stored.version, next) : api.createRule(next)),
    onSaved: (saved) => {
      setStored(saved);
      setBaseline(JSON.stringify(current));
      void queryClient.invalidateQueries({ queryKey: queryKeys.rules, exact: true });
      if (!stored) {
        unsaved.allowNext();
        queryClient.setQueryData(queryKeys.rule(saved.id), saved);
        navigate(`/rules/${saved.id}`, { replace: true, state: { saved: true } });
      }
    },
  });
  const { notice, busy } = saving;
  const issues: FieldIssue[] = notice?.kind === "error" ? onePerField(fieldIssues(notice.error, notice.from === "dryRun" ? ["rule"] : [])) : [];
  const nameId = useId();
  const timeId = useId();

  const change = (next: Partial<RuleDefinition>) => {
    setDraft((before) => ({ ...before, definition: { ...before.definition, ...next } }));
    if (notice?.kind === "saved") saving.setNotice(null);
  };
  const setConditions = (conditions: ConditionGroup) => {
    setDraft((before) => ({ ...before, conditions }));
    if (notice?.kind === "saved") saving.setNotice(null);
  };
  const toggleTrigger = (trigger: RuleTrigger, on: boolean) => {
    const triggers = on
      ? RULE_TRIGGERS.filter((t) => t === trigger || draft.definition.triggers.includes(t))
      : draft.definition.triggers.filter((t) => t !== trigger);
    change(trigger === "time" && on && !draft.definition.time ? { triggers, time: DEFAULT_TIME } : { triggers });
  };
  const remove = async () => {
    if (!stored) return;
    setDeleting("busy");
    try {
      await api.deleteRule(stored.id);
      void queryClient.invalidateQueries({ queryKey: queryKeys.rules, exact: true });
      unsaved.allowNext();
      navigate("/rules", { replace: true });
    } catch (error) {
      setDeleteError(error);
      setDeleting(null);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saving.submit();
  };
  const title = stored ? t("rules.editTitle", { name: stored.name }) : t("rules.new");
  const nameIssues = issuesAt(issues, "name");
  const triggerIssues = issuesAt(issues, "triggers", true).slice(0, 1);
  const timeIssues = issuesAt(issues, "time", true);
  const time = draft.definition.time ?? DEFAULT_TIME;
  const hasTime = draft.definition.triggers.includes("time");
  const timeAt = (field: string) => timeIssues.filter((issue) => issue.path === `time.${field}`).slice(0, 1);

  return (
    <form className="editor rule-editor" onSubmit={submit} aria-label={title} noValidate>
      <p className="breadcrumb">
        <Link to="/rules">{t("rules.title")}</Link> / {stored?.name ?? t("rules.new")}
      </p>
      <PageTitle title={title} />
      {readOnly && <p className="notice notice-info">{t("rules.readOnly")}</p>}
      {notice?.kind === "error" && <ErrorSummary error={notice.error} unplaced={issues.filter((issue) => !PLACED.test(issue.path))} />}
      {deleteError !== null && <ErrorNotice error={deleteError} />}
      {notice?.kind === "conflict" && (
        <div className="notice notice-warning" role="alert">
          <p>{t("sla.conflict")}</p>
          <button type="button" className="button" onClick={onReload}>
            {t("sla.reloadLatest")}
          </button>
        </div>
      )}
      <p className="rule-summary" data-testid="rule-summary">
        {ruleSummary(current, words)}
      </p>
      <div className="panel">
        <div className="field">
          <label htmlFor={nameId}>{t("field.name")}</label>
          <input
            id={nameId}
            value={draft.definition.name}
            onChange={(e) => change({ name: e.target.value })}
            readOnly={readOnly}
            required
            {...invalidProps(`${nameId}-error`, nameIssues)}
          />
          <FieldError id={`${nameId}-error`} issues={nameIssues} />
        </div>
        <div className="checkbox-row">
          <label className="check">
            <input type="checkbox" checked={draft.definition.enabled} disabled={readOnly} onChange={(e) => change({ enabled: e.target.checked })} />
            {t("rules.enabled")}
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.definition.stop} disabled={readOnly} onChange={(e) => change({ stop: e.target.checked })} />
            {t("rules.stop")}
          </label>
        </div>
      </div>
      <fieldset className="panel rule-triggers" aria-describedby={triggerIssues.length ? `${timeId}-triggers-error` : undefined}>
        <legend>{t("rules.when")}</legend>
        <p className="muted small">{t("rules.whenHint")}</p>
        <div className="trigger-list">
          {RULE_TRIGGERS.map((trigger) => (
            <label key={trigger} className="check">
              <input
                type="checkbox"
                checked={draft.definition.triggers.includes(trigger)}
                disabled={readOnly}
                onChange={(e) => toggleTrigger(trigger, e.target.checked)}
              />
              <span>
                {t(`rules.trigger.${trigger}`)}
                <span className="muted small trigger-hint">{t(`rules.triggerHint.${trigger}`)}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={`${timeId}-triggers-error`} issues={triggerIssues} />
        {hasTime && (
          <fieldset className="plain time-rule">
            <legend>{t("rules.timeLegend")}</legend>
            <div className="time-fields">
              <div className="field">
                <label htmlFor={`${timeId}-amount`}>{t("rules.timeAmount")}</label>
                <input
                  id={`${timeId}-amount`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  value={time.amount}
                  readOnly={readOnly}
                  onChange={(e) => change({ time: { ...time, amount: Math.max(1, Math.floor(Number(e.target.value) || 1)) } })}
                  {...invalidProps(`${timeId}-amount-error`, timeAt("amount"))}
                />
                <FieldError id={`${timeId}-amount-error`} issues={timeAt("amount")} />
              </div>
              <div className="field">
                <label htmlFor={`${timeId}-unit`}>{t("rules.timeUnit")}</label>
                <select
                  id={`${timeId}-unit`}
                  value={time.unit}
                  disabled={readOnly}
                  onChange={(e) => change({ time: { ...time, unit: e.target.value as typeof time.unit } })}
                >
                  {TIME_UNITS.map((unit) => (
                    <option key={unit} value={unit}>
                      {t(`rules.unitName.${unit}`)}
                    </option>
                  ))}
                </select>
                <FieldError id={`${timeId}-unit-error`} issues={timeAt("unit")} />
              </div>
              <div className="field">
                <label htmlFor={`${timeId}-since`}>{t("rules.timeSince")}</label>
                <select
                  id={`${timeId}-since`}
                  value={time.since}
                  disabled={readOnly}
                  onChange={(e) => change({ time: { ...time, since: e.target.value as typeof time.since } })}
                >
                  {TIME_ANCHORS.map((since) => (
                    <option key={since} value={since}>
                      {t(`rules.since.${since}`)}
                    </option>
                  ))}
                </select>
                <FieldError id={`${timeId}-since-error`} issues={timeAt("since").concat(issuesAt(issues, "time")).slice(0, 1)} />
              </div>
            </div>
            <p className="muted small">{triggerText({ triggers: ["time"], time }, words)[0]}</p>
            {(time.unit === "business_hours" || time.unit === "business_days") && <p className="muted small">{t("rules.businessHint")}</p>}
          </fieldset>
        )}
      </fieldset>
      <fieldset className="panel rule-conditions">
        <legend>{t("rules.conditions")}</legend>
        <ConditionGroupEditor
          group={draft.conditions}
          onChange={setConditions}
          readOnly={readOnly}
          issues={issues}
          path="conditions"
          label={t("rules.conditions")}
          depth={0}
        />
      </fieldset>
      <ActionsEditor
        actions={draft.definition.actions}
        onChange={(actions) => change({ actions })}
        readOnly={readOnly}
        issues={issuesAt(issues, "actions", true)}
      />
      <DryRunPanel
        limit={limit}
        onLimit={setLimit}
        onTry={() => void saving.tryIt()}
        busy={busy}
        result={saving.dryRun}
        stale={saving.dryRunStale(current)}
        timeOnly={!current.triggers.some((trigger) => trigger !== "time")}
      />
      {!readOnly && (
        <div className="form-actions sticky-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("app.saving") : t("action.save")}
          </button>
          {notice?.kind === "saved" && !dirty && (
            <span className="notice-inline success" role="status">
              {t("rules.saved")}
            </span>
          )}
          {dirty && <span className="notice-inline muted">{t("sla.unsaved.badge")}</span>}
          {stored && (
            <button type="button" className="button button-quiet danger push-end" onClick={() => setDeleting("asking")} disabled={busy}>
              {t("rules.delete.button")}
            </button>
          )}
        </div>
      )}
      {saving.confirming && <ManyMatchesDialog result={saving.confirming} busy={busy} onConfirm={() => void saving.confirm()} onCancel={saving.cancel} />}
      {deleting && stored && <DeleteDialog name={stored.name} busy={deleting === "busy"} onConfirm={() => void remove()} onCancel={() => setDeleting(null)} />}
      <UnsavedDialog blocker={unsaved.blocker} />
    </form>
  );
}
