// The escalation matrix inside a policy: its steps as rows (reminders before due, levels after),
// each with a readable summary line, and the level each priority starts at.

import { PRIORITIES } from "../../core/ticket/ticket.js";
import type { EscalationMatrix, MatrixStep } from "../api/slaTypes.js";
import type { Priority } from "../api/types.js";
import { FieldError, issuesAt, type FieldIssue } from "../components/FieldError.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { newStep } from "./policyDraft.js";
import { StepEditor } from "./StepEditor.js";

interface Props {
  matrix: EscalationMatrix;
  onChange(matrix: EscalationMatrix): void;
  readOnly: boolean;
  issues: FieldIssue[];
  warnings?: FieldIssue[];
}

export function MatrixEditor({ matrix, onChange, readOnly, issues, warnings = [] }: Props) {
  const { t } = useI18n();
  const steps = matrix.steps ?? [];
  const setSteps = (next: MatrixStep[]) => onChange({ ...matrix, steps: next });
  const move = (index: number, by: -1 | 1) => {
    const next = [...steps];
    const [step] = next.splice(index, 1);
    if (step) next.splice(index + by, 0, step);
    setSteps(next);
  };
  const setStart = (priority: Priority, text: string) => {
    const startLevel = { ...(matrix.startLevel ?? {}) };
    const level = Number(text);
    if (text.trim() === "" || !Number.isFinite(level) || level <= 0) delete startLevel[priority];
    else startLevel[priority] = level;
    const next: EscalationMatrix = { ...matrix, startLevel };
    if (Object.keys(startLevel).length === 0) delete next.startLevel;
    onChange(next);
  };
  return (
    <fieldset className="panel matrix">
      <legend>{t("matrix.title")}</legend>
      <p className="muted small">{t("matrix.hint")}</p>
      <FieldError id="matrix-error" issues={issuesAt(issues, "matrix").concat(issuesAt(issues, "matrix.steps")).slice(0, 1)} />
      {steps.length === 0 && <p className="muted">{t("matrix.noSteps")}</p>}
      <ol className="steps">
        {steps.map((step, index) => (
          <StepEditor
            key={step.id}
            index={index}
            step={step}
            count={steps.length}
            readOnly={readOnly}
            issues={issuesAt(issues, `matrix.steps[${index}]`, true)}
            warnings={issuesAt(warnings, `matrix.steps[${index}]`, true)}
            onChange={(next) => setSteps(steps.map((s, i) => (i === index ? next : s)))}
            onRemove={() => setSteps(steps.filter((_, i) => i !== index))}
            onMove={(by) => move(index, by)}
          />
        ))}
      </ol>
      {!readOnly && (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setSteps([...steps, newStep(steps, "reminder")])}>
            {t("matrix.addReminder")}
          </button>
          <button type="button" className="button" onClick={() => setSteps([...steps, newStep(steps, "level")])}>
            {t("matrix.addLevel")}
          </button>
        </div>
      )}
      <h3>{t("matrix.startLevel")}</h3>
      <p className="muted small">{t("matrix.startLevelHint")}</p>
      <div className="grid-4">
        {[...PRIORITIES].reverse().map((priority) => (
          <div className="field" key={priority}>
            <label htmlFor={`start-${priority}`}>{t(`priority.${priority}`)}</label>
            <input
              id={`start-${priority}`}
              type="number"
              min={1}
              step={1}
              placeholder="1"
              value={matrix.startLevel?.[priority] ?? ""}
              onChange={(e) => setStart(priority, e.target.value)}
              readOnly={readOnly}
            />
          </div>
        ))}
      </div>
      <FieldError id="start-level-error" issues={issuesAt(issues, "matrix.startLevel", true).slice(0, 1)} />
    </fieldset>
  );
}
