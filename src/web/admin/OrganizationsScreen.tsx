// The organizations customers belong to: name, segment (SLA policies match on it) and e-mail
// domains; searched by name and filtered by segment.

import { Link } from "react-router";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { useCanWrite } from "./access.js";
import { FilterSelect, ListState, SearchBox, useListQuery, useRecordList } from "./recordList.js";

/** The segments the demo and the default policies use; others can be typed in. */
export const COMMON_SEGMENTS = ["standard", "enterprise", "vip"] as const;

export function OrganizationsScreen() {
  const { t, tx } = useI18n();
  const canWrite = useCanWrite("organizations");
  const [query, setFilter] = useListQuery(["segment"]);
  const list = useRecordList("organizations", query);
  const segments = [...new Set([...COMMON_SEGMENTS, ...(query.segment ? [query.segment] : [])])];
  return (
    <section className="admin-screen" aria-busy={list.items === null}>
      <div className="screen-head">
        <PageTitle title={t("admin.organizations")} />
        {canWrite && (
          <Link to="/admin/organizations/new" className="button button-primary">
            {t("admin.newOrganization")}
          </Link>
        )}
      </div>
      <p className="muted">{canWrite ? t("admin.organizationsIntro") : t("admin.readOnly")}</p>
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
      <ListState list={list} empty={t("admin.noneFound")}>
        <div className="table-scroll">
          <table className="ticket-table admin-table">
            <caption className="visually-hidden">{t("admin.organizations")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("field.name")}</th>
                <th scope="col">{t("admin.segment")}</th>
                <th scope="col">{t("admin.domains")}</th>
              </tr>
            </thead>
            <tbody>
              {(list.items ?? []).map((organization) => (
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
              ))}
            </tbody>
          </table>
        </div>
      </ListState>
    </section>
  );
}
