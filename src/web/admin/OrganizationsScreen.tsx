// The organizations customers belong to: name, segment (SLA policies match on it) and e-mail
// domains; searched by name and filtered by segment.

import { Link } from "react-router";
import { useI18n } from "../i18n/I18nProvider.js";
import { useCanWrite } from "./access.js";
import { FilterSelect, RecordListScreen, SearchBox, useListQuery, useRecordList } from "./recordList.js";

/** The segments the demo and the default policies use; others can be typed in. */
export const COMMON_SEGMENTS = ["standard", "enterprise", "vip"] as const;

export function OrganizationsScreen() {
  const { t, tx } = useI18n();
  const canWrite = useCanWrite("organizations");
  const [query, setFilter] = useListQuery(["segment"]);
  const list = useRecordList("organizations", query);
  const segments = [...new Set([...COMMON_SEGMENTS, ...(query.segment ? [query.segment] : [])])];
  return (
    <RecordListScreen
      title={t("admin.organizations")}
      add={canWrite ? { to: "/admin/organizations/new", label: t("admin.newOrganization") } : undefined}
      intro={canWrite ? t("admin.organizationsIntro") : t("admin.readOnly")}
      search={
        <SearchBox
          label={t("admin.searchOrganizations")}
          placeholder={t("admin.searchNamePlaceholder")}
          value={query.q ?? ""}
          onSearch={(q) => setFilter("q", q)}
        >
          <FilterSelect
            label={t("admin.segment")}
            value={query.segment ?? ""}
            onChange={(v) => setFilter("segment", v)}
            options={[
              { value: "", label: t("admin.any") },
              ...segments.map((segment) => ({ value: segment, label: tx(`admin.segmentName.${segment}`, segment) })),
            ]}
          />
        </SearchBox>
      }
      list={list}
      columns={[t("field.name"), t("admin.segment"), t("admin.domains")]}
      row={(organization) => (
        <tr key={organization.id} data-organization={organization.name}>
          <td>
            <Link to={`/admin/organizations/${organization.id}`}>{organization.name}</Link>
          </td>
          <td>
            <span className={organization.segment === "vip" ? "badge badge-accent" : "badge badge-muted"}>
              {tx(`admin.segmentName.${organization.segment}`, organization.segment)}
            </span>
          </td>
          <td>{organization.domains.join(", ") || "—"}</td>
        </tr>
      )}
    />
  );
}
