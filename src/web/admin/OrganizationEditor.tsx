// One organization: its name, segment and e-mail domains, saved with If-Match; its customers
// are a link to the customer list filtered on it.

import { useId, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { useCanWrite } from "./access.js";
import type { OrganizationRecord } from "./adminTypes.js";
import { SaveBar, SaveNotices, TextField, useRecordDraft, wordsOf } from "./formKit.js";
import { COMMON_SEGMENTS } from "./OrganizationsScreen.js";
import { RecordLoader } from "./RecordLoader.js";

export function OrganizationEditor({ id }: { id: string | null }) {
  return (
    <RecordLoader kind="organizations" id={id}>
      {(organization, reload) => (
        <OrganizationForm key={organization ? `${organization.id}-${organization.version}` : "new"} organization={organization} onReload={reload} />
      )}
    </RecordLoader>
  );
}

function OrganizationForm({ organization, onReload }: { organization: OrganizationRecord | null; onReload(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const readOnly = !useCanWrite("organizations");
  const segmentsId = useId();
  const { draft, change, busy, notice, save, issues } = useRecordDraft("organizations", organization, () => ({
    name: organization?.name ?? "",
    segment: organization?.segment ?? "standard",
    domains: organization?.domains.join(", ") ?? "",
  }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save({ name: draft.name.trim(), segment: draft.segment.trim(), domains: wordsOf(draft.domains) });
    if (saved && !organization) navigate(`/admin/organizations/${saved.id}`, { replace: true });
  };
  const title = organization ? organization.name : t("admin.newOrganization");
  return (
    <div className="editor admin-editor">
      <p className="breadcrumb">
        <Link to="/admin/organizations">{t("admin.organizations")}</Link> / {title}
      </p>
      <PageTitle title={title} />
      {readOnly && <p className="notice notice-info">{t("admin.readOnly")}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <SaveNotices notice={notice} onReload={onReload} placed={["name", "segment", "domains"]} />
        <div className="grid-2">
          <TextField label={t("field.name")} path="name" issues={issues} readOnly={readOnly} value={draft.name} onChange={(name) => change({ name })} />
          <TextField
            label={t("admin.segment")}
            path="segment"
            issues={issues}
            readOnly={readOnly}
            hint={t("admin.segmentHint")}
            list={segmentsId}
            value={draft.segment}
            onChange={(segment) => change({ segment })}
          />
        </div>
        <datalist id={segmentsId}>
          {COMMON_SEGMENTS.map((segment) => (
            <option key={segment} value={segment} />
          ))}
        </datalist>
        <TextField
          label={t("admin.domains")}
          path="domains"
          issues={issues}
          readOnly={readOnly}
          hint={t("admin.domainsHint")}
          placeholder="example.com, example.be"
          value={draft.domains}
          onChange={(domains) => change({ domains })}
        />
        {!readOnly && <SaveBar busy={busy} saved={notice?.kind === "saved"} label={organization ? undefined : t("admin.createOrganization")} />}
      </form>
      {organization && (
        <p>
          <Link to={`/admin/customers?organization=${organization.id}`}>{t("admin.organizationCustomers", { name: organization.name })}</Link>
        </p>
      )}
    </div>
  );
}
