// The customers: name, e-mail, language and organization (with its segment); searched by name,
// e-mail or phone and filtered by organization.

import { Link } from "react-router";
import { useI18n } from "../i18n/I18nProvider.js";
import { useCanWrite } from "./access.js";
import { FilterSelect, RecordListScreen, SearchBox, useListQuery, useRecordList } from "./recordList.js";
import { useOrganizations } from "./useOrganizations.js";

export function CustomersScreen() {
  const { t, tx } = useI18n();
  const canWrite = useCanWrite("customers");
  const { organizations, organization } = useOrganizations();
  const [query, setFilter] = useListQuery(["organization"]);
  const list = useRecordList("customers", query);
  return (
    <RecordListScreen
      title={t("admin.customers")}
      add={canWrite ? { to: "/admin/customers/new", label: t("admin.newCustomer") } : undefined}
      intro={canWrite ? t("admin.customersIntro") : t("admin.readOnly")}
      search={
        <SearchBox label={t("admin.searchCustomers")} placeholder={t("admin.searchPlaceholder")} value={query.q ?? ""} onSearch={(q) => setFilter("q", q)}>
          <FilterSelect
            label={t("admin.organization")}
            value={query.organization ?? ""}
            onChange={(v) => setFilter("organization", v)}
            options={[{ value: "", label: t("admin.any") }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]}
          />
        </SearchBox>
      }
      list={list}
      columns={[t("field.name"), t("field.email"), t("field.language"), t("admin.organization"), t("admin.segment")]}
      row={(customer) => {
        const org = organization(customer.organizationId);
        return (
          <tr key={customer.id} data-customer={customer.name}>
            <td>
              <Link to={`/admin/customers/${customer.id}`}>{customer.name}</Link>
            </td>
            <td>{customer.email ?? "—"}</td>
            <td>{customer.language ? tx(`language.${customer.language}`, customer.language) : "—"}</td>
            <td>{org?.name ?? "—"}</td>
            <td>
              {org ? (
                <span className={org.segment === "vip" ? "badge badge-accent" : "badge badge-muted"}>
                  {tx(`admin.segmentName.${org.segment}`, org.segment)}
                </span>
              ) : (
                "—"
              )}
            </td>
          </tr>
        );
      }}
    />
  );
}
