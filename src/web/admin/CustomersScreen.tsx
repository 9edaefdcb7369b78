// The customers: name, e-mail, language and organization (with its segment); searched by name,
// e-mail or phone and filtered by organization.

import { Link } from "react-router";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { useCanWrite } from "./access.js";
import { FilterSelect, ListState, SearchBox, useListQuery, useRecordList } from "./recordList.js";
import { useOrganizations } from "./useOrganizations.js";

export function CustomersScreen() {
  const { t, tx } = useI18n();
  const canWrite = useCanWrite("customers");
  const { organizations, organization } = useOrganizations();
  const [query, setFilter] = useListQuery(["organization"]);
  const list = useRecordList("customers", query);
  return (
    <section className="admin-screen" aria-busy={list.items === null}>
      <div className="screen-head">
        <PageTitle title={t("admin.customers")} />
        {canWrite && (
          <Link to="/admin/customers/new" className="button button-primary">
            {t("admin.newCustomer")}
          </Link>
        )}
      </div>
      <p className="muted">{canWrite ? t("admin.customersIntro") : t("admin.readOnly")}</p>
      <SearchBox label={t("admin.searchCustomers")} placeholder={t("admin.searchPlaceholder")} value={query.q ?? ""} onSearch={(q) => setFilter("q", q)}>
        <FilterSelect
          label={t("admin.organization")}
          value={query.organization ?? ""}
          onChange={(v) => setFilter("organization", v)}
          options={[{ value: "", label: t("admin.any") }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]}
        />
      </SearchBox>
      <ListState list={list} empty={t("admin.noneFound")}>
        <div className="table-scroll">
          <table className="ticket-table admin-table">
            <caption className="visually-hidden">{t("admin.customers")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("field.name")}</th>
                <th scope="col">{t("field.email")}</th>
                <th scope="col">{t("field.language")}</th>
                <th scope="col">{t("admin.organization")}</th>
                <th scope="col">{t("admin.segment")}</th>
              </tr>
            </thead>
            <tbody>
              {(list.items ?? []).map((customer) => {
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
              })}
            </tbody>
          </table>
        </div>
      </ListState>
    </section>
  );
}
