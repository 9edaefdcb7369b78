// Sign-in for agents and managers: e-mail and password; a wrong pair gets one clear message.

import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ApiError } from "../api/client.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { useSession } from "../session/SessionProvider.js";
import { ErrorNotice } from "./ErrorNotice.js";
import { LanguageSwitcher } from "./LanguageSwitcher.js";
import { PageTitle } from "./PageTitle.js";

export function LoginScreen({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const { login } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const emailId = useId();
  const passwordId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const wrongPair = error instanceof ApiError && (error.status === 401 || error.status === 400);
  return (
    <div className="login">
      <div className="login-language">
        <LanguageSwitcher />
      </div>
      <form className="login-card" onSubmit={(event) => void submit(event)} aria-describedby={expired ? "login-expired" : undefined}>
        <div className="login-brand" aria-hidden="true">
          <svg viewBox="0 0 32 32" width="40" height="40">
            <rect width="32" height="32" rx="6" fill="currentColor" />
            <path d="M6 24h7v-6h7v-6h6" fill="none" stroke="#fff" strokeWidth="3" strokeLinejoin="round" />
          </svg>
        </div>
        <PageTitle title={t("login.title")} />
        <p className="muted">{t("login.intro")}</p>
        {expired && (
          <p id="login-expired" className="notice notice-info" role="status">
            {t("login.expired")}
          </p>
        )}
        <div className="field">
          <label htmlFor={emailId}>{t("login.email")}</label>
          <input id={emailId} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={passwordId}>{t("login.password")}</label>
          <input
            id={passwordId}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {wrongPair ? (
          <p className="notice notice-error" role="alert">
            {t("login.wrong")}
          </p>
        ) : (
          error !== null && <ErrorNotice error={error} />
        )}
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          {busy ? t("login.signingIn") : t("login.submit")}
        </button>
        <p className="portal-login-other">
          <Link to="/portal">{t("portal.login.customerLink")}</Link>
        </p>
      </form>
    </div>
  );
}
