// Said when the inbox's address holds a filter it does not understand (a hand-edited
// `?status=bogus`): which one, in the reader's language, and a way back to plain filters.

import { useI18n } from "../i18n/I18nProvider.js";
import type { AddressProblem } from "./inboxQuery.js";

export function AddressNotice({ problems, onReset }: { problems: AddressProblem[]; onReset: () => void }) {
  const { t } = useI18n();
  const names: Record<AddressProblem["name"], string> = {
    view: t("inbox.views"),
    sort: t("inbox.sort"),
    status: t("field.status"),
    priority: t("field.priority"),
    channel: t("field.channel"),
    team: t("field.team"),
    tag: t("field.tag"),
    frustrated: t("inbox.frustrated"),
    alarm: t("inbox.alarm"),
    q: t("inbox.search"),
  };
  return (
    <div className="notice notice-warning address-notice" role="alert" data-testid="address-notice">
      <p>{problems.length > 0 ? t("inbox.badAddress", { count: problems.length }) : t("inbox.badQuery")}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((problem) => (
            <li key={problem.name + problem.value}>
              {t("inbox.badAddressItem", { name: names[problem.name], value: problem.value.length > 60 ? `${problem.value.slice(0, 60)}…` : problem.value })}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button" onClick={onReset}>
        {t("inbox.resetFilters")}
      </button>
    </div>
  );
}
