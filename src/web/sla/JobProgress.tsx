// The progress of the job recomputing open tickets after a policy or calendar change:
// polled once a second until it is done or failed (every three seconds while the server fails).

import { useQuery } from "@tanstack/react-query";
import * as sla from "../api/slaApi.js";
import type { Job } from "../api/slaTypes.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";

const POLL_MS = 1_000;

export function JobProgress({ jobId }: { jobId: string }) {
  const { t, formatNumber } = useI18n();
  const query = useQuery({
    queryKey: queryKeys.job(jobId),
    queryFn: () => sla.getJob(jobId),
    refetchInterval: (current) => {
      if (current.state.status === "error") return POLL_MS * 3;
      const state = current.state.data?.state;
      return state === undefined || state === "queued" || state === "running" ? POLL_MS : false;
    },
  });
  const job: Job | null = query.data ?? null;
  const error = query.error ?? null;

  const total = job?.total ?? 0;
  const done = job?.done ?? 0;
  const text =
    job === null
      ? t("jobs.starting")
      : job.state === "done"
        ? t("jobs.done", { done: formatNumber(done) })
        : job.state === "failed"
          ? t("jobs.failed", { error: job.error ?? "" })
          : job.state === "queued"
            ? t("jobs.queued")
            : t("jobs.running", { done: formatNumber(done), total: formatNumber(total) });
  return (
    <div className={`job-progress job-${job?.state ?? "queued"}`} data-state={job?.state ?? "starting"}>
      <label htmlFor={`job-${jobId}`}>{t("jobs.title")}</label>
      <progress id={`job-${jobId}`} max={Math.max(total, 1)} value={job?.state === "done" ? Math.max(total, 1) : done} />
      <p role="status" className="small">
        {text}
      </p>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
