// The language switcher: English, Français, Nederlands, each named in itself. Before sign-in it
// changes this browser's language; signed in, it saves the language to the person's profile, so
// notifications and e-mails follow too.

import { useId } from "react";
import { useI18n } from "../i18n/I18nProvider.js";
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from "../i18n/messages.js";
import { useSession } from "../session/SessionProvider.js";

export function LanguageSwitcher() {
  const { locale, setLocale, t } = useI18n();
  const { state, updateProfile } = useSession();
  const id = useId();
  const choose = (next: Locale) => {
    const before = locale;
    setLocale(next);
    // Back to the language the profile still holds if it could not be saved.
    if (state.status === "signedIn") updateProfile({ locale: next }).catch(() => setLocale(before));
  };
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t("language.label")}</label>
      <select id={id} value={locale} onChange={(event) => isLocale(event.target.value) && choose(event.target.value)} data-testid="language">
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
