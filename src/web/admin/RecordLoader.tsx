// Loads the record an editor opens (none for a new one) and hands it to the form, keyed by its
// version so that "reload" after a conflict starts the form again from the latest copy.

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { ApiError } from "../api/client.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { getRecord } from "./adminApi.js";
import type { RecordKind, RecordOf } from "./adminTypes.js";
import { adminKeys } from "./formKit.js";

export function RecordLoader<K extends RecordKind>({
  kind,
  id,
  children,
}: {
  kind: K;
  id: string | null;
  children(record: RecordOf[K] | null, reload: () => void): ReactNode;
}) {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: adminKeys.one(kind, id ?? "new"),
    queryFn: () => (id === null ? null : getRecord(kind, id)),
    // The form keeps its own copy once saved; a cached one would be stale on return.
    gcTime: 0,
  });
  const reload = () => void query.refetch();
  if (query.isPending)
    return (
      <p className="splash" role="status">
        {t("app.loading")}
      </p>
    );
  if (query.isError) {
    const gone = query.error instanceof ApiError && query.error.status === 404;
    return (
      <section className="empty-screen">
        <PageTitle title={gone ? t("notFound.title") : t(`admin.${kind}`)} />
        {gone ? (
          <p>
            <Link to={`/admin/${kind}`}>{t(`admin.backTo.${kind}`)}</Link>
          </p>
        ) : (
          <ErrorNotice error={query.error} onRetry={reload} />
        )}
      </section>
    );
  }
  return <>{children(query.data, reload)}</>;
}
