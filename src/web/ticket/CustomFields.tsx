// A ticket's custom fields (an invoice number, an order…) in its properties panel: labels from
// the catalogue for the usual keys, else read from the key (`contractEnd` → "Contract end"),
// nested values as nested lists. Text and
// number fields are edited in place by staff; nested ones are shown as they are.

import { useId } from "react";
import { useI18n } from "../i18n/I18nProvider.js";

/** A readable label from a field's key: `invoiceNumber`, `invoice_number`, `invoice-number` → "Invoice number". */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_.-]+/)
    .filter(Boolean)
    // An acronym (VAT, ID) keeps its capitals; other words are lower case after the first.
    .map((word, i) => (word.length > 1 && word === word.toUpperCase() ? word : i === 0 ? word : word.toLowerCase()));
  const text = words.join(" ");
  return text === "" ? key : text.charAt(0).toUpperCase() + text.slice(1);
}

const editable = (value: unknown): value is string | number => typeof value === "string" || (typeof value === "number" && Number.isFinite(value));

interface Props {
  fields: Record<string, unknown>;
  readOnly: boolean;
  onChange: (fields: Record<string, unknown>) => void;
}

/** The label of the field `key`: the catalogue's (`ticket.customField.invoiceNumber`), else read from the key. */
function useFieldLabel(): (key: string) => string {
  const { tx } = useI18n();
  return (key) => tx(`ticket.customField.${key}`, fieldLabel(key));
}

export function CustomFields({ fields, readOnly, onChange }: Props) {
  const { t } = useI18n();
  const labelOf = useFieldLabel();
  const keys = Object.keys(fields);
  if (keys.length === 0) return null;
  return (
    <section className="custom-fields" aria-labelledby="custom-fields-title" data-testid="custom-fields">
      <h3 id="custom-fields-title">{t("ticket.customFields")}</h3>
      {keys.map((key) =>
        editable(fields[key]) && !readOnly ? (
          <EditableField key={key} name={key} value={fields[key]} onChange={(next) => onChange({ ...fields, [key]: next })} />
        ) : (
          <dl key={key} className="custom-field">
            <dt>{labelOf(key)}</dt>
            <dd>
              <FieldValue value={fields[key]} />
            </dd>
          </dl>
        ),
      )}
    </section>
  );
}

function EditableField({ name, value, onChange }: { name: string; value: string | number; onChange: (value: string | number) => void }) {
  const id = useId();
  const labelOf = useFieldLabel();
  return (
    <div className="field">
      <label htmlFor={id}>{labelOf(name)}</label>
      {typeof value === "number" ? (
        <input id={id} name={`custom.${name}`} type="number" value={value} onChange={(e) => onChange(e.target.value === "" ? 0 : Number(e.target.value))} />
      ) : (
        <input id={id} name={`custom.${name}`} type="text" value={value} maxLength={1000} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

/** A value as text: yes/no, lists joined, objects as a nested list of their fields. */
function FieldValue({ value }: { value: unknown }) {
  const { t, formatNumber } = useI18n();
  const labelOf = useFieldLabel();
  if (value === null || value === undefined || value === "") return <span className="muted">—</span>;
  if (typeof value === "boolean") return <>{value ? t("ticket.yes") : t("ticket.no")}</>;
  if (typeof value === "number") return <>{formatNumber(value)}</>;
  if (typeof value === "string") return <>{value}</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">—</span>;
    if (value.every((item) => typeof item !== "object" || item === null)) return <>{value.map((item) => (item === null ? "—" : String(item))).join(", ")}</>;
    return (
      <ol className="custom-field-list">
        {value.map((item, i) => (
          <li key={i}>
            <FieldValue value={item} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === "object") {
    return (
      <dl className="custom-field-nested">
        {Object.entries(value as Record<string, unknown>).map(([key, inner]) => (
          <div key={key}>
            <dt>{labelOf(key)}</dt>
            <dd>
              <FieldValue value={inner} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <>{String(value)}</>;
}
