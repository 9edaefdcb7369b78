// A list screen's parts: its page of records (with "load more") for a search and filters kept in
// the address, so that a filtered list is a bookmark, and the search box.

import { useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { listRecords } from "./adminApi.js";
import type { RecordKind, RecordOf } from "./adminTypes.js";
import { adminKeys } from "./formKit.js";

const PAGE = 50;

/** The address's search (`q`) and `filters`, as the API's list query. */
export function useListQuery(filters: readonly string[]): [Record<string, string>, (name: string, value: string) => void] {
  const [params, setParams] = useSearchParams();
  const query: Record<string, string> = {};
  for (const name of ["q", ...filters]) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  const set = (name: string, value: string) =>
    setParams(
      (before) => {
        const next = new URLSearchParams(before);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  return [query, set];
}

/** A list's records (null while the first page loads) and how to read more of them. */
export interface RecordListState<T> {
  items: T[] | null;
  error: unknown;
  hasMore: boolean;
  loadMore(): void;
  loadingMore: boolean;
  retry(): void;
}

/** The records matching `query`, a page at a time. */
export function useRecordList<K extends RecordKind>(kind: K, query: Record<string, string>): RecordListState<RecordOf[K]> {
  const list = useInfiniteQuery({
    queryKey: adminKeys.list(kind, query),
    queryFn: ({ pageParam }) => listRecords(kind, { ...query, limit: PAGE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const items: RecordOf[K][] | null = list.data ? list.data.pages.flatMap((page) => page.items) : list.error ? [] : null;
  return {
    items,
    error: list.error,
    hasMore: list.hasNextPage,
    loadMore: () => void list.fetchNextPage(),
    loadingMore: list.isFetchingNextPage,
    retry: () => void list.refetch(),
  };
}

/** The search box: typing changes nothing until it is sent. */
export function SearchBox({
  label,
  placeholder,
  value,
  onSearch,
  children,
}: {
  label: string;
  placeholder: string;
  value: string;
  onSearch(q: string): void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" className="filters admin-filters" onSubmit={submit}>
      <div className="filter search">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="search" value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} />
      </div>
      {children}
      <button type="submit" className="button">
        {t("admin.search")}
      </button>
    </form>
  );
}

/** A filter's select, applied at once. */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  options: readonly { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What a list shows below its table: loading, an error, nothing found, or "load more". */
export function ListState({ list, empty, children }: { list: RecordListState<unknown>; empty: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      {list.error !== null && list.error !== undefined && <ErrorNotice error={list.error} onRetry={list.retry} />}
      {list.items === null ? <p className="muted">{t("app.loading")}</p> : list.items.length === 0 ? !list.error && <p className="empty">{empty}</p> : children}
      {list.hasMore && (
        <p className="load-more">
          <button type="button" className="button" onClick={list.loadMore} disabled={list.loadingMore}>
            {list.loadingMore ? t("app.loading") : t("admin.loadMore")}
          </button>
        </p>
      )}
    </>
  );
}

/**
 * A list screen's frame: its title with the button to add a record (when the reader may write),
 * the intro, the search with its filters, and the table of `columns` with one row per record
 * (`row`), or what the list says instead (loading, an error, nothing found).
 */
export function RecordListScreen<T>({
  title,
  add,
  intro,
  search,
  list,
  columns,
  row,
}: {
  title: string;
  /** The address and words of the add button; absent for readers who may not write. */
  add?: { to: string; label: string };
  intro: string;
  search: ReactNode;
  list: RecordListState<T>;
  columns: readonly string[];
  row(item: T): ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="admin-screen" aria-busy={list.items === null}>
      <div className="screen-head">
        <PageTitle title={title} />
        {add && (
          <Link to={add.to} className="button button-primary">
            {add.label}
          </Link>
        )}
      </div>
      <p className="muted">{intro}</p>
      {search}
      <ListState list={list} empty={t("admin.noneFound")}>
        <div className="table-scroll">
          <table className="ticket-table admin-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{(list.items ?? []).map(row)}</tbody>
          </table>
        </div>
      </ListState>
    </section>
  );
}
