// On-call schedule routes: list, create, read, conditional update and delete (every problem of a
// schedule named by its path, participants checked to be agents), who is on call now and next,
// and the final schedule over a span (docs/oncall.md).

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Static } from "typebox";
import { compileSchedule, MAX_SPAN_DAYS, nextHandoff, onCallAt, ScheduleSpanError, shiftsBetween } from "../../../core/oncall/index.js";
import type { OnCallScheduleSpec } from "../../../core/oncall/schedule.js";
import { formatInstant, InvalidInstantError, parseInstant } from "../../../core/time/iso.js";
import type { Db } from "../../../store/database.js";
import { oncallScheduleStore } from "../../../store/entities.js";
import { deleteOncallSchedule, specOf, type OncallScheduleRow } from "../../../store/oncall.js";
import { checkOncallSchedule, createOncallSchedule } from "../../../commands/oncall/oncallSchedules.js";
import { badRequest, notFound } from "../../errors.js";
import { callerWith, now } from "../common/access.js";
import { entityRoutes } from "../common/entityRoutes.js";
import { errorResponses, IdParams, IfMatchHeaders, SECURITY } from "../common/schema.js";
import { expectedVersion } from "../common/versions.js";
import {
  CreateOncallScheduleBody,
  OncallNowResponse,
  OncallScheduleListQuery,
  OncallScheduleSchema,
  ShiftsQuery,
  ShiftsResponse,
  UpdateOncallScheduleBody,
} from "./schema.js";

const tags = ["oncall"];
const DAY = 86_400_000;

/** A schedule's JSON. */
export function presentOncallSchedule(row: OncallScheduleRow): Static<typeof OncallScheduleSchema> {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    layers: row.layers,
    overrides: row.overrides,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

const crud = entityRoutes({
  path: "/oncall-schedules",
  tag: "oncall",
  noun: "on-call schedule",
  store: oncallScheduleStore,
  read: "oncall.read",
  write: "oncall.write",
  schema: OncallScheduleSchema,
  present: presentOncallSchedule,
  listQuery: OncallScheduleListQuery,
  filters: () => ({}),
  createBody: CreateOncallScheduleBody,
  create: async (body, { db, now }) => {
    const spec = { timezone: body.timezone, layers: body.layers, overrides: body.overrides ?? [] } as OnCallScheduleSpec;
    return createOncallSchedule(db, { name: body.name, spec, now });
  },
  updateBody: UpdateOncallScheduleBody,
  update: async (id, changes, expected, { db, now }) => {
    if (changes.timezone !== undefined || changes.layers !== undefined || changes.overrides !== undefined) {
      const row = await oncallScheduleStore.get(db, id);
      if (!row) throw notFound(`on-call schedule ${id}`);
      const { timezone = row.timezone, layers = row.layers, overrides = row.overrides } = changes;
      await checkOncallSchedule(db, { timezone, layers, overrides } as OnCallScheduleSpec);
    }
    return oncallScheduleStore.update(db, id, changes as Partial<OncallScheduleRow>, now, expected);
  },
});

/** The stored schedule `id`, compiled, or a 404. */
async function storedSchedule(db: Db, id: string) {
  const row = await oncallScheduleStore.get(db, id);
  if (!row) throw notFound(`on-call schedule ${id}`);
  return compileSchedule(specOf(row));
}

function instantAt(text: string | undefined, path: string, fallback: number): number {
  if (text === undefined) return fallback;
  try {
    return parseInstant(text);
  } catch (error) {
    if (error instanceof InvalidInstantError) throw badRequest(path, error.message);
    throw error;
  }
}

/** Registers the on-call schedule routes. */
export const oncallScheduleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(crud);

  app.delete(
    "/oncall-schedules/:id",
    {
      schema: {
        tags,
        summary: "Delete an on-call schedule (teams using it have none after); If-Match makes it conditional",
        security: SECURITY,
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: { type: "null", description: "deleted" }, ...errorResponses },
      },
    },
    async (request, reply) => {
      callerWith(request, "oncall.write");
      await deleteOncallSchedule(request.server.database.db, request.params.id, expectedVersion(request, undefined));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/oncall-schedules/:id/now",
    {
      schema: {
        tags,
        summary: "Who is on call now, and the next hand-off",
        security: SECURITY,
        params: IdParams,
        response: { 200: OncallNowResponse, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "oncall.read");
      const schedule = await storedSchedule(request.server.database.db, request.params.id);
      const at = now(request).getTime();
      const next = nextHandoff(schedule, at);
      return {
        timezone: schedule.zone.name,
        at: formatInstant(at, schedule.zone),
        onCall: onCallAt(schedule, at),
        next: next ? { at: formatInstant(next.at, schedule.zone), onCall: next.who } : null,
      };
    },
  );

  app.get(
    "/oncall-schedules/:id/shifts",
    {
      schema: {
        tags,
        summary: "The final schedule over a span: who is on call from when to when",
        description: `Shifts cover [from, to) in order, nobody included (\`who: []\`), adjacent equal shifts merged; a span is at most ${MAX_SPAN_DAYS} days.`,
        security: SECURITY,
        params: IdParams,
        querystring: ShiftsQuery,
        response: { 200: ShiftsResponse, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "oncall.read");
      const schedule = await storedSchedule(request.server.database.db, request.params.id);
      const from = instantAt(request.query.from, "querystring.from", now(request).getTime());
      const to = instantAt(request.query.to, "querystring.to", from + 14 * DAY);
      try {
        const shifts = shiftsBetween(schedule, from, to);
        const local = (instant: number) => formatInstant(instant, schedule.zone);
        return {
          timezone: schedule.zone.name,
          from: local(from),
          to: local(to),
          shifts: shifts.map((s) => ({ start: local(s.start), end: local(s.end), who: s.who })),
        };
      } catch (error) {
        if (error instanceof ScheduleSpanError) throw badRequest("querystring.to", error.message);
        throw error;
      }
    },
  );
};
