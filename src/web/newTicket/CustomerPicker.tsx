// Choosing the customer of a new ticket: search existing customers by name, e-mail or phone,
// or enter a new one (created when the ticket is).

import { useEffect, useId, useState } from "react";
import * as api from "../api/palier.js";
import type { Customer, NewCustomer } from "../api/types.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { LOCALES } from "../i18n/messages.js";

export type CustomerChoice = { kind: "existing"; customer: Customer } | { kind: "new"; customer: NewCustomer } | null;

export function CustomerPicker({ choice, onChange }: { choice: CustomerChoice; onChange: (choice: CustomerChoice) => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<"search" | "new">("search");
  const [draft, setDraft] = useState<NewCustomer>({ name: "", email: "", phone: "", language: "" });
  const searchId = useId();
  const ids = { name: useId(), email: useId(), phone: useId(), language: useId() };

  const editNew = (next: NewCustomer) => {
    setDraft(next);
    onChange(next.name.trim() === "" ? null : { kind: "new", customer: next });
  };

  return (
    <fieldset className="customer-picker">
      <legend>{t("field.customer")}</legend>
      <div className="segmented" role="radiogroup" aria-label={t("newTicket.customerMode")}>
        <label className={mode === "search" ? "selected" : undefined}>
          <input
            type="radio"
            name="customer-mode"
            checked={mode === "search"}
            onChange={() => {
              setMode("search");
              onChange(null);
            }}
          />
          {t("newTicket.existingCustomer")}
        </label>
        <label className={mode === "new" ? "selected" : undefined}>
          <input
            type="radio"
            name="customer-mode"
            checked={mode === "new"}
            onChange={() => {
              setMode("new");
              editNew(draft);
            }}
          />
          {t("newTicket.newCustomer")}
        </label>
      </div>
      {mode === "search" ? (
        <CustomerSearch inputId={searchId} choice={choice} onChange={onChange} />
      ) : (
        <div className="grid-2">
          <div className="field">
            <label htmlFor={ids.name}>{t("field.name")}</label>
            <input id={ids.name} required value={draft.name} onChange={(e) => editNew({ ...draft, name: e.target.value })} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor={ids.phone}>{t("field.phone")}</label>
            <input id={ids.phone} type="tel" value={draft.phone} onChange={(e) => editNew({ ...draft, phone: e.target.value })} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor={ids.email}>{t("field.email")}</label>
            <input id={ids.email} type="email" value={draft.email} onChange={(e) => editNew({ ...draft, email: e.target.value })} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor={ids.language}>{t("field.language")}</label>
            <select id={ids.language} value={draft.language} onChange={(e) => editNew({ ...draft, language: e.target.value })}>
              <option value="">{t("newTicket.languageUnknown")}</option>
              {LOCALES.map((code) => (
                <option key={code} value={code}>
                  {t(`language.${code}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
    </fieldset>
  );
}

function CustomerSearch({ inputId, choice, onChange }: { inputId: string; choice: CustomerChoice; onChange: (choice: CustomerChoice) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState("");
  const [found, setFound] = useState<{ q: string; items: Customer[] } | null>(null);
  const selected = choice?.kind === "existing" ? choice.customer : null;

  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api.searchCustomers(text).then(
        (items) => live && setFound({ q: text, items }),
        () => live && setFound({ q: text, items: [] }),
      );
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [q]);

  const results = q.trim().length >= 2 && found?.q === q.trim() ? found.items : null;
  const shown = selected && !results?.some((c) => c.id === selected.id) ? [selected, ...(results ?? [])] : (results ?? []);

  return (
    <div className="customer-search">
      <div className="field">
        <label htmlFor={inputId}>{t("newTicket.searchCustomer")}</label>
        <input
          id={inputId}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t("newTicket.searchCustomerPlaceholder")}
          autoComplete="off"
        />
      </div>
      <p className="muted small" role="status">
        {q.trim().length < 2 ? "" : results === null ? t("app.loading") : results.length === 0 ? t("newTicket.noCustomer") : ""}
      </p>
      {shown.length > 0 && (
        <div className="customer-results" role="radiogroup" aria-label={t("newTicket.results")}>
          {shown.map((customer) => (
            <label key={customer.id} className={selected?.id === customer.id ? "result selected" : "result"}>
              <input
                type="radio"
                name="customer"
                value={customer.id}
                checked={selected?.id === customer.id}
                onChange={() => onChange({ kind: "existing", customer })}
              />
              <span className="result-name">{customer.name}</span>
              <span className="muted small">{[customer.email, customer.phone].filter(Boolean).join(" · ")}</span>
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
