// The customer portal's sign-in (at /portal while signed out): e-mail and password with scope
// `customer`; once signed in, the session is read again and the app shows the portal.

import { SignInForm } from "../components/SignInForm.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { useSession } from "../session/SessionProvider.js";
import { customerLogin } from "./portalApi.js";
import "./portal.css";

export function PortalLogin({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const { retry } = useSession();
  return (
    <SignInForm
      className="portal-login"
      expired={expired}
      signIn={async (email, password) => {
        await customerLogin(email, password);
        // The session provider reads `/auth/me` again, and finds the customer signed in.
        retry();
      }}
      brand={<p className="portal-login-brand">{t("portal.brand")}</p>}
      words={{
        title: t("portal.login.title"),
        intro: t("portal.login.intro"),
        expired: t("portal.login.expired"),
        email: t("portal.login.email"),
        password: t("portal.login.password"),
        wrong: t("portal.login.wrong"),
        submit: t("portal.login.submit"),
        signingIn: t("portal.login.signingIn"),
        other: { to: "/", label: t("portal.login.staff") },
      }}
    />
  );
}
