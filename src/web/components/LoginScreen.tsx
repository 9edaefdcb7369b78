// Sign-in for agents and managers: e-mail and password; a wrong pair gets one clear message.

import { useI18n } from "../i18n/I18nProvider.js";
import { useSession } from "../session/SessionProvider.js";
import { SignInForm } from "./SignInForm.js";

export function LoginScreen({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const { login } = useSession();
  return (
    <SignInForm
      expired={expired}
      signIn={login}
      brand={
        <div className="login-brand" aria-hidden="true">
          <svg viewBox="0 0 32 32" width="40" height="40">
            <rect width="32" height="32" rx="6" fill="currentColor" />
            <path d="M6 24h7v-6h7v-6h6" fill="none" stroke="#fff" strokeWidth="3" strokeLinejoin="round" />
          </svg>
        </div>
      }
      words={{
        title: t("login.title"),
        intro: t("login.intro"),
        expired: t("login.expired"),
        email: t("login.email"),
        password: t("login.password"),
        wrong: t("login.wrong"),
        submit: t("login.submit"),
        signingIn: t("login.signingIn"),
        other: { to: "/portal", label: t("portal.login.customerLink") },
      }}
    />
  );
}
