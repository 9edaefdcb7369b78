// The inbox's search box and filters (status, unsolved by default; priority, channel, team, tag;
// the triage signals: frustrated, alarm) and its sort order.

import { useId, useState, type FormEvent, type ReactNode } from "react";
import { CHANNELS, PRIORITIES, STATUSES } from "../../core/ticket/ticket.js";
import { ALARM_KINDS } from "../../core/triage/signals.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { ANY_STATUS, FILTERS, SORTS, type InboxQuery, type Sort } from "./inboxQuery.js";

export function InboxFilters({ query, onChange }: { query: InboxQuery; onChange: (query: InboxQuery) => void }) {
  const { t, tx } = useI18n();
  const { teams, tags } = useDirectory();
  const [text, setText] = useState(query.q);
  const [shownQ, setShownQ] = useState(query.q);
  const searchId = useId();
  // The address changed the search (back button, clear): show it.
  if (shownQ !== query.q) {
    setShownQ(query.q);
    setText(query.q);
  }

  const set = (name: keyof InboxQuery, value: string) => onChange({ ...query, [name]: value });
  const search = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...query, q: text.trim() });
  };
  const filtered = FILTERS.some((name) => query[name] !== "");
  const active = FILTERS.filter((name) => name !== "q" && query[name] !== "").length;
  // On a phone the filters fold away behind a button; on a laptop they are always shown.
  const [open, setOpen] = useState(false);
  const bodyId = useId();

  return (
    <form role="search" className="filters" onSubmit={search} aria-label={t("inbox.filters")}>
      <div className="search">
        <label htmlFor={searchId} className="visually-hidden">
          {t("inbox.search")}
        </label>
        <input id={searchId} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t("inbox.searchPlaceholder")} />
        <button type="submit" className="button">
          {t("inbox.searchButton")}
        </button>
        <button type="button" className="button filters-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          {active > 0 ? t("inbox.filtersActive", { count: active }) : t("inbox.filtersButton")}
        </button>
      </div>
      <div id={bodyId} className={open ? "filters-body open" : "filters-body"}>
        <Filter label={t("field.status")} name="status" value={query.status} onChange={(v) => set("status", v)} defaultLabel={t("inbox.unsolved")}>
          <option value={ANY_STATUS}>{t("inbox.anyStatus")}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {tx(`status.${status}`, status)}
            </option>
          ))}
        </Filter>
        <Filter label={t("field.priority")} name="priority" value={query.priority} onChange={(v) => set("priority", v)}>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {tx(`priority.${priority}`, priority)}
            </option>
          ))}
        </Filter>
        <Filter label={t("field.channel")} name="channel" value={query.channel} onChange={(v) => set("channel", v)}>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {tx(`channel.${channel}`, channel)}
            </option>
          ))}
        </Filter>
        <Filter label={t("field.team")} name="team" value={query.team} onChange={(v) => set("team", v)}>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </Filter>
        <Filter label={t("field.tag")} name="tag" value={query.tag} onChange={(v) => set("tag", v)}>
          {query.tag !== "" && !tags.some((tag) => tag.name === query.tag) && <option value={query.tag}>{query.tag}</option>}
          {tags.map((tag) => (
            <option key={tag.name} value={tag.name}>
              {tag.name}
            </option>
          ))}
        </Filter>
        <Filter label={t("inbox.frustrated")} name="frustrated" value={query.frustrated} onChange={(v) => set("frustrated", v)}>
          <option value="true">{t("inbox.frustratedOnly")}</option>
        </Filter>
        <Filter label={t("inbox.alarm")} name="alarm" value={query.alarm} onChange={(v) => set("alarm", v)} known={[ALL_ALARMS]}>
          <option value={ALL_ALARMS}>{t("inbox.anyAlarm")}</option>
          {ALARM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {tx(`triage.alarm.${kind}`, kind)}
            </option>
          ))}
        </Filter>
        <SortSelect value={query.sort} onChange={(sort) => onChange({ ...query, sort })} />
        {filtered && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => onChange({ ...query, status: "", priority: "", channel: "", team: "", tag: "", frustrated: "", alarm: "", q: "" })}
          >
            {t("inbox.clearFilters")}
          </button>
        )}
      </div>
    </form>
  );
}

/** Every alarm kind: tickets with any alarm. */
const ALL_ALARMS = ALARM_KINDS.join(",");

/**
 * A select whose first option, "", is the default: "any" unless `defaultLabel` says otherwise. A
 * list of values from the address is offered as it is, unless `known` names it among the children.
 */
function Filter(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  defaultLabel?: string;
  known?: readonly string[];
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.defaultLabel ?? t("inbox.any")}</option>
        {!props.value.includes(",") || props.known?.includes(props.value) ? null : <option value={props.value}>{props.value.split(",").join(", ")}</option>}
        {props.children}
      </select>
    </div>
  );
}

function SortSelect({ value, onChange }: { value: Sort; onChange: (sort: Sort) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="filter filter-sort">
      <label htmlFor={id}>{t("inbox.sort")}</label>
      <select id={id} name="sort" value={value} onChange={(e) => onChange(e.target.value as Sort)}>
        {SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {t(`inbox.sort.${sort}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
