// The customer portal's sign-in (at /portal while signed out): e-mail and password with scope
// `customer`; once signed in, the session is read again and the app shows the portal.

import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ApiError } from "../api/client.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { LanguageSwitcher } from "../components/LanguageSwitcher.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { useSession } from "../session/SessionProvider.js";
import { customerLogin } from "./portalApi.js";
import "./portal.css";

export function PortalLogin({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const { retry } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const emailId = useId();
  const passwordId = useId();
  const expiredId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await customerLogin(email.trim(), password);
      // The session provider reads `/auth/me` again, and finds the customer signed in.
      retry();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const wrongPair = error instanceof ApiError && (error.status === 401 || error.status === 400);
  return (
    <div className="login portal-login">
      <div className="login-language">
        <LanguageSwitcher />
      </div>
      <form className="login-card" onSubmit={(event) => void submit(event)} aria-describedby={expired ? expiredId : undefined}>
        <p className="portal-login-brand">{t("portal.brand")}</p>
        <PageTitle title={t("portal.login.title")} />
        <p className="muted">{t("portal.login.intro")}</p>
        {expired && (
          <p id={expiredId} className="notice notice-info" role="status">
            {t("portal.login.expired")}
          </p>
        )}
        <div className="field">
          <label htmlFor={emailId}>{t("portal.login.email")}</label>
          <input id={emailId} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={passwordId}>{t("portal.login.password")}</label>
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
            {t("portal.login.wrong")}
          </p>
        ) : (
          error !== null && <ErrorNotice error={error} />
        )}
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          {busy ? t("portal.login.signingIn") : t("portal.login.submit")}
        </button>
        <p className="portal-login-other">
          <Link to="/">{t("portal.login.staff")}</Link>
        </p>
      </form>
    </div>
  );
}
