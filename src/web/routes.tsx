// Every address of the signed-in app and the screen it shows: the one place a new screen is
// added. `palier serve` answers index.html for every app path, so each address is a bookmark.

import { Suspense } from "react";
import { Link, Route, Routes, useLocation, useParams } from "react-router";
import { ErrorBoundary } from "./components/ErrorBoundary.js";
import { ErrorNotice } from "./components/ErrorNotice.js";
import { PageTitle } from "./components/PageTitle.js";
import { useI18n } from "./i18n/I18nProvider.js";
import { InboxScreen } from "./inbox/InboxScreen.js";
import { lazyScreen } from "./lib/lazyScreen.js";
import { TicketScreen } from "./ticket/TicketScreen.js";

// The inbox and the ticket are the daily screens, in the first download; the set-up screens
// come in their own chunks when first opened.
const AdminSection = lazyScreen(() => import("./admin/AdminSection.js"), "AdminSection");
const CalendarEditor = lazyScreen(() => import("./calendars/CalendarEditor.js"), "CalendarEditor");
const CalendarsScreen = lazyScreen(() => import("./calendars/CalendarsScreen.js"), "CalendarsScreen");
const NewTicketScreen = lazyScreen(() => import("./newTicket/NewTicketScreen.js"), "NewTicketScreen");
const PoliciesScreen = lazyScreen(() => import("./sla/PoliciesScreen.js"), "PoliciesScreen");
const PolicyEditor = lazyScreen(() => import("./sla/PolicyEditor.js"), "PolicyEditor");
const RuleEditor = lazyScreen(() => import("./rules/RuleEditor.js"), "RuleEditor");
const RulesScreen = lazyScreen(() => import("./rules/RulesScreen.js"), "RulesScreen");
const RulesSection = lazyScreen(() => import("./rules/RulesSection.js"), "RulesSection");
const TriageSettingsScreen = lazyScreen(() => import("./rules/TriageSettingsScreen.js"), "TriageSettingsScreen");
const OncallScreen = lazyScreen(() => import("./oncall/OncallScreen.js"), "OncallScreen");
const OncallEditor = lazyScreen(() => import("./oncall/OncallEditor.js"), "OncallEditor");
const EscalationsBoard = lazyScreen(() => import("./escalation/EscalationsBoard.js"), "EscalationsBoard");
const EscalationSettingsScreen = lazyScreen(() => import("./escalation/EscalationSettingsScreen.js"), "EscalationSettingsScreen");
const ProceduresScreen = lazyScreen(() => import("./procedures/ProceduresScreen.js"), "ProceduresScreen");
const ProcedureEditor = lazyScreen(() => import("./procedures/ProcedureEditor.js"), "ProcedureEditor");
const SlaSection = lazyScreen(() => import("./sla/SlaSection.js"), "SlaSection");
const KbScreen = lazyScreen(() => import("./kb/KbScreen.js"), "KbScreen");
const KbEditorRoute = lazyScreen(() => import("./kb/KbEditor.js"), "KbEditorRoute");
const KbReport = lazyScreen(() => import("./kb/KbReport.js"), "KbReport");
const SocialScreen = lazyScreen(() => import("./social/SocialScreen.js"), "SocialScreen");

export function AppRoutes() {
  const { pathname } = useLocation();
  const { t } = useI18n();
  return (
    <ErrorBoundary
      key={pathname}
      fallback={(error, reset) => (
        <section className="empty-screen">
          <PageTitle title={t("app.crashed")} />
          <ErrorNotice error={error} onRetry={reset} />
        </section>
      )}
    >
      <Suspense
        fallback={
          <p className="splash" role="status">
            {t("app.loading")}
          </p>
        }
      >
        <Routes>
          <Route path="/" element={<InboxScreen />} />
          <Route path="/inbox" element={<InboxScreen />} />
          {/* Signing in happens wherever one lands; the old login address shows the inbox. */}
          <Route path="/login" element={<InboxScreen />} />
          <Route path="/tickets/new" element={<NewTicketScreen />} />
          <Route path="/tickets/:number" element={<TicketRoute />} />
          <Route path="/sla" element={<SlaSection />}>
            <Route index element={<PoliciesScreen />} />
            <Route path="policies" element={<PoliciesScreen />} />
            <Route path="policies/:id" element={<PolicyRoute />} />
            <Route path="calendars" element={<CalendarsScreen />} />
            <Route path="calendars/:id" element={<CalendarRoute />} />
            <Route path="oncall" element={<OncallScreen />} />
            <Route path="oncall/:id" element={<OncallRoute />} />
            <Route path="*" element={<SlaFallback />} />
          </Route>
          <Route path="/rules" element={<RulesSection />}>
            <Route index element={<RulesScreen />} />
            <Route path="triage" element={<TriageSettingsScreen />} />
            <Route path=":id" element={<RuleRoute />} />
          </Route>
          <Route path="/escalations" element={<EscalationsBoard />} />
          <Route path="/kb" element={<KbScreen />} />
          <Route path="/kb/new" element={<KbEditorRoute id={null} />} />
          <Route path="/kb/report" element={<KbReport />} />
          <Route path="/kb/:id" element={<KbArticleRoute />} />
          <Route path="/escalations/settings" element={<EscalationSettingsScreen />} />
          <Route path="/escalations/procedures" element={<ProceduresScreen />} />
          <Route path="/escalations/procedures/:id" element={<ProcedureRoute />} />
          <Route path="/social" element={<SocialScreen />} />
          <Route path="/admin/*" element={<AdminSection />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section className="empty-screen">
      <PageTitle title={t("notFound.title")} />
      <p>
        <Link to="/">{t("notFound.back")}</Link>
      </p>
    </section>
  );
}

/** `/tickets/42`; a number that is not digits is no ticket's address. */
function TicketRoute() {
  const { number = "" } = useParams();
  if (!/^\d+$/.test(number)) return <NotFound />;
  return <TicketScreen key={number} number={Number(number)} />;
}

/** The `?job=` a save leaves in the address, so the recompute's progress stays in view. */
function useJobId(): string | null {
  return new URLSearchParams(useLocation().search).get("job");
}

function PolicyRoute() {
  const { id = "new" } = useParams();
  const jobId = useJobId();
  return <PolicyEditor key={id} id={id === "new" ? null : id} jobId={jobId} />;
}

function RuleRoute() {
  const { id = "new" } = useParams();
  return <RuleEditor key={id} id={id === "new" ? null : id} />;
}

function OncallRoute() {
  const { id = "new" } = useParams();
  return <OncallEditor key={id} id={id === "new" ? null : id} />;
}

function ProcedureRoute() {
  const { id = "new" } = useParams();
  return <ProcedureEditor key={id} id={id === "new" ? null : id} />;
}

function CalendarRoute() {
  const { id = "new" } = useParams();
  const jobId = useJobId();
  return <CalendarEditor key={id} id={id === "new" ? null : id} jobId={jobId} />;
}

/** Deeper addresses under /sla/calendars show the calendars, any other under /sla the policies. */
function SlaFallback() {
  const { pathname } = useLocation();
  return pathname.startsWith("/sla/calendars/") ? <CalendarsScreen /> : <PoliciesScreen />;
}

function KbArticleRoute() {
  const { id } = useParams();
  return <KbEditorRoute id={id ?? null} />;
}
