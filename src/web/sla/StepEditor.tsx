// One step of the escalation matrix: kind and level, offset in business or wall-clock minutes,
// the targets and priorities it watches, its recipients and actions, and whether it is urgent,
// summed up in one line above the fields.

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { ACTION_TYPES, TARGETS } from "../../core/sla/policy.js";
import { PRIORITIES, TIERS } from "../../core/ticket/ticket.js";
import type { MatrixStep, Recipient, StepAction } from "../api/slaTypes.js";
import { FieldError, type FieldIssue } from "../components/FieldError.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { listSchedules, ONCALL_KEY } from "../oncall/oncallApi.js";
import { newAction, toggleRecipient } from "./policyDraft.js";
import { stepSummary } from "./stepSummary.js";

const ROLE_RECIPIENTS = ["assignee", "assignee_manager", "team_lead", "region_managers"] as const;

interface Props {
  index: number;
  count: number;
  step: MatrixStep;
  readOnly: boolean;
  issues: FieldIssue[];
  /** Contradictions with the targets (a reminder longer than the target it warns about). */
  warnings?: FieldIssue[];
  onChange(step: MatrixStep): void;
  onRemove(): void;
  onMove(by: -1 | 1): void;
}

export function StepEditor({ index, count, step, readOnly, issues, warnings = [], onChange, onRemove, onMove }: Props) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { agentName, teamName } = useDirectory();
  const id = useId();
  const set = (next: Partial<MatrixStep>) => onChange({ ...step, ...next });
  const name = step.kind === "reminder" ? t("matrix.reminderN", { n: index + 1 }) : t("matrix.levelN", { level: step.level });
  const summary = stepSummary(step, { locale, t, agentName: (v) => agentName(v), teamName: (v) => teamName(v) });
  const only = <T extends string>(list: readonly T[] | undefined, value: T, on: boolean): T[] | undefined => {
    const next = on ? [...(list ?? []), value] : (list ?? []).filter((v) => v !== value);
    return next.length > 0 ? next : undefined;
  };
  const at = (path: string) =>
    issues.filter((issue) => issue.path.endsWith(`.${path}`) || issue.path.includes(`.${path}[`) || issue.path.includes(`.${path}.`));
  // One message beside the field: the first the server found.
  const offsetIssues = at("offsetMinutes").concat(at("level")).slice(0, 1);
  const offsetWarning = warnings.find((warning) => warning.path.endsWith(".offsetMinutes"));

  return (
    <li className="step" data-step={step.id} data-kind={step.kind}>
      <fieldset className="plain">
        <legend className="step-head">
          <span className="step-name">{name}</span>
        </legend>
        <p className="step-summary" data-testid="step-summary">
          {summary}
        </p>
        <div className="step-fields">
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t("matrix.kind")}</label>
            <select
              id={`${id}-kind`}
              value={step.kind}
              disabled={readOnly}
              onChange={(e) => set(e.target.value === "reminder" ? { kind: "reminder", level: 0 } : { kind: "level", level: Math.max(1, step.level) })}
            >
              <option value="reminder">{t("matrix.kind.reminder")}</option>
              <option value="level">{t("matrix.kind.level")}</option>
            </select>
          </div>
          {step.kind === "level" && (
            <div className="field">
              <label htmlFor={`${id}-level`}>{t("matrix.level")}</label>
              <input
                id={`${id}-level`}
                type="number"
                min={1}
                step={1}
                value={step.level}
                readOnly={readOnly}
                onChange={(e) => set({ level: Math.max(1, Math.floor(Number(e.target.value) || 1)) })}
              />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-offset`}>{step.kind === "reminder" ? t("matrix.offsetBefore") : t("matrix.offsetAfter")}</label>
            <input
              id={`${id}-offset`}
              type="number"
              min={0}
              step={1}
              value={step.offsetMinutes}
              readOnly={readOnly}
              onChange={(e) => set({ offsetMinutes: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
              aria-invalid={offsetIssues.length > 0 || undefined}
              aria-describedby={offsetIssues.length > 0 ? `${id}-offset-error` : undefined}
            />
            <FieldError id={`${id}-offset-error`} issues={offsetIssues} />
            {offsetWarning && <p className="field-warning">{offsetWarning.message}</p>}
          </div>
          <div className="field">
            <label htmlFor={`${id}-clock`}>{t("matrix.clock")}</label>
            <select id={`${id}-clock`} value={step.clock} disabled={readOnly} onChange={(e) => set({ clock: e.target.value as MatrixStep["clock"] })}>
              <option value="business">{t("matrix.clock.business")}</option>
              <option value="wall">{t("matrix.clock.wall")}</option>
            </select>
          </div>
        </div>
        <div className="step-fields">
          <fieldset className="plain checkbox-row">
            <legend>{t("matrix.targets")}</legend>
            {TARGETS.map((target) => (
              <label key={target} className="check">
                <input
                  type="checkbox"
                  disabled={readOnly}
                  checked={step.targets?.includes(target) ?? false}
                  onChange={(e) => set({ targets: only(step.targets, target, e.target.checked) })}
                />
                {t(`sla.target.${target}`)}
              </label>
            ))}
            {!step.targets && <span className="muted small">{t("matrix.allTargets")}</span>}
          </fieldset>
          <fieldset className="plain checkbox-row">
            <legend>{t("matrix.priorities")}</legend>
            {[...PRIORITIES].reverse().map((priority) => (
              <label key={priority} className="check">
                <input
                  type="checkbox"
                  disabled={readOnly}
                  checked={step.priorities?.includes(priority) ?? false}
                  onChange={(e) => set({ priorities: only(step.priorities, priority, e.target.checked) })}
                />
                {t(`priority.${priority}`)}
              </label>
            ))}
            {!step.priorities && <span className="muted small">{t("matrix.allPriorities")}</span>}
          </fieldset>
        </div>
        <Recipients step={step} readOnly={readOnly} onChange={(recipients) => set({ recipients })} issues={at("recipients")} />
        <Actions step={step} readOnly={readOnly} onChange={(actions) => set({ actions })} issues={at("actions")} />
        <label className="check">
          <input
            type="checkbox"
            checked={step.urgent ?? false}
            disabled={readOnly}
            onChange={(e) => set(e.target.checked ? { urgent: true } : { urgent: undefined })}
          />
          {t("matrix.urgent")}
        </label>
        {!readOnly && (
          <div className="step-actions">
            <button type="button" className="button button-quiet" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t("matrix.moveUp", { name })}>
              ↑
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={index === count - 1}
              onClick={() => onMove(1)}
              aria-label={t("matrix.moveDown", { name })}
            >
              ↓
            </button>
            <button type="button" className="button button-quiet danger" onClick={onRemove}>
              {t("matrix.removeStep", { name })}
            </button>
          </div>
        )}
      </fieldset>
    </li>
  );
}

/** The schedule choice that names none: the ticket's team's. */
const TEAM_SCHEDULE = "team";

function Recipients({ step, readOnly, onChange, issues }: { step: MatrixStep; readOnly: boolean; onChange(r: Recipient[]): void; issues: FieldIssue[] }) {
  const { t } = useI18n();
  const { agents, teams, agentName, teamName } = useDirectory();
  const schedules = useQuery({ queryKey: ONCALL_KEY, queryFn: listSchedules }).data ?? [];
  const scheduleName = (id: string) => schedules.find((s) => s.id === id)?.name ?? id;
  const has = (kind: string) => step.recipients.some((r) => r.kind === kind);
  const named = step.recipients.filter((r) => r.kind === "agent" || r.kind === "team" || r.kind === "on_call");
  const add = (recipient: Recipient) => onChange(toggleRecipient(step.recipients, recipient, true));
  return (
    <fieldset className="plain recipients">
      <legend>{t("matrix.recipients")}</legend>
      <div className="checkbox-row">
        {ROLE_RECIPIENTS.map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              disabled={readOnly}
              checked={has(kind)}
              onChange={(e) => onChange(toggleRecipient(step.recipients, { kind } as Recipient, e.target.checked))}
            />
            {t(`matrix.recipient.${kind}`)}
          </label>
        ))}
      </div>
      {named.length > 0 && (
        <ul className="chips">
          {named.map((r) => {
            const label =
              r.kind === "agent"
                ? (agentName(r.agentId) ?? r.agentId)
                : r.kind === "team"
                  ? t("matrix.recipient.teamNamed", { name: teamName(r.teamId) ?? r.teamId })
                  : t("matrix.recipient.onCallNamed", { name: r.scheduleId ? scheduleName(r.scheduleId) : t("oncall.teamSchedule") });
            return (
              <li key={JSON.stringify(r)} className="chip">
                {label}
                {!readOnly && (
                  <button type="button" aria-label={t("chips.remove", { name: label })} onClick={() => onChange(toggleRecipient(step.recipients, r, false))}>
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!readOnly && (
        <div className="add-recipients">
          <select aria-label={t("matrix.addAgent")} value="" onChange={(e) => e.target.value && add({ kind: "agent", agentId: e.target.value })}>
            <option value="">{t("matrix.addAgent")}</option>
            {agents
              .filter((a) => a.active !== false)
              .map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name}
                </option>
              ))}
          </select>
          <select aria-label={t("matrix.addTeam")} value="" onChange={(e) => e.target.value && add({ kind: "team", teamId: e.target.value })}>
            <option value="">{t("matrix.addTeam")}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
          <select
            aria-label={t("matrix.onCallSchedule")}
            value=""
            onChange={(e) => e.target.value && add(e.target.value === TEAM_SCHEDULE ? { kind: "on_call" } : { kind: "on_call", scheduleId: e.target.value })}
          >
            <option value="">{t("matrix.onCallSchedule")}</option>
            <option value={TEAM_SCHEDULE}>{t("oncall.teamSchedule")}</option>
            {schedules.map((schedule) => (
              <option key={schedule.id} value={schedule.id}>
                {schedule.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <FieldError id={`${step.id}-recipients-error`} issues={issues.slice(0, 1)} />
    </fieldset>
  );
}

function Actions({ step, readOnly, onChange, issues }: { step: MatrixStep; readOnly: boolean; onChange(a: StepAction[]): void; issues: FieldIssue[] }) {
  const { t } = useI18n();
  const { agents, teams } = useDirectory();
  const set = (index: number, action: StepAction) => onChange(step.actions.map((a, i) => (i === index ? action : a)));
  return (
    <fieldset className="plain actions">
      <legend>{t("matrix.actions")}</legend>
      <ul className="plain-list">
        {step.actions.map((action, index) => {
          const label = t(`matrix.action.${action.type}`);
          return (
            <li key={index} className="action-row" data-action={action.type}>
              <strong>{label}</strong>
              {action.type === "reassign" && (
                <select
                  aria-label={t("matrix.reassignTo")}
                  disabled={readOnly}
                  value={action.agentId ? `agent:${action.agentId}` : action.teamId ? `team:${action.teamId}` : ""}
                  onChange={(e) => {
                    const [kind, value] = e.target.value.split(":");
                    set(
                      index,
                      kind === "agent" ? { type: "reassign", agentId: value } : kind === "team" ? { type: "reassign", teamId: value } : { type: "reassign" },
                    );
                  }}
                >
                  <option value="">{t("matrix.reassignAuto")}</option>
                  {agents.map((a) => (
                    <option key={a.id} value={`agent:${a.id}`}>
                      {a.name}
                    </option>
                  ))}
                  {teams.map((team) => (
                    <option key={team.id} value={`team:${team.id}`}>
                      {t("matrix.recipient.teamNamed", { name: team.name })}
                    </option>
                  ))}
                </select>
              )}
              {action.type === "raise_priority" && (
                <select
                  aria-label={t("matrix.raiseTo")}
                  disabled={readOnly}
                  value={action.to ?? ""}
                  onChange={(e) =>
                    set(index, e.target.value ? { type: "raise_priority", to: e.target.value as (typeof PRIORITIES)[number] } : { type: "raise_priority" })
                  }
                >
                  <option value="">{t("matrix.raiseOneStep")}</option>
                  {PRIORITIES.map((p) => (
                    <option key={p} value={p}>
                      {t(`priority.${p}`)}
                    </option>
                  ))}
                </select>
              )}
              {action.type === "set_tier" && (
                <select
                  aria-label={t("field.tier")}
                  disabled={readOnly}
                  value={action.tier}
                  onChange={(e) => set(index, { type: "set_tier", tier: e.target.value as (typeof TIERS)[number] })}
                >
                  {TIERS.map((tier) => (
                    <option key={tier} value={tier}>
                      {tier}
                    </option>
                  ))}
                </select>
              )}
              {action.type === "add_note" && (
                <input
                  aria-label={t("matrix.noteText")}
                  placeholder={t("matrix.noteText")}
                  value={action.text}
                  readOnly={readOnly}
                  onChange={(e) => set(index, { type: "add_note", text: e.target.value })}
                />
              )}
              {action.type === "webhook" && (
                <>
                  <input
                    aria-label={t("matrix.webhookUrl")}
                    type="url"
                    value={action.url}
                    readOnly={readOnly}
                    onChange={(e) => set(index, { ...action, url: e.target.value })}
                  />
                  <input
                    aria-label={t("matrix.webhookSecret")}
                    placeholder={t("matrix.webhookSecretHint")}
                    type="password"
                    autoComplete="off"
                    value={action.secret}
                    readOnly={readOnly}
                    onChange={(e) => set(index, { ...action, secret: e.target.value })}
                  />
                </>
              )}
              {!readOnly && (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t("matrix.removeAction", { action: label })}
                  onClick={() => onChange(step.actions.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!readOnly && (
        <select
          aria-label={t("matrix.addAction")}
          value=""
          onChange={(e) => e.target.value && onChange([...step.actions, newAction(e.target.value as StepAction["type"])])}
        >
          <option value="">{t("matrix.addAction")}</option>
          {ACTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`matrix.action.${type}`)}
            </option>
          ))}
        </select>
      )}
      <FieldError id={`${step.id}-actions-error`} issues={issues.slice(0, 1)} />
    </fieldset>
  );
}
