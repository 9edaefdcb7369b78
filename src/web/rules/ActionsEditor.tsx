// What a rule does: a list of actions, each with the fields its type needs (a priority, tags, a
// team, an agent, a policy, recipients, a note, a canned reply per language, a webhook), in
// order, with the server's problems beside the action they concern.

import { useQuery } from "@tanstack/react-query";
import { useId, type ReactNode } from "react";
import type { RuleAction } from "../../core/rules/rule.js";
import type { Recipient } from "../../core/sla/policy.js";
import { LANGUAGES, PRIORITIES, TIERS } from "../../core/ticket/ticket.js";
import * as sla from "../api/slaApi.js";
import { FieldError, issuesAt, type FieldIssue } from "../components/FieldError.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { toggleRecipient } from "../sla/policyDraft.js";
import { ChipsInput } from "./ChipsInput.js";
import { newRuleAction, RULE_ACTION_TYPES } from "./ruleDraft.js";

interface Props {
  actions: RuleAction[];
  onChange(actions: RuleAction[]): void;
  readOnly: boolean;
  issues: readonly FieldIssue[];
}

export const TEMPLATE_VARIABLES = ["{{customer.name}}", "{{ticket.number}}", "{{ticket.subject}}"] as const;

export function ActionsEditor({ actions, onChange, readOnly, issues }: Props) {
  const { t } = useI18n();
  const addId = useId();
  const set = (index: number, action: RuleAction) => onChange(actions.map((a, i) => (i === index ? action : a)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...actions];
    const [action] = next.splice(index, 1);
    if (action) next.splice(index + by, 0, action);
    onChange(next);
  };
  const listIssue = issues.filter((issue) => issue.path === "actions").slice(0, 1);
  return (
    <fieldset className="panel rule-actions">
      <legend>{t("rules.actions")}</legend>
      <FieldError id={`${addId}-list-error`} issues={listIssue} />
      {actions.length === 0 && <p className="muted small">{t("rules.noActions")}</p>}
      <ol className="plain-list">
        {actions.map((action, index) => {
          const name = t("rules.actionN", { n: index + 1, action: t(`rules.action.${action.type}`) });
          return (
            <li key={index} className="action-card" data-action={action.type}>
              <fieldset className="plain">
                <legend className="action-head">{name}</legend>
                <ActionFields action={action} readOnly={readOnly} issues={issuesAt(issues, `actions[${index}]`, true)} onChange={(next) => set(index, next)} />
                {!readOnly && (
                  <div className="step-actions">
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                      aria-label={t("rules.moveActionUp", { name })}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={index === actions.length - 1}
                      onClick={() => move(index, 1)}
                      aria-label={t("rules.moveActionDown", { name })}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button-quiet danger"
                      aria-label={t("rules.removeAction", { name })}
                      onClick={() => onChange(actions.filter((_, i) => i !== index))}
                    >
                      {t("rules.remove")}
                    </button>
                  </div>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <div className="field add-action">
          <label htmlFor={addId}>{t("rules.addAction")}</label>
          <select
            id={addId}
            value=""
            onChange={(e) => e.target.value && onChange([...actions, newRuleAction(e.target.value as (typeof RULE_ACTION_TYPES)[number])])}
          >
            <option value="">{t("rules.chooseAction")}</option>
            {RULE_ACTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`rules.action.${type}`)}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}

/** One labelled input with its one error beside it. */
function Field({
  label,
  issues,
  children,
  wide = false,
}: {
  label: string;
  issues: readonly FieldIssue[];
  children(id: string, a11y: object): ReactNode;
  wide?: boolean;
}) {
  const id = useId();
  const issue = issues.slice(0, 1);
  const a11y = issue.length > 0 ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {};
  return (
    <div className={wide ? "field field-wide" : "field"}>
      <label htmlFor={id}>{label}</label>
      {children(id, a11y)}
      <FieldError id={`${id}-error`} issues={issue} />
    </div>
  );
}

function ActionFields({ action, readOnly, issues, onChange }: { action: RuleAction; readOnly: boolean; issues: FieldIssue[]; onChange(a: RuleAction): void }) {
  const { t, tx } = useI18n();
  const { agents, teams } = useDirectory();
  const policies = useQuery({ queryKey: queryKeys.policies, queryFn: sla.listPolicies, enabled: action.type === "apply_policy" }).data ?? [];
  const at = (field: string) =>
    issues.filter((issue) => issue.path.endsWith(`.${field}`) || issue.path.includes(`.${field}[`) || issue.path.includes(`.${field}.`));
  const whole = issues.filter((issue) => /\]$/.test(issue.path)).slice(0, 1);
  const teamOptions = teams.map((team) => (
    <option key={team.id} value={team.id}>
      {team.name}
    </option>
  ));
  let fields: ReactNode = null;
  switch (action.type) {
    case "set_priority":
      fields = (
        <Field label={t("field.priority")} issues={at("priority")}>
          {(id, a11y) => (
            <select
              id={id}
              {...a11y}
              value={action.priority}
              disabled={readOnly}
              onChange={(e) => onChange({ ...action, priority: e.target.value as (typeof PRIORITIES)[number] })}
            >
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {tx(`priority.${p}`, p)}
                </option>
              ))}
            </select>
          )}
        </Field>
      );
      break;
    case "raise_priority":
      fields = <p className="muted small">{t("matrix.action.raise_priority")}</p>;
      break;
    case "add_tags":
    case "remove_tags":
      fields = (
        <div className="field field-wide">
          <ChipsInput
            label={t("field.tags")}
            values={action.tags}
            readOnly={readOnly}
            onChange={(tags) => onChange({ ...action, tags })}
            placeholder={t("chips.addTag")}
          />
          <FieldError id={`${action.type}-tags-error`} issues={at("tags").slice(0, 1)} />
        </div>
      );
      break;
    case "set_team":
      fields = (
        <Field label={t("field.team")} issues={at("teamId")}>
          {(id, a11y) => (
            <select id={id} {...a11y} value={action.teamId} disabled={readOnly} onChange={(e) => onChange({ ...action, teamId: e.target.value })}>
              <option value="">{t("rules.choose")}</option>
              {teamOptions}
            </select>
          )}
        </Field>
      );
      break;
    case "set_tier":
      fields = (
        <Field label={t("field.tier")} issues={at("tier")}>
          {(id, a11y) => (
            <select
              id={id}
              {...a11y}
              value={action.tier}
              disabled={readOnly}
              onChange={(e) => onChange({ ...action, tier: e.target.value as (typeof TIERS)[number] })}
            >
              {TIERS.map((tier) => (
                <option key={tier} value={tier}>
                  {tier}
                </option>
              ))}
            </select>
          )}
        </Field>
      );
      break;
    case "assign":
      fields = (
        <Field label={t("field.assignee")} issues={at("agentId")}>
          {(id, a11y) => (
            <select id={id} {...a11y} value={action.agentId} disabled={readOnly} onChange={(e) => onChange({ ...action, agentId: e.target.value })}>
              <option value="">{t("rules.choose")}</option>
              {agents
                .filter((agent) => agent.active !== false || agent.id === action.agentId)
                .map((agent) => (
                  <option key={agent.id} value={agent.id}>
                    {agent.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
      );
      break;
    case "reassign":
      fields = <p className="muted small">{t("rules.do.reassign")}</p>;
      break;
    case "apply_policy":
      fields = (
        <Field label={t("rules.policy")} issues={at("policyId")}>
          {(id, a11y) => (
            <select id={id} {...a11y} value={action.policyId} disabled={readOnly} onChange={(e) => onChange({ ...action, policyId: e.target.value })}>
              <option value="">{t("rules.choose")}</option>
              {policies.map((policy) => (
                <option key={policy.id} value={policy.id}>
                  {policy.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      );
      break;
    case "escalate":
      fields = (
        <>
          <Field label={t("rules.escalateTier")} issues={at("tier")}>
            {(id, a11y) => (
              <select
                id={id}
                {...a11y}
                value={action.tier ?? ""}
                disabled={readOnly}
                onChange={(e) => {
                  const { tier: _drop, ...rest } = action;
                  onChange(e.target.value === "" ? rest : { ...rest, tier: e.target.value as (typeof TIERS)[number] });
                }}
              >
                <option value="">{t("rules.escalateNextTier")}</option>
                {TIERS.map((tier) => (
                  <option key={tier} value={tier}>
                    {tier}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("rules.escalateTeam")} issues={at("teamId")}>
            {(id, a11y) => (
              <select
                id={id}
                {...a11y}
                value={action.teamId ?? ""}
                disabled={readOnly}
                onChange={(e) => {
                  const { teamId: _drop, ...rest } = action;
                  onChange(e.target.value === "" ? rest : { ...rest, teamId: e.target.value });
                }}
              >
                <option value="">{t("rules.escalateSameTeam")}</option>
                {teamOptions}
              </select>
            )}
          </Field>
          <Field label={t("rules.escalateNote")} issues={at("note")} wide>
            {(id, a11y) => (
              <textarea
                id={id}
                {...a11y}
                rows={2}
                value={action.note ?? ""}
                readOnly={readOnly}
                onChange={(e) => {
                  const { note: _drop, ...rest } = action;
                  onChange(e.target.value === "" ? rest : { ...rest, note: e.target.value });
                }}
              />
            )}
          </Field>
        </>
      );
      break;
    case "notify":
      fields = (
        <Recipients
          recipients={action.recipients}
          readOnly={readOnly}
          issues={at("recipients")}
          onChange={(recipients) => onChange({ ...action, recipients })}
        />
      );
      break;
    case "add_followers":
      fields = <p className="muted small">{t("matrix.action.add_followers")}</p>;
      break;
    case "route":
      fields = <p className="muted small">{t("routing.ruleHint")}</p>;
      break;
    case "add_note":
      fields = (
        <Field label={t("matrix.noteText")} issues={at("text")} wide>
          {(id, a11y) => (
            <textarea id={id} {...a11y} rows={3} value={action.text} readOnly={readOnly} onChange={(e) => onChange({ ...action, text: e.target.value })} />
          )}
        </Field>
      );
      break;
    case "canned_reply":
      fields = (
        <>
          <p className="muted small template-variables">
            {t("rules.templateVariables")}{" "}
            {TEMPLATE_VARIABLES.map((variable) => (
              <code key={variable}>{variable}</code>
            ))}
          </p>
          <p className="muted small">{t("rules.templateHint")}</p>
          {LANGUAGES.map((language) => (
            <Field
              key={language}
              label={t("rules.templateIn", { language: tx(`language.${language}`, language) })}
              issues={at(`templates.${language}`).concat(at("templates")).slice(0, 1)}
              wide
            >
              {(id, a11y) => (
                <textarea
                  id={id}
                  {...a11y}
                  lang={language}
                  rows={3}
                  value={action.templates[language] ?? ""}
                  readOnly={readOnly}
                  onChange={(e) => onChange({ ...action, templates: { ...action.templates, [language]: e.target.value } })}
                />
              )}
            </Field>
          ))}
        </>
      );
      break;
    case "webhook":
      fields = (
        <>
          <Field label={t("matrix.webhookUrl")} issues={at("url")} wide>
            {(id, a11y) => (
              <input
                id={id}
                {...a11y}
                type="url"
                inputMode="url"
                value={action.url}
                readOnly={readOnly}
                onChange={(e) => onChange({ ...action, url: e.target.value })}
              />
            )}
          </Field>
          <Field label={t("matrix.webhookSecret")} issues={at("secret")}>
            {(id, a11y) => (
              <input
                id={id}
                {...a11y}
                type="password"
                autoComplete="off"
                placeholder={t("matrix.webhookSecretHint")}
                value={action.secret}
                readOnly={readOnly}
                onChange={(e) => onChange({ ...action, secret: e.target.value })}
              />
            )}
          </Field>
        </>
      );
      break;
  }
  return (
    <div className="action-fields">
      {fields}
      <FieldError id={`${action.type}-error`} issues={whole} />
    </div>
  );
}

const ROLE_RECIPIENTS = ["assignee", "assignee_manager", "team_lead", "region_managers"] as const;

function Recipients({
  recipients,
  readOnly,
  issues,
  onChange,
}: {
  recipients: Recipient[];
  readOnly: boolean;
  issues: FieldIssue[];
  onChange(r: Recipient[]): void;
}) {
  const { t } = useI18n();
  const { agents, teams, agentName, teamName } = useDirectory();
  const errorId = useId();
  const named = recipients.filter((r) => r.kind === "agent" || r.kind === "team");
  const add = (recipient: Recipient) => onChange(toggleRecipient(recipients, recipient, true));
  return (
    <fieldset className="plain recipients field-wide" aria-describedby={issues.length ? errorId : undefined}>
      <legend>{t("matrix.recipients")}</legend>
      <div className="checkbox-row">
        {ROLE_RECIPIENTS.map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              disabled={readOnly}
              checked={recipients.some((r) => r.kind === kind)}
              onChange={(e) => onChange(toggleRecipient(recipients, { kind } as Recipient, e.target.checked))}
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
                : t("matrix.recipient.teamNamed", { name: teamName(r.kind === "team" ? r.teamId : "") ?? "…" });
            return (
              <li key={JSON.stringify(r)} className="chip">
                {label}
                {!readOnly && (
                  <button type="button" aria-label={t("chips.remove", { name: label })} onClick={() => onChange(toggleRecipient(recipients, r, false))}>
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
        </div>
      )}
      <FieldError id={errorId} issues={issues.slice(0, 1)} />
    </fieldset>
  );
}
