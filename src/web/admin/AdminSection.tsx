// The admin section under /admin: the directory (agents, teams, customers, organizations) and
// the admin's deliveries (the built-in mailbox, the outbox's dead deliveries, received mail, IMAP mailboxes). Each tab shows to
// those who may read it; an address under /admin that names no screen is a not-found.

import { Link, Route, Routes, useLocation, useParams } from "react-router";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { usePrincipal } from "../session/SessionProvider.js";
import { canOpenAdmin, canSeeDeliveries, canWrite } from "./access.js";
import { AgentEditor } from "./AgentEditor.js";
import { AgentsScreen } from "./AgentsScreen.js";
import { CustomerEditor } from "./CustomerEditor.js";
import { CustomersScreen } from "./CustomersScreen.js";
import { MailboxScreen } from "./MailboxScreen.js";
import { OrganizationEditor } from "./OrganizationEditor.js";
import { OrganizationsScreen } from "./OrganizationsScreen.js";
import { ReceivedMailScreen } from "../mail/ReceivedMailScreen.js";
import { MailboxesScreen } from "../mailboxes/MailboxesScreen.js";
import { OutboxScreen } from "./OutboxScreen.js";
import { TeamEditor } from "./TeamEditor.js";
import { TeamsScreen } from "./TeamsScreen.js";
import { SelfCareScreen } from "../selfcare/SelfCareScreen.js";
import "./admin.css";

const DIRECTORY = ["agents", "teams", "customers", "organizations"] as const;
const DELIVERIES = ["mailbox", "outbox", "mail", "mailboxes"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Everything under /admin (mounted at `/admin/*` in routes.tsx). */
export function AdminSection() {
  const { t } = useI18n();
  const principal = usePrincipal();
  const section = useLocation().pathname.split("/")[2] ?? "";
  if (!canOpenAdmin(principal)) return <NoAccess />;
  const deliveries = canSeeDeliveries(principal);
  const tabs = [...DIRECTORY, ...(deliveries ? DELIVERIES : [])];
  return (
    <div className="section">
      <nav aria-label={t("admin.sectionNav")} className="view-tabs section-tabs">
        <ul>
          {tabs.map((tab) => (
            <li key={tab}>
              <Link to={`/admin/${tab}`} aria-current={section === tab || (section === "" && tab === "agents") ? "page" : undefined}>
                {tab === "mailboxes" ? t("mailboxes.tab") : t(`admin.${tab}`)}
              </Link>
            </li>
          ))}
          <li>
            <Link to="/admin/selfcare" aria-current={section === "selfcare" ? "page" : undefined}>
              {t("selfcare.stats.title")}
            </Link>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<AgentsScreen />} />
        <Route path="agents" element={<AgentsScreen />} />
        <Route path="agents/:id" element={<RecordRoute kind="agents" />} />
        <Route path="teams" element={<TeamsScreen />} />
        <Route path="teams/:id" element={<RecordRoute kind="teams" />} />
        <Route path="customers" element={<CustomersScreen />} />
        <Route path="customers/:id" element={<RecordRoute kind="customers" />} />
        <Route path="organizations" element={<OrganizationsScreen />} />
        <Route path="organizations/:id" element={<RecordRoute kind="organizations" />} />
        <Route path="mailbox" element={deliveries ? <MailboxScreen /> : <NoAccess why={t("admin.deliveriesAdminOnly")} />} />
        <Route path="outbox" element={deliveries ? <OutboxScreen /> : <NoAccess why={t("admin.deliveriesAdminOnly")} />} />
        <Route path="mail" element={deliveries ? <ReceivedMailScreen /> : <NoAccess why={t("admin.deliveriesAdminOnly")} />} />
        <Route path="selfcare" element={<SelfCareScreen />} />
        <Route path="mailboxes" element={deliveries ? <MailboxesScreen /> : <NoAccess why={t("admin.deliveriesAdminOnly")} />} />
        <Route path="*" element={<AdminNotFound />} />
      </Routes>
    </div>
  );
}

/** `/admin/<kind>/new` or `/admin/<kind>/<uuid>`; anything else names no record. */
function RecordRoute({ kind }: { kind: (typeof DIRECTORY)[number] }) {
  const { t } = useI18n();
  const { id = "" } = useParams();
  const principal = usePrincipal();
  if (id !== "new" && !UUID.test(id)) return <AdminNotFound />;
  // Nothing to read in a blank form: those who may not add one are told so.
  if (id === "new" && !canWrite(principal, kind)) return <NoAccess why={kind === "agents" ? t("admin.agentsReadOnly") : t("admin.readOnly")} />;
  const recordId = id === "new" ? null : id;
  switch (kind) {
    case "agents":
      return <AgentEditor key={id} id={recordId} />;
    case "teams":
      return <TeamEditor key={id} id={recordId} />;
    case "customers":
      return <CustomerEditor key={id} id={recordId} />;
    case "organizations":
      return <OrganizationEditor key={id} id={recordId} />;
  }
}

function AdminNotFound() {
  const { t } = useI18n();
  return (
    <section className="empty-screen">
      <PageTitle title={t("notFound.title")} />
      <p>
        <Link to="/admin">{t("admin.backToAdmin")}</Link>
      </p>
    </section>
  );
}

function NoAccess({ why }: { why?: string }) {
  const { t } = useI18n();
  return (
    <section className="empty-screen">
      <PageTitle title={t("admin.noAccessTitle")} />
      <p>{why ?? t("admin.noAccess")}</p>
      <p>
        <Link to="/">{t("notFound.back")}</Link>
      </p>
    </section>
  );
}
