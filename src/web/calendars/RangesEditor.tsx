// A list of opening ranges ("09:00"–"12:30") for one day or one date: add, change, remove.
// Times are typed as HH:MM (24:00 may end a range, which a time picker cannot say).

import type { TimeRange } from "../api/slaTypes.js";
import { useI18n } from "../i18n/I18nProvider.js";

interface Props {
  /** What the ranges belong to, for the inputs' names ("Monday", "24 Dec 2026"). */
  label: string;
  ranges: TimeRange[];
  onChange(ranges: TimeRange[]): void;
  readOnly: boolean;
  invalid?: boolean;
  describedBy?: string;
}

export function RangesEditor({ label, ranges, onChange, readOnly, invalid, describedBy }: Props) {
  const { t } = useI18n();
  const set = (index: number, side: 0 | 1, value: string) =>
    onChange(ranges.map((range, i) => (i === index ? ((side === 0 ? [value, range[1]] : [range[0], value]) as TimeRange) : range)));
  const last = ranges[ranges.length - 1];
  return (
    <div className="ranges">
      {ranges.length === 0 && <span className="muted ranges-closed">{t("calendars.closed")}</span>}
      {ranges.map((range, index) => (
        <span className="range" key={index}>
          <input
            type="text"
            inputMode="numeric"
            className="time-input"
            value={range[0]}
            placeholder="09:00"
            aria-label={t("calendars.rangeFrom", { what: label, n: index + 1 })}
            onChange={(e) => set(index, 0, e.target.value)}
            readOnly={readOnly}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
          />
          <span aria-hidden="true">–</span>
          <input
            type="text"
            inputMode="numeric"
            className="time-input"
            value={range[1]}
            placeholder="17:00"
            aria-label={t("calendars.rangeTo", { what: label, n: index + 1 })}
            onChange={(e) => set(index, 1, e.target.value)}
            readOnly={readOnly}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
          />
          {!readOnly && (
            <button
              type="button"
              className="icon-button"
              aria-label={t("calendars.removeRange", { what: label, n: index + 1 })}
              onClick={() => onChange(ranges.filter((_, i) => i !== index))}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {!readOnly && (
        <button
          type="button"
          className="link-button"
          aria-label={t("calendars.addRangeTo", { what: label })}
          onClick={() => onChange([...ranges, last ? ([last[1], last[1] < "17:00" ? "17:00" : "24:00"] as TimeRange) : ["09:00", "17:00"]])}
        >
          {t("calendars.addRange")}
        </button>
      )}
    </div>
  );
}
