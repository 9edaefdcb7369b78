// One customer: name, e-mail, phone, language and organization (whose segment, VIP or not, the
// SLA policies match on), saved with If-Match.

import type { FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { LANGUAGES } from "../../core/ticket/ticket.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { useCanWrite } from "./access.js";
import type { CustomerRecord } from "./adminTypes.js";
import { SaveBar, SaveNotices, SelectField, TextField, textOrNull, useRecordDraft } from "./formKit.js";
import { RecordLoader } from "./RecordLoader.js";
import { useOrganizations } from "./useOrganizations.js";

export function CustomerEditor({ id }: { id: string | null }) {
  return (
    <RecordLoader kind="customers" id={id}>
      {(customer, reload) => <CustomerForm key={customer ? `${customer.id}-${customer.version}` : "new"} customer={customer} onReload={reload} />}
    </RecordLoader>
  );
}

function CustomerForm({ customer, onReload }: { customer: CustomerRecord | null; onReload(): void }) {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const readOnly = !useCanWrite("customers");
  const { organizations, organization } = useOrganizations();
  const { draft, change, busy, notice, save, issues } = useRecordDraft("customers", customer, () => ({
    name: customer?.name ?? "",
    email: customer?.email ?? "",
    phone: customer?.phone ?? "",
    language: customer?.language ?? "",
    organizationId: customer?.organizationId ?? "",
  }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save({
      name: draft.name.trim(),
      email: textOrNull(draft.email),
      phone: textOrNull(draft.phone),
      language: draft.language || null,
      organizationId: draft.organizationId || null,
    });
    if (saved && !customer) navigate(`/admin/customers/${saved.id}`, { replace: true });
  };
  const title = customer ? customer.name : t("admin.newCustomer");
  const segment = organization(draft.organizationId || null)?.segment;
  return (
    <div className="editor admin-editor">
      <p className="breadcrumb">
        <Link to="/admin/customers">{t("admin.customers")}</Link> / {title}
      </p>
      <PageTitle title={title} />
      {readOnly && <p className="notice notice-info">{t("admin.readOnly")}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <SaveNotices notice={notice} onReload={onReload} placed={["name", "email", "phone", "language", "organizationId"]} />
        <div className="grid-2">
          <TextField label={t("field.name")} path="name" issues={issues} readOnly={readOnly} value={draft.name} onChange={(name) => change({ name })} />
          <TextField
            label={t("field.email")}
            path="email"
            type="email"
            issues={issues}
            readOnly={readOnly}
            value={draft.email}
            onChange={(email) => change({ email })}
          />
          <TextField
            label={t("field.phone")}
            path="phone"
            type="tel"
            issues={issues}
            readOnly={readOnly}
            value={draft.phone}
            onChange={(phone) => change({ phone })}
          />
          <SelectField
            label={t("field.language")}
            path="language"
            issues={issues}
            readOnly={readOnly}
            value={draft.language}
            onChange={(language) => change({ language })}
            options={[{ value: "", label: t("admin.languageUnknown") }, ...LANGUAGES.map((code) => ({ value: code, label: t(`language.${code}`) }))]}
          />
          <SelectField
            label={t("admin.organization")}
            path="organizationId"
            issues={issues}
            readOnly={readOnly}
            hint={segment ? t("admin.customerSegment", { segment: tx(`admin.segmentName.${segment}`, segment) }) : t("admin.organizationHint")}
            value={draft.organizationId}
            onChange={(organizationId) => change({ organizationId })}
            options={[{ value: "", label: t("admin.none") }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]}
          />
        </div>
        {!readOnly && <SaveBar busy={busy} saved={notice?.kind === "saved"} label={customer ? undefined : t("admin.createCustomer")} />}
      </form>
    </div>
  );
}
