// Job routes: the progress of background work (recomputing open tickets after a policy or
// calendar edit), one job by id or the latest ones.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Static } from "typebox";
import { getJob, type Job, listJobs } from "../../../store/jobs.js";
import { notFound } from "../../errors.js";
import { callerWith } from "../common/access.js";
import { errorResponses, IdParams, SECURITY } from "../common/schema.js";
import { JobList, JobListQuery, JobSchema } from "./schema.js";

const tags = ["jobs"];
const isoOrNull = (at: Date | null) => (at === null ? null : at.toISOString());

/** A job's JSON. */
export function presentJob(job: Job): Static<typeof JobSchema> {
  return {
    id: job.id,
    kind: job.kind as Static<typeof JobSchema>["kind"],
    reason: job.reason,
    state: job.state as Static<typeof JobSchema>["state"],
    total: job.total,
    done: job.done,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: isoOrNull(job.startedAt),
    finishedAt: isoOrNull(job.finishedAt),
  };
}

/** Registers the job routes. */
export const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/jobs",
    {
      schema: {
        tags,
        summary: "List background jobs, latest first",
        security: SECURITY,
        querystring: JobListQuery,
        response: { 200: JobList, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "sla.read");
      const jobs = await listJobs(request.server.database.db, { kind: request.query.kind, limit: request.query.limit });
      return { items: jobs.map(presentJob) };
    },
  );

  app.get(
    "/jobs/:id",
    {
      schema: {
        tags,
        summary: "Read a background job and its progress (done of total)",
        security: SECURITY,
        params: IdParams,
        response: { 200: JobSchema, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "sla.read");
      const job = await getJob(request.server.database.db, request.params.id);
      if (!job) throw notFound(`job ${request.params.id}`);
      return presentJob(job);
    },
  );
};
