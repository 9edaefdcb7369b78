// The language switcher: English, Français, Nederlands, each named in itself.

import { useId } from "react";
import { useI18n } from "../i18n/I18nProvider.js";
import { isLocale, LOCALE_NAMES, LOCALES } from "../i18n/messages.js";

export function LanguageSwitcher() {
  const { locale, setLocale, t } = useI18n();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t("language.label")}</label>
      <select id={id} value={locale} onChange={(event) => isLocale(event.target.value) && setLocale(event.target.value)} data-testid="language">
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
