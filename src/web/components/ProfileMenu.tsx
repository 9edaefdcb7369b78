// The signed-in person's menu in the shell: their name, and on click their profile, the language
// they read and the time zone instants are shown in, saved for the app, notifications and e-mails.
// Escape or a click elsewhere closes it.

import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { useI18n } from "../i18n/I18nProvider.js";
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from "../i18n/messages.js";
import { browserTimeZone, knownTimeZones, profileLocale } from "../session/profile.js";
import { usePrincipal, useSession } from "../session/SessionProvider.js";
import { ErrorNotice } from "./ErrorNotice.js";

export function ProfileMenu() {
  const { t } = useI18n();
  const principal = usePrincipal();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        setOpen(false);
        button.current?.focus();
        return;
      }
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", close);
    document.addEventListener("mousedown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("mousedown", close);
    };
  }, [open]);

  return (
    <div ref={root} style={{ position: "relative" }}>
      <button
        ref={button}
        type="button"
        className="button button-quiet"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t("profile.open", { name: principal.name })}
        title={principal.email ?? undefined}
        onClick={() => setOpen(!open)}
        data-testid="profile"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
          <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M4 21c1-4 4-6 8-6s7 2 8 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="whoami">{principal.name}</span>
      </button>
      {open && (
        <div id={panelId} className="bell-panel" role="region" aria-label={t("profile.title")}>
          <ProfileForm onDone={() => setOpen(false)} />
        </div>
      )}
    </div>
  );
}

/** The language and time zone, saved together. */
function ProfileForm({ onDone }: { onDone(): void }) {
  const { t, locale: shown } = useI18n();
  const principal = usePrincipal();
  const { updateProfile } = useSession();
  const [locale, setLocale] = useState<Locale>(profileLocale(principal) ?? shown);
  const [zone, setZone] = useState(principal.timeZone ?? "");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const zones = useMemo(() => knownTimeZones(principal.timeZone), [principal.timeZone]);
  const languageId = useId();
  const zoneId = useId();
  const hintId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await updateProfile({ locale, timeZone: zone === "" ? null : zone });
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="profile-form">
      <h2 style={{ marginTop: 0 }}>{t("profile.title")}</h2>
      <p className="muted small" style={{ marginTop: 0 }}>
        {principal.name}
        {principal.email ? ` · ${principal.email}` : ""}
      </p>
      <div className="field">
        <label htmlFor={languageId}>{t("profile.language")}</label>
        <select
          id={languageId}
          value={locale}
          onChange={(event) => isLocale(event.target.value) && setLocale(event.target.value)}
          data-testid="profile-language"
        >
          {LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LOCALE_NAMES[code]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={zoneId}>{t("profile.timeZone")}</label>
        <select id={zoneId} value={zone} onChange={(event) => setZone(event.target.value)} aria-describedby={hintId} data-testid="profile-zone">
          <option value="">{principal.kind === "agent" ? t("profile.timeZoneCalendar") : t("profile.timeZoneBrowser", { zone: browserTimeZone() })}</option>
          {zones.map((name) => (
            <option key={name} value={name}>
              {name.replace(/_/g, " ")}
            </option>
          ))}
        </select>
        <p id={hintId} className="muted small">
          {t("profile.hint")}
        </p>
      </div>
      {error !== null && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {t("action.save")}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t("profile.cancel")}
        </button>
      </div>
    </form>
  );
}
