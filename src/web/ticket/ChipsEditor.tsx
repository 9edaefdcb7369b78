// A list of values shown as removable chips with an input to add one: tags (free text with
// suggestions) and followers (chosen among agents).

import { useId, useState, type KeyboardEvent } from "react";
import { useI18n } from "../i18n/I18nProvider.js";

export interface Option {
  value: string;
  label: string;
}

interface Props {
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  suggestions: readonly Option[];
  /** Any text may be added (tags); otherwise only a suggestion (followers). */
  freeText?: boolean;
  normalize?: (value: string) => string;
  labelOf?: (value: string) => string;
}

export function ChipsEditor({ label, values, onChange, suggestions, freeText = false, normalize = (v) => v, labelOf = (v) => v }: Props) {
  const { t } = useI18n();
  const [entry, setEntry] = useState("");
  const id = useId();
  const listId = useId();
  const available = suggestions.filter((option) => !values.includes(option.value));

  const add = (raw: string) => {
    const value = normalize(raw);
    if (value === "" || values.includes(value)) return;
    onChange([...values, value]);
    setEntry("");
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add(entry);
    }
  };

  return (
    <div className="field chips-field">
      <label htmlFor={id}>{label}</label>
      {values.length > 0 && (
        <ul className="chips" aria-label={label}>
          {values.map((value) => (
            <li key={value} className="chip">
              <span>{labelOf(value)}</span>
              <button type="button" aria-label={t("chips.remove", { name: labelOf(value) })} onClick={() => onChange(values.filter((v) => v !== value))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {freeText ? (
        <div className="chips-add">
          <input id={id} list={listId} value={entry} onChange={(e) => setEntry(e.target.value)} onKeyDown={onKey} placeholder={t("chips.addTag")} />
          <datalist id={listId}>
            {available.map((option) => (
              <option key={option.value} value={option.value} />
            ))}
          </datalist>
          <button type="button" className="button" onClick={() => add(entry)} disabled={entry.trim() === ""}>
            {t("chips.add")}
          </button>
        </div>
      ) : (
        <select id={id} value="" onChange={(e) => add(e.target.value)}>
          <option value="">{t("chips.choose")}</option>
          {available.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
