// A list of free words or phrases as removable chips, with a box to add one (Enter or the
// button): the words a condition looks for, the tags an action adds, an alarm's phrases.

import { useId, useState, type KeyboardEvent } from "react";
import { useI18n } from "../i18n/I18nProvider.js";

interface Props {
  label: string;
  values: readonly string[];
  onChange(values: string[]): void;
  readOnly: boolean;
  placeholder?: string;
  /** The label is read by screen readers only (the row around it says what it is). */
  hiddenLabel?: boolean;
  describedBy?: string;
  invalid?: boolean;
}

export function ChipsInput({ label, values, onChange, readOnly, placeholder, hiddenLabel = false, describedBy, invalid }: Props) {
  const { t } = useI18n();
  const [entry, setEntry] = useState("");
  const id = useId();
  const add = () => {
    const value = entry.trim();
    if (value === "") return;
    if (!values.includes(value)) onChange([...values, value]);
    setEntry("");
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    } else if (event.key === "Backspace" && entry === "" && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className="chips-input">
      <label htmlFor={id} className={hiddenLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      {values.length > 0 && (
        <ul className="chips" aria-label={label}>
          {values.map((value) => (
            <li key={value} className="chip">
              <span>{value}</span>
              {!readOnly && (
                <button type="button" aria-label={t("chips.remove", { name: value })} onClick={() => onChange(values.filter((v) => v !== value))}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <span className="chips-add">
          <input
            id={id}
            value={entry}
            onChange={(e) => setEntry(e.target.value)}
            onKeyDown={onKey}
            onBlur={add}
            placeholder={placeholder ?? t("rules.chips.placeholder")}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
          <button type="button" className="button" onClick={add} disabled={entry.trim() === ""}>
            {t("chips.add")}
          </button>
        </span>
      )}
    </div>
  );
}
