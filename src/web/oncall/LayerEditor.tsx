// One layer of an on-call schedule: its name, its participants in order, the first hand-off in
// the schedule's local time, the length of a shift, and the time windows it is limited to.

import { useId } from "react";
import { WEEKDAYS, type Layer, type Restriction, type Weekday } from "../../core/oncall/schedule.js";
import { FieldError, issuesAt, type FieldIssue } from "../components/FieldError.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { isoOfLocalInput, lengthOf, localInputOf } from "./scheduleDraft.js";

interface Props {
  layer: Layer;
  index: number;
  timezone: string;
  issues: FieldIssue[];
  readOnly: boolean;
  onChange(layer: Layer): void;
  onRemove(): void;
}

export function LayerEditor({ layer, index, timezone, issues, readOnly, onChange, onRemove }: Props) {
  const { t } = useI18n();
  const { agents, agentName } = useDirectory();
  const id = useId();
  const path = `layers[${index}]`;
  const { unit, count } = lengthOf(layer);
  const rotation = layer.rotation;
  const setRotation = (changes: Partial<Layer["rotation"]>) => onChange({ ...layer, rotation: { ...rotation, ...changes } });
  const restrictions = layer.restrictions ?? [];
  const setRestrictions = (next: Restriction[]) => {
    const { restrictions: _dropped, ...rest } = layer;
    onChange(next.length > 0 ? { ...rest, restrictions: next } : rest);
  };
  const title = layer.name?.trim() || t("oncall.layerNumber", { number: index + 1 });
  const participantIssues = issuesAt(issues, `${path}.rotation.participants`, true);
  const startIssues = issuesAt(issues, `${path}.rotation.start`);
  const lengthIssues = issuesAt(issues, `${path}.rotation.length`, true);
  const candidates = agents.filter((agent) => agent.active && !rotation.participants.includes(agent.id));

  return (
    <fieldset className="panel oncall-layer" data-layer={index}>
      <legend>{title}</legend>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t("oncall.layerName")}</label>
          <input id={`${id}-name`} value={layer.name ?? ""} readOnly={readOnly} onChange={(e) => onChange({ ...layer, name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-start`}>{t("oncall.start")}</label>
          <input
            id={`${id}-start`}
            type="datetime-local"
            value={localInputOf(rotation.start, timezone)}
            readOnly={readOnly}
            onChange={(e) => setRotation({ start: isoOfLocalInput(e.target.value, timezone) })}
            aria-invalid={startIssues.length > 0 || undefined}
          />
          <p className="muted small">{t("oncall.startHint")}</p>
          <FieldError id={`${id}-start-error`} issues={startIssues} />
        </div>
      </div>
      <div className="field">
        <span className="label">{t("oncall.participants")}</span>
        {rotation.participants.length === 0 ? (
          <p className="muted small">{t("oncall.noParticipants")}</p>
        ) : (
          <ol className="chips oncall-participants">
            {rotation.participants.map((who, i) => (
              <li key={`${who}-${i}`} className="chip">
                {agentName(who) ?? who}
                {!readOnly && (
                  <button
                    type="button"
                    aria-label={t("chips.remove", { name: agentName(who) ?? who })}
                    onClick={() => setRotation({ participants: rotation.participants.filter((_, j) => j !== i) })}
                  >
                    ×
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
        {!readOnly && (
          <select
            aria-label={`${t("oncall.addParticipant")} (${title})`}
            value=""
            onChange={(e) => e.target.value && setRotation({ participants: [...rotation.participants, e.target.value] })}
          >
            <option value="">{t("oncall.addParticipant")}</option>
            {candidates.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
              </option>
            ))}
          </select>
        )}
        <FieldError id={`${id}-participants-error`} issues={participantIssues} />
      </div>
      <div className="field oncall-length">
        <label htmlFor={`${id}-count`}>{t("oncall.length")}</label>
        <input
          id={`${id}-count`}
          type="number"
          min={1}
          value={count}
          readOnly={readOnly}
          onChange={(e) => setRotation({ length: { [unit]: Number(e.target.value) } as Layer["rotation"]["length"] })}
        />
        <select
          aria-label={t("oncall.length")}
          value={unit}
          disabled={readOnly}
          onChange={(e) => setRotation({ length: { [e.target.value]: count } as Layer["rotation"]["length"] })}
        >
          {(["hours", "days", "weeks"] as const).map((u) => (
            <option key={u} value={u}>
              {t(`oncall.unit.${u}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-length-error`} issues={lengthIssues} />
      </div>
      <div className="field">
        <span className="label">{t("oncall.restrictions")}</span>
        <p className="muted small">{t("oncall.restrictionsHint")}</p>
        {restrictions.map((restriction, r) => (
          <RestrictionRow
            key={r}
            restriction={restriction}
            issues={issuesAt(issues, `${path}.restrictions[${r}]`, true)}
            readOnly={readOnly}
            onChange={(next) => setRestrictions(restrictions.map((old, j) => (j === r ? next : old)))}
            onRemove={() => setRestrictions(restrictions.filter((_, j) => j !== r))}
          />
        ))}
        {!readOnly && (
          <button
            type="button"
            className="button"
            onClick={() => setRestrictions([...restrictions, { days: ["mon", "tue", "wed", "thu", "fri"], from: "18:00", to: "08:00" }])}
          >
            {t("oncall.addRestriction")}
          </button>
        )}
      </div>
      {!readOnly && (
        <button type="button" className="button button-danger" onClick={onRemove}>
          {t("oncall.removeLayer")}
        </button>
      )}
    </fieldset>
  );
}

function RestrictionRow({
  restriction,
  issues,
  readOnly,
  onChange,
  onRemove,
}: {
  restriction: Restriction;
  issues: FieldIssue[];
  readOnly: boolean;
  onChange(restriction: Restriction): void;
  onRemove(): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const toggle = (day: Weekday, on: boolean) => onChange({ ...restriction, days: WEEKDAYS.filter((d) => (d === day ? on : restriction.days.includes(d))) });
  return (
    <div className="oncall-restriction">
      {WEEKDAYS.map((day) => (
        <label key={day} className="checkbox">
          <input type="checkbox" checked={restriction.days.includes(day)} disabled={readOnly} onChange={(e) => toggle(day, e.target.checked)} />
          {t(`calendars.dayShort.${day}`)}
        </label>
      ))}
      <label htmlFor={`${id}-from`}>{t("oncall.from")}</label>
      <input id={`${id}-from`} type="time" value={restriction.from} readOnly={readOnly} onChange={(e) => onChange({ ...restriction, from: e.target.value })} />
      <label htmlFor={`${id}-to`}>{t("oncall.to")}</label>
      <input id={`${id}-to`} type="time" value={restriction.to} readOnly={readOnly} onChange={(e) => onChange({ ...restriction, to: e.target.value })} />
      {!readOnly && (
        <button type="button" className="button" aria-label={t("oncall.removeRestriction")} onClick={onRemove}>
          ×
        </button>
      )}
      <FieldError id={`${id}-error`} issues={issues.slice(0, 1)} />
    </div>
  );
}
