// A policy's targets: priorities × (first response, next response, resolution) in minutes, each
// with its length beside it in the time it counts (business hours and working days on a calendar,
// calendar time around the clock), its error and any contradiction with the other targets.

import { PRIORITIES } from "../../core/ticket/ticket.js";
import { TARGETS } from "../../core/sla/policy.js";
import type { Priority } from "../api/types.js";
import type { PolicyInput, Target } from "../api/slaTypes.js";
import { FieldError, issuesAt, type FieldIssue } from "../components/FieldError.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { timeText, type TimeBasis } from "./businessTime.js";
import { onePerField } from "./ErrorSummary.js";

const ROWS: readonly Priority[] = [...PRIORITIES].reverse();

interface Props {
  targets: PolicyInput["targets"];
  onChange(targets: PolicyInput["targets"]): void;
  readOnly: boolean;
  basis: TimeBasis;
  issues: FieldIssue[];
  /** Targets that contradict each other, at their cells' paths. */
  warnings: FieldIssue[];
}

export function TargetsTable({ targets, onChange, readOnly, basis, issues, warnings }: Props) {
  const { t, locale } = useI18n();
  const business = basis.kind === "business";
  const set = (priority: Priority, target: Target, text: string) => {
    const minutes = text.trim() === "" ? null : Number(text);
    const row = { ...(targets[priority] ?? {}), [target]: minutes !== null && Number.isFinite(minutes) ? minutes : null };
    onChange({ ...targets, [priority]: row });
  };
  return (
    <fieldset className="panel targets">
      <legend>{t("policies.targets")}</legend>
      <p className="muted small">{business ? t("policies.targetsHintBusiness") : t("policies.targetsHintWall")}</p>
      <div className="table-scroll">
        <table className="targets-table">
          <thead>
            <tr>
              <th scope="col">{t("field.priority")}</th>
              {TARGETS.map((target) => (
                <th scope="col" key={target}>
                  {t(`sla.target.${target}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((priority) => (
              <tr key={priority} data-priority={priority}>
                <th scope="row">{t(`priority.${priority}`)}</th>
                {TARGETS.map((target) => {
                  const value = targets[priority]?.[target];
                  const cellIssues = onePerField(issuesAt(issues, `targets.${priority}.${target}`, true)).slice(0, 1);
                  const cellWarnings = issuesAt(warnings, `targets.${priority}.${target}`);
                  const errorId = `target-${priority}-${target}-error`;
                  return (
                    <td key={target}>
                      <input
                        type="number"
                        min={1}
                        step={1}
                        inputMode="numeric"
                        className="minutes-input"
                        value={typeof value === "number" ? String(value) : ""}
                        placeholder="—"
                        aria-label={t("policies.targetCell", { priority: t(`priority.${priority}`), target: t(`sla.target.${target}`) })}
                        onChange={(e) => set(priority, target, e.target.value)}
                        readOnly={readOnly}
                        aria-invalid={cellIssues.length > 0 || undefined}
                        aria-describedby={cellIssues.length > 0 ? errorId : cellWarnings.length > 0 ? `${errorId}-warning` : undefined}
                      />
                      <span className="muted small minutes-hint" aria-hidden="true">
                        {typeof value === "number" && value > 0 ? timeText(value * 60, basis, { t, locale }) : t("policies.notMeasured")}
                      </span>
                      <FieldError id={errorId} issues={cellIssues} />
                      {cellWarnings.length > 0 && (
                        <p className="field-warning" id={`${errorId}-warning`} data-path={cellWarnings[0]?.path}>
                          {cellWarnings[0]?.message}
                        </p>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FieldError id="targets-error" issues={issuesAt(issues, "targets")} />
    </fieldset>
  );
}
