// The rules screens under /rules: the rules (the list, a rule) and the triage settings, with
// tabs between the two.

import { Link, Outlet, useLocation } from "react-router";
import { useI18n } from "../i18n/I18nProvider.js";
import "./rules.css";

/** The section's frame; the screen inside is the route's (routes.tsx). */
export function RulesSection() {
  const { t } = useI18n();
  const inTriage = useLocation().pathname.startsWith("/rules/triage");
  return (
    <div className="section">
      <nav aria-label={t("rules.sectionNav")} className="view-tabs section-tabs">
        <ul>
          <li>
            <Link to="/rules" aria-current={!inTriage ? "page" : undefined}>
              {t("rules.title")}
            </Link>
          </li>
          <li>
            <Link to="/rules/triage" aria-current={inTriage ? "page" : undefined}>
              {t("triage.title")}
            </Link>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
