// A rule's conditions: a group ("all of", "any of", "none of", "not all of") of rows and nested
// groups; each row a field (grouped: ticket, customer, organization, latest message, who acted,
// triage, time), an operator that fits the field, and a value input that fits both.

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import type { Predicate, RuleOperator } from "../../core/rules/rule.js";
import * as sla from "../api/slaApi.js";
import { FieldError, issuesAt, type FieldIssue } from "../components/FieldError.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { ChipsInput } from "./ChipsInput.js";
import { GROUP_KINDS, isGroup, itemsPath, type ConditionGroup, type ConditionNode, type GroupKind } from "./conditionTree.js";
import {
  CUSTOM_PREFIX,
  defaultValue,
  reshapeValue,
  FIELD_GROUPS,
  FIELDS,
  fieldSpec,
  NOW_FIELD,
  operatorsFor,
  valueShape,
  type FieldSpec,
} from "./ruleFields.js";
import { fieldLabel, opLabel } from "./ruleSummary.js";

interface GroupProps {
  group: ConditionGroup;
  onChange(group: ConditionGroup): void;
  readOnly: boolean;
  issues: readonly FieldIssue[];
  /** The API's path of this group (`conditions`, `conditions.all[2]`). */
  path: string;
  /** How the group is named to screen readers ("Conditions", "Group 2"). */
  label: string;
  depth: number;
  onRemove?(): void;
}

const NEW_CONDITION: Predicate = { field: "ticket.subject", op: "matches_words", value: [] };

export function ConditionGroupEditor({ group, onChange, readOnly, issues, path, label, depth, onRemove }: GroupProps) {
  const { t } = useI18n();
  const kindId = useId();
  const membersPath = itemsPath(path, group.kind);
  const setItem = (index: number, node: ConditionNode) => onChange({ ...group, items: group.items.map((n, i) => (i === index ? node : n)) });
  const removeItem = (index: number) => onChange({ ...group, items: group.items.filter((_, i) => i !== index) });
  // The problems at the group itself (an empty `any`, a nesting too deep).
  const own = issues.filter((issue) => issue.path === path || issue.path === membersPath).slice(0, 1);
  return (
    <div className="condition-group" data-depth={depth} role="group" aria-label={label}>
      <div className="group-head">
        <label htmlFor={kindId} className="visually-hidden">
          {t("rules.groupKind", { what: label })}
        </label>
        <select id={kindId} value={group.kind} disabled={readOnly} onChange={(e) => onChange({ ...group, kind: e.target.value as GroupKind })}>
          {GROUP_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`rules.groupKind.${kind}`)}
            </option>
          ))}
        </select>
        {onRemove && !readOnly && (
          <button type="button" className="button button-quiet danger" aria-label={t("rules.removeGroup", { what: label })} onClick={onRemove}>
            {t("rules.remove")}
          </button>
        )}
      </div>
      <FieldError id={`${kindId}-error`} issues={own} />
      {group.items.length === 0 && <p className="muted small">{depth === 0 ? t("rules.noConditions") : t("rules.emptyGroup")}</p>}
      <ol className="plain-list condition-items">
        {group.items.map((node, index) => {
          const itemPath = `${membersPath}[${index}]`;
          const itemLabel = depth === 0 ? t("rules.conditionN", { n: index + 1 }) : t("rules.conditionNested", { what: label, n: index + 1 });
          return isGroup(node) ? (
            <li key={index}>
              <ConditionGroupEditor
                group={node}
                onChange={(next) => setItem(index, next)}
                readOnly={readOnly}
                issues={issuesAt(issues, itemPath, true)}
                path={itemPath}
                label={depth === 0 ? t("rules.groupN", { n: index + 1 }) : t("rules.groupNested", { what: label, n: index + 1 })}
                depth={depth + 1}
                onRemove={() => removeItem(index)}
              />
            </li>
          ) : (
            <PredicateRow
              key={index}
              predicate={node}
              label={itemLabel}
              readOnly={readOnly}
              issues={issuesAt(issues, itemPath, true)}
              onChange={(next) => setItem(index, next)}
              onRemove={() => removeItem(index)}
            />
          );
        })}
      </ol>
      {!readOnly && (
        <div className="group-actions">
          <button type="button" className="button" onClick={() => onChange({ ...group, items: [...group.items, NEW_CONDITION] })}>
            {t("rules.addCondition")}
          </button>
          {depth < 3 && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => onChange({ ...group, items: [...group.items, { kind: group.kind === "all" ? "any" : "all", items: [NEW_CONDITION] }] })}
            >
              {t("rules.addGroup")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function PredicateRow(props: { predicate: Predicate; label: string; readOnly: boolean; issues: FieldIssue[]; onChange(p: Predicate): void; onRemove(): void }) {
  const { t, tx } = useI18n();
  const { predicate, readOnly, label } = props;
  const id = useId();
  const custom = predicate.field.startsWith(CUSTOM_PREFIX);
  const spec = fieldSpec(predicate.field);
  const operators = operatorsFor(spec);
  const shape = valueShape(predicate.op);
  const issue = props.issues.slice(0, 1);
  const invalid = issue.length > 0;
  const setField = (choice: string) => {
    const field = choice === "custom" ? `${CUSTOM_PREFIX}` : choice;
    const next = fieldSpec(field);
    const ops = operatorsFor(next);
    const op: RuleOperator = ops.includes(predicate.op) && next.kind === spec.kind ? predicate.op : (ops[0] ?? "is");
    props.onChange({ field, op, value: op === predicate.op && next.kind === spec.kind && !next.choices ? predicate.value : defaultValue(next, op) });
  };
  const setOp = (op: RuleOperator) => {
    const nextShape = valueShape(op);
    const { value: _drop, ...rest } = predicate;
    const kept = nextShape === shape ? predicate.value : reshapeValue(predicate.value, nextShape);
    const value = nextShape === "one" && (kept === "" || kept === undefined) ? defaultValue(spec, op) : kept;
    props.onChange(value === undefined ? { ...rest, op } : { ...rest, op, value });
  };
  return (
    <li className="condition-row" data-field={predicate.field}>
      <span className="visually-hidden">{label}</span>
      <select
        aria-label={t("rules.conditionField", { what: label })}
        value={custom ? "custom" : predicate.field}
        onChange={(e) => setField(e.target.value)}
        disabled={readOnly}
      >
        {FIELD_GROUPS.map((group) => (
          <optgroup key={group} label={t(`rules.group.${group}`)}>
            {FIELDS.filter((field) => field.group === group).map((field) => (
              <option key={field.path} value={field.path}>
                {fieldLabel(field.path, { t, tx })}
              </option>
            ))}
            {group === "ticket" && <option value="custom">{t("rules.field.customChoice")}</option>}
          </optgroup>
        ))}
      </select>
      {custom && (
        <input
          aria-label={t("rules.customKey", { what: label })}
          placeholder={t("rules.customKeyPlaceholder")}
          value={predicate.field.slice(CUSTOM_PREFIX.length)}
          onChange={(e) => props.onChange({ ...predicate, field: `${CUSTOM_PREFIX}${e.target.value.trim()}` })}
          readOnly={readOnly}
        />
      )}
      {predicate.field !== NOW_FIELD && (
        <select
          aria-label={t("rules.conditionOp", { what: label })}
          value={predicate.op}
          onChange={(e) => setOp(e.target.value as RuleOperator)}
          disabled={readOnly}
        >
          {operators.map((op) => (
            <option key={op} value={op}>
              {opLabel(op, predicate.field, { t, tx })}
            </option>
          ))}
        </select>
      )}
      <ValueInput
        spec={spec}
        shape={shape}
        value={predicate.value}
        readOnly={readOnly}
        label={t("rules.conditionValue", { what: label })}
        describedBy={invalid ? `${id}-error` : undefined}
        onChange={(value) => {
          const { value: _drop, ...rest } = predicate;
          props.onChange(value === undefined ? rest : { ...rest, value });
        }}
      />
      {!readOnly && (
        <button type="button" className="icon-button" aria-label={t("rules.removeCondition", { what: label })} onClick={props.onRemove}>
          ×
        </button>
      )}
      <FieldError id={`${id}-error`} issues={issue} />
    </li>
  );
}

/** `2026-12-02T09:30` for a datetime-local input, in the browser's time. */
function localInputOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The choices of an enum or list field: fixed words in the reader's language, or the directory's names. */
function useChoices(spec: FieldSpec): { value: string; label: string }[] | null {
  const { tx } = useI18n();
  const { agents, teams } = useDirectory();
  const choices = spec.choices;
  if (!choices) return null;
  if ("words" in choices) return choices.words.map((word) => ({ value: word, label: tx(`${choices.prefix}.${word}`, word) }));
  if (choices.directory === "teams") return teams.map((team) => ({ value: team.id, label: team.name }));
  if (choices.directory === "agents") return agents.map((agent) => ({ value: agent.id, label: agent.name }));
  return null;
}

function ValueInput(props: {
  spec: FieldSpec;
  shape: ReturnType<typeof valueShape>;
  value: unknown;
  readOnly: boolean;
  label: string;
  describedBy: string | undefined;
  onChange(value: unknown): void;
}) {
  const { t } = useI18n();
  const { spec, shape, value, readOnly, label, describedBy } = props;
  const choices = useChoices(spec);
  const calendars = useQuery({ queryKey: queryKeys.calendars, queryFn: sla.listCalendars, enabled: shape === "calendar" }).data ?? [];
  const a11y = { "aria-label": label, "aria-describedby": describedBy, "aria-invalid": describedBy ? true : undefined };
  if (shape === "none") return null;
  if (shape === "calendar") {
    return (
      <select
        {...a11y}
        value={typeof value === "string" ? value : ""}
        disabled={readOnly}
        onChange={(e) => props.onChange(e.target.value === "" ? undefined : e.target.value)}
      >
        <option value="">{t("rules.policyCalendar")}</option>
        {calendars.map((calendar) => (
          <option key={calendar.id} value={calendar.id}>
            {calendar.name}
          </option>
        ))}
      </select>
    );
  }
  if (shape === "many") {
    const values = Array.isArray(value) ? value.map(String) : [];
    if (choices) {
      return (
        <fieldset className="plain checkbox-row value-choices" aria-label={label} aria-describedby={describedBy}>
          {choices.map((choice) => (
            <label key={choice.value} className="check">
              <input
                type="checkbox"
                checked={values.includes(choice.value)}
                disabled={readOnly}
                onChange={(e) => props.onChange(e.target.checked ? [...values, choice.value] : values.filter((v) => v !== choice.value))}
              />
              {choice.label}
            </label>
          ))}
        </fieldset>
      );
    }
    return (
      <ChipsInput
        label={label}
        hiddenLabel
        values={values}
        onChange={props.onChange}
        readOnly={readOnly}
        describedBy={describedBy}
        invalid={describedBy !== undefined}
      />
    );
  }
  if (spec.kind === "boolean") {
    return (
      <select {...a11y} value={String(value === true || value === "true")} disabled={readOnly} onChange={(e) => props.onChange(e.target.value === "true")}>
        <option value="true">{t("rules.yes")}</option>
        <option value="false">{t("rules.no")}</option>
      </select>
    );
  }
  if (choices) {
    return (
      <select {...a11y} value={typeof value === "string" ? value : ""} disabled={readOnly} onChange={(e) => props.onChange(e.target.value)}>
        {(typeof value !== "string" || !choices.some((c) => c.value === value)) && <option value={typeof value === "string" ? value : ""}>—</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    );
  }
  if (spec.kind === "number") {
    const frustration = spec.path === "triage.frustration";
    return (
      <input
        {...a11y}
        type="number"
        inputMode="decimal"
        min={frustration ? 0 : undefined}
        max={frustration ? 1 : undefined}
        step={frustration ? 0.05 : 1}
        value={typeof value === "number" ? value : ""}
        readOnly={readOnly}
        onChange={(e) => props.onChange(e.target.value === "" ? "" : Number(e.target.value))}
      />
    );
  }
  if (spec.kind === "date") {
    // An instant, entered in the browser's time.
    const text = typeof value === "string" && !Number.isNaN(Date.parse(value)) ? localInputOf(new Date(value)) : "";
    return (
      <input
        {...a11y}
        type="datetime-local"
        value={text}
        readOnly={readOnly}
        onChange={(e) => props.onChange(e.target.value === "" ? "" : new Date(e.target.value).toISOString())}
      />
    );
  }
  return (
    <input
      {...a11y}
      value={typeof value === "string" ? value : value === undefined ? "" : String(value)}
      readOnly={readOnly}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}
