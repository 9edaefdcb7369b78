// The customer portal: what a signed-in customer sees, and all they see. Its own frame (their
// requests, a new request, the language, sign-out) and its own addresses under /portal; any
// other address, an agent screen's included, leads back to their requests.

import { useEffect } from "react";
import { Link, Navigate, Route, Routes, useLocation, useParams } from "react-router";
import type { CustomerPrincipal } from "../api/types.js";
import { ErrorBoundary } from "../components/ErrorBoundary.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { LanguageSwitcher } from "../components/LanguageSwitcher.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { isLocale, STORAGE_KEY } from "../i18n/messages.js";
import { useSession } from "../session/SessionProvider.js";
import { MyRequests } from "./MyRequests.js";
import { NewRequest } from "./NewRequest.js";
import { RequestScreen } from "./RequestScreen.js";
import "./portal.css";

export function PortalApp({ customer }: { customer: CustomerPrincipal }) {
  const { t } = useI18n();
  const { logout } = useSession();
  const { pathname } = useLocation();
  useCustomerLanguage(customer.language);
  const onNew = pathname === "/portal/requests/new";
  return (
    <div className="shell portal">
      <a className="skip-link" href="#main">
        {t("portal.skip")}
      </a>
      <header className="topbar portal-topbar">
        <Link to="/portal" className="brand">
          <svg aria-hidden="true" viewBox="0 0 32 32" width="24" height="24">
            <rect width="32" height="32" rx="6" fill="currentColor" />
            <path d="M6 24h7v-6h7v-6h6" fill="none" stroke="#fff" strokeWidth="3" strokeLinejoin="round" />
          </svg>
          <span>{t("portal.brand")}</span>
        </Link>
        <nav aria-label={t("portal.navigation")} className="topnav portal-nav">
          <Link to="/portal" aria-current={pathname === "/portal" ? "page" : undefined}>
            {t("portal.myRequests")}
          </Link>
          <Link to="/portal/requests/new" aria-current={onNew ? "page" : undefined} className="button button-primary">
            {t("portal.newRequest")}
          </Link>
        </nav>
        <div className="topbar-end">
          <LanguageSwitcher />
          <span className="whoami" title={t("portal.account", { name: customer.email })}>
            {customer.name}
          </span>
          <button type="button" className="button button-quiet" onClick={() => void logout()}>
            {t("portal.signOut")}
          </button>
        </div>
      </header>
      <main id="main" className="main portal-main">
        <ErrorBoundary key={pathname} fallback={(error, reset) => <ErrorNotice error={error} onRetry={reset} />}>
          <Routes>
            <Route path="/portal" element={<MyRequests />} />
            <Route path="/portal/requests/new" element={<NewRequest />} />
            <Route path="/portal/requests/:number" element={<RequestRoute />} />
            <Route path="*" element={<Navigate to="/portal" replace />} />
          </Routes>
        </ErrorBoundary>
      </main>
    </div>
  );
}

/** `/portal/requests/42`; anything but digits is no request's address. */
function RequestRoute() {
  const { number = "" } = useParams();
  if (!/^\d+$/.test(number)) return <Navigate to="/portal" replace />;
  return <RequestScreen key={number} number={Number(number)} />;
}

/**
 * Speaks the customer's language (the one the team knows them by) unless this browser already
 * chose one in the switcher: an explicit choice wins.
 */
function useCustomerLanguage(language: string | null): void {
  const { locale, setLocale } = useI18n();
  useEffect(() => {
    if (!isLocale(language) || language === locale || storedLocale() !== null) return;
    setLocale(language);
    // Once, when the portal opens: later switches are the customer's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

function storedLocale(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
