// The calendar's dates: holidays (closed, once or every year) and overrides (a date's own hours,
// or closed), each row with the server's error for it.

import { useId } from "react";
import { FieldError, invalidProps, issuesAt, type FieldIssue } from "../components/FieldError.js";
import { useI18n } from "../i18n/I18nProvider.js";
import type { CalendarDraft } from "./calendarDraft.js";
import { RangesEditor } from "./RangesEditor.js";

interface Props {
  draft: CalendarDraft;
  issues: FieldIssue[];
  readOnly: boolean;
  onChange(next: Partial<CalendarDraft>): void;
}

export function DateRules({ draft, issues, readOnly, onChange }: Props) {
  const { t } = useI18n();
  const { holidays, overrides } = draft;
  return (
    <div className="grid-2 date-rules">
      <fieldset className="panel">
        <legend>{t("calendars.holidays")}</legend>
        <p className="muted small">{t("calendars.holidaysHint")}</p>
        <FieldError id="holidays-error" issues={issuesAt(issues, "holidays")} />
        {holidays.length === 0 && <p className="muted">{t("calendars.noHolidays")}</p>}
        <ul className="plain-list">
          {holidays.map((holiday, index) => (
            <HolidayRow
              key={index}
              index={index}
              value={holiday}
              issues={issuesAt(issues, `holidays[${index}]`, true)}
              readOnly={readOnly}
              onChange={(value) => onChange({ holidays: holidays.map((h, i) => (i === index ? value : h)) })}
              onRemove={() => onChange({ holidays: holidays.filter((_, i) => i !== index) })}
            />
          ))}
        </ul>
        {!readOnly && (
          <button type="button" className="button" onClick={() => onChange({ holidays: [...holidays, ""] })}>
            {t("calendars.addHoliday")}
          </button>
        )}
      </fieldset>
      <fieldset className="panel">
        <legend>{t("calendars.overrides")}</legend>
        <p className="muted small">{t("calendars.overridesHint")}</p>
        {overrides.length === 0 && <p className="muted">{t("calendars.noOverrides")}</p>}
        <ul className="plain-list">
          {overrides.map((override, index) => (
            <OverrideRow
              key={index}
              index={index}
              date={override.date}
              ranges={override.ranges}
              issues={issuesAt(issues, `overrides.${override.date}`, true)}
              readOnly={readOnly}
              onChange={(next) => onChange({ overrides: overrides.map((o, i) => (i === index ? { ...o, ...next } : o)) })}
              onRemove={() => onChange({ overrides: overrides.filter((_, i) => i !== index) })}
            />
          ))}
        </ul>
        {!readOnly && (
          <button type="button" className="button" onClick={() => onChange({ overrides: [...overrides, { date: "", ranges: [["09:00", "12:00"]] }] })}>
            {t("calendars.addOverride")}
          </button>
        )}
      </fieldset>
    </div>
  );
}

function HolidayRow(props: { index: number; value: string; issues: FieldIssue[]; readOnly: boolean; onChange(value: string): void; onRemove(): void }) {
  const { t } = useI18n();
  const id = useId();
  const label = t("calendars.holidayN", { n: props.index + 1 });
  return (
    <li className="date-row">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        className="date-input"
        value={props.value}
        placeholder="2026-12-25 / 01-01"
        onChange={(e) => props.onChange(e.target.value)}
        readOnly={props.readOnly}
        {...invalidProps(`${id}-error`, props.issues)}
      />
      {!props.readOnly && (
        <button type="button" className="icon-button" aria-label={t("calendars.removeHoliday", { n: props.index + 1 })} onClick={props.onRemove}>
          ×
        </button>
      )}
      <FieldError id={`${id}-error`} issues={props.issues.slice(0, 1)} />
    </li>
  );
}

function OverrideRow(props: {
  index: number;
  date: string;
  ranges: CalendarDraft["overrides"][number]["ranges"];
  issues: FieldIssue[];
  readOnly: boolean;
  onChange(next: Partial<CalendarDraft["overrides"][number]>): void;
  onRemove(): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const label = props.date || t("calendars.overrideN", { n: props.index + 1 });
  return (
    <li className="date-row override-row">
      <label htmlFor={id} className="visually-hidden">
        {t("calendars.overrideDate", { n: props.index + 1 })}
      </label>
      <input
        id={id}
        className="date-input"
        type="date"
        value={props.date}
        onChange={(e) => props.onChange({ date: e.target.value })}
        readOnly={props.readOnly}
        {...invalidProps(`${id}-error`, props.issues)}
      />
      <RangesEditor
        label={label}
        ranges={props.ranges}
        onChange={(ranges) => props.onChange({ ranges })}
        readOnly={props.readOnly}
        invalid={props.issues.length > 0}
      />
      {!props.readOnly && (
        <button type="button" className="icon-button" aria-label={t("calendars.removeOverride", { n: props.index + 1 })} onClick={props.onRemove}>
          ×
        </button>
      )}
      <FieldError id={`${id}-error`} issues={props.issues.slice(0, 1)} />
    </li>
  );
}
