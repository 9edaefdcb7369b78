// Which tickets a policy covers: conditions that must all hold, and conditions of which at least
// one must hold, each a row of field, operator and value(s). Known fields offer their values.

import { useId } from "react";
import { CONDITION_FIELDS, CONDITION_OPERATORS, type ConditionOperator } from "../../core/sla/policy.js";
import { CHANNELS, LANGUAGES, PRIORITIES } from "../../core/ticket/ticket.js";
import type { Condition, Conditions } from "../api/slaTypes.js";
import { FieldError, issuesAt, type FieldIssue } from "../components/FieldError.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";

type Group = "all" | "any";
const LIST_OPS: ReadonlySet<ConditionOperator> = new Set(["in", "not_in"]);

interface Props {
  conditions: Conditions;
  onChange(conditions: Conditions): void;
  readOnly: boolean;
  issues: FieldIssue[];
}

export function ConditionsBuilder({ conditions, onChange, readOnly, issues }: Props) {
  const { t } = useI18n();
  const group = (name: Group) => conditions[name] ?? [];
  const setGroup = (name: Group, rows: Condition[]) => {
    const next: Conditions = { ...conditions, [name]: rows };
    if (rows.length === 0) delete next[name];
    onChange(next);
  };
  return (
    <fieldset className="panel conditions">
      <legend>{t("policies.conditions")}</legend>
      <p className="muted small">{t("policies.conditionsHint")}</p>
      {(["all", "any"] as const).map((name) => (
        <div key={name} className="condition-group" data-group={name}>
          <h3>{t(`policies.group.${name}`)}</h3>
          {group(name).length === 0 && <p className="muted small">{t("policies.noConditions")}</p>}
          <ol className="plain-list">
            {group(name).map((condition, index) => (
              <ConditionRow
                key={index}
                label={t("policies.conditionN", { n: index + 1 })}
                condition={condition}
                readOnly={readOnly}
                issues={issuesAt(issues, `conditions.${name}[${index}]`, true)}
                onChange={(next) =>
                  setGroup(
                    name,
                    group(name).map((c, i) => (i === index ? next : c)),
                  )
                }
                onRemove={() =>
                  setGroup(
                    name,
                    group(name).filter((_, i) => i !== index),
                  )
                }
              />
            ))}
          </ol>
          {!readOnly && (
            <button type="button" className="button" onClick={() => setGroup(name, [...group(name), { field: "priority", op: "is", value: "urgent" }])}>
              {t(`policies.addCondition.${name}`)}
            </button>
          )}
        </div>
      ))}
    </fieldset>
  );
}

function ConditionRow(props: { label: string; condition: Condition; readOnly: boolean; issues: FieldIssue[]; onChange(c: Condition): void; onRemove(): void }) {
  const { t, tx } = useI18n();
  const { condition, readOnly } = props;
  const id = useId();
  const custom = condition.field.startsWith("custom.");
  const fieldChoice = custom ? "custom" : condition.field;
  const isList = LIST_OPS.has(condition.op);
  const values = Array.isArray(condition.value) ? condition.value.map(String) : condition.value === "" ? [] : [String(condition.value)];
  const setField = (choice: string) => {
    const field = (choice === "custom" ? "custom.key" : choice) as Condition["field"];
    props.onChange({ field, op: condition.op, value: isList ? [] : "" });
  };
  const setOp = (op: ConditionOperator) => props.onChange({ ...condition, op, value: LIST_OPS.has(op) ? values : (values[0] ?? "") });
  return (
    <li className="condition-row">
      <span className="visually-hidden">{props.label}</span>
      <select
        aria-label={t("policies.conditionField", { what: props.label })}
        value={fieldChoice}
        onChange={(e) => setField(e.target.value)}
        disabled={readOnly}
      >
        {CONDITION_FIELDS.map((field) => (
          <option key={field} value={field}>
            {tx(`policies.field.${field}`, field)}
          </option>
        ))}
        <option value="custom">{t("policies.field.custom")}</option>
      </select>
      {custom && (
        <input
          aria-label={t("policies.customKey", { what: props.label })}
          value={condition.field.slice("custom.".length)}
          onChange={(e) => props.onChange({ ...condition, field: `custom.${e.target.value}` })}
          readOnly={readOnly}
        />
      )}
      <select
        aria-label={t("policies.conditionOp", { what: props.label })}
        value={condition.op}
        onChange={(e) => setOp(e.target.value as ConditionOperator)}
        disabled={readOnly}
      >
        {CONDITION_OPERATORS.map((op) => (
          <option key={op} value={op}>
            {t(`policies.op.${op}`)}
          </option>
        ))}
      </select>
      <ValueInput
        field={condition.field}
        list={isList}
        values={values}
        readOnly={readOnly}
        label={t("policies.conditionValue", { what: props.label })}
        onChange={(next) => props.onChange({ ...condition, value: isList ? next : (next[0] ?? "") })}
        describedBy={props.issues.length ? `${id}-error` : undefined}
      />
      {!readOnly && (
        <button type="button" className="icon-button" aria-label={t("policies.removeCondition", { what: props.label })} onClick={props.onRemove}>
          ×
        </button>
      )}
      <FieldError id={`${id}-error`} issues={props.issues.slice(0, 1)} />
    </li>
  );
}

/** The options a field offers, or null for free text. */
function useOptions(field: string): { value: string; label: string }[] | null {
  const { tx } = useI18n();
  const { teams } = useDirectory();
  switch (field) {
    case "priority":
      return PRIORITIES.map((p) => ({ value: p, label: tx(`priority.${p}`, p) }));
    case "channel":
      return CHANNELS.map((c) => ({ value: c, label: tx(`channel.${c}`, c) }));
    case "language":
      return LANGUAGES.map((l) => ({ value: l, label: tx(`language.${l}`, l) }));
    case "team":
      return teams.map((team) => ({ value: team.id, label: team.name }));
    default:
      return null;
  }
}

function ValueInput(props: {
  field: string;
  list: boolean;
  values: string[];
  readOnly: boolean;
  label: string;
  describedBy: string | undefined;
  onChange(values: string[]): void;
}) {
  const { t } = useI18n();
  const options = useOptions(props.field);
  if (options === null) {
    return (
      <input
        aria-label={props.label}
        value={props.values.join(", ")}
        placeholder={props.list ? t("policies.valuesPlaceholder") : ""}
        onChange={(e) =>
          props.onChange(
            props.list
              ? e.target.value
                  .split(",")
                  .map((v) => v.trim())
                  .filter((v, i, all) => v !== "" || i === all.length - 1)
              : [e.target.value],
          )
        }
        readOnly={props.readOnly}
        aria-describedby={props.describedBy}
      />
    );
  }
  if (!props.list) {
    return (
      <select
        aria-label={props.label}
        value={props.values[0] ?? ""}
        onChange={(e) => props.onChange([e.target.value])}
        disabled={props.readOnly}
        aria-describedby={props.describedBy}
      >
        <option value="">—</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <fieldset className="plain checkbox-row" aria-label={props.label} aria-describedby={props.describedBy}>
      {options.map((option) => (
        <label key={option.value} className="check">
          <input
            type="checkbox"
            checked={props.values.includes(option.value)}
            disabled={props.readOnly}
            onChange={(e) => props.onChange(e.target.checked ? [...props.values, option.value] : props.values.filter((v) => v !== option.value))}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
