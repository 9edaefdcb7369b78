// Calendar routes: list, create, read, conditional update (a change to a calendar that a policy
// runs on queues a recompute, whose id the answer carries), and the editor's preview.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type, type Static } from "typebox";
import { updateCalendar } from "../../../commands/sla/calendars.js";
import { inWork } from "../../../commands/work.js";
import { BusinessCalendar, InvalidCalendarError, InvalidInstantError, NoOpenTimeError, parseCalendar, parseInstant } from "../../../core/calendar/index.js";
import { calendarStore } from "../../../store/entities.js";
import { VersionConflictError } from "../../../store/errors.js";
import type { calendars } from "../../../store/schema.js";
import { badRequest, HttpError, notFound } from "../../errors.js";
import { actorOf, callerWith, now } from "../common/access.js";
import { errorResponses, IdParams, IfMatchHeaders, Page, SECURITY } from "../common/schema.js";
import { expectedVersion, setETag } from "../common/versions.js";
import { DryRunQuery, DryRunSchema, dryRun } from "../slaPolicies/dryRun.js";
import { previewCalendar } from "./preview.js";
import { CalendarListQuery, CalendarSchema, CalendarWriteSchema, CreateCalendarBody, PreviewBody, PreviewResponse, UpdateCalendarBody } from "./schema.js";

type CalendarRow = typeof calendars.$inferSelect;

const tags = ["calendars"];

/** A calendar's JSON. */
export function presentCalendar(row: CalendarRow): Static<typeof CalendarSchema> {
  return {
    id: row.id,
    name: row.name,
    spec: row.spec as Record<string, unknown>,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Compiles a spec sent at `path`, or a 400 naming each problem (`spec.hours.mon[1]`). */
export function compileSpec(spec: unknown, path = "spec"): BusinessCalendar {
  try {
    return new BusinessCalendar(parseCalendar(spec));
  } catch (error) {
    if (!(error instanceof InvalidCalendarError)) throw error;
    const details = error.issues.map(({ message, code, params, ...issue }) => ({
      path: issue.path ? `${path}.${issue.path}`.replace(/\.\[/g, "[") : path,
      message,
      code,
      ...(params ? { params } : {}),
    }));
    throw new HttpError(400, "invalid_request", details.map((d) => `${d.path}: ${d.message}`).join("; "), details);
  }
}

/** Registers the calendar routes. */
export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/calendars",
    {
      schema: {
        tags,
        summary: "List calendars, by name, a page at a time",
        security: SECURITY,
        querystring: CalendarListQuery,
        response: { 200: Page(CalendarSchema), ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "calendars.read");
      const { limit, cursor, q } = request.query;
      const page = await calendarStore.list(request.server.database.db, { limit, cursor, q });
      return { items: page.items.map(presentCalendar), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/calendars",
    {
      schema: {
        tags,
        summary: "Create a calendar (its spec validated, every problem named)",
        security: SECURITY,
        body: CreateCalendarBody,
        response: { 201: CalendarSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      callerWith(request, "calendars.write");
      compileSpec(request.body.spec);
      const row = await calendarStore.create(request.server.database.db, { name: request.body.name, spec: request.body.spec }, now(request));
      setETag(reply, row.version);
      reply.status(201);
      return presentCalendar(row);
    },
  );

  app.post(
    "/calendars/preview",
    {
      schema: {
        tags,
        summary: "Preview a calendar: due instants of a sample ticket for each budget, and the next openings",
        description: "Give `spec` (a draft) or `calendarId` (a stored calendar). Instants are in the calendar's time zone, with their offset.",
        security: SECURITY,
        body: PreviewBody,
        response: { 200: PreviewResponse, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "calendars.read");
      const { spec, calendarId, minutes, openings } = request.body;
      if ((spec === undefined) === (calendarId === undefined)) throw badRequest(spec === undefined ? "spec" : "calendarId", "give either spec or calendarId");
      let calendar: BusinessCalendar;
      if (calendarId !== undefined) {
        const row = await calendarStore.get(request.server.database.db, calendarId);
        if (!row) throw badRequest("calendarId", "refers to a calendar that does not exist");
        calendar = compileSpec(row.spec, "calendarId");
      } else {
        calendar = compileSpec(spec);
      }
      let start = now(request).getTime();
      if (request.body.start !== undefined) {
        try {
          start = parseInstant(request.body.start);
        } catch (error) {
          if (error instanceof InvalidInstantError) throw badRequest("start", error.message);
          throw error;
        }
      }
      try {
        return previewCalendar(calendar, start, minutes, openings);
      } catch (error) {
        if (error instanceof NoOpenTimeError || error instanceof RangeError) throw badRequest(calendarId !== undefined ? "calendarId" : "spec", error.message);
        throw error;
      }
    },
  );

  app.get(
    "/calendars/:id",
    {
      schema: {
        tags,
        summary: "Read a calendar (ETag: its version)",
        security: SECURITY,
        params: IdParams,
        response: { 200: CalendarSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      callerWith(request, "calendars.read");
      const row = await calendarStore.get(request.server.database.db, request.params.id);
      if (!row) throw notFound(`calendar ${request.params.id}`);
      setETag(reply, row.version);
      return presentCalendar(row);
    },
  );

  app.patch(
    "/calendars/:id",
    {
      schema: {
        tags,
        summary: "Change a calendar; If-Match (or version) makes it conditional",
        description:
          "When a policy runs on the calendar and its spec changes, the open tickets are recomputed in the background: `jobId` names that job. With `?dryRun=true`, the change is validated and checked as for real, and the answer is its impact on open tickets (`{ dryRun: true, impact }`); nothing is saved.",
        security: SECURITY,
        params: IdParams,
        headers: IfMatchHeaders,
        querystring: DryRunQuery,
        body: UpdateCalendarBody,
        response: { 200: Type.Union([CalendarWriteSchema, DryRunSchema]), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "calendars.write");
      const { id } = request.params;
      const { version, ...changes } = request.body;
      if (changes.spec !== undefined) compileSpec(changes.spec);
      const expected = expectedVersion(request, version);
      const db = request.server.database.db;
      if (request.query.dryRun) {
        return dryRun(db, { now: now(request), actor: actorOf(principal) }, async (work) => {
          const row =
            Object.keys(changes).length > 0
              ? (await updateCalendar(work, { id, changes, expectedVersion: expected })).result
              : await calendarStore.get(work.tx, id);
          if (!row) throw notFound(`calendar ${id}`);
          if (expected !== undefined && expected !== row.version && Object.keys(changes).length === 0)
            throw new VersionConflictError("calendar", id, expected, row.version);
          return { policyIds: [], calendarId: row.id, everyOpen: false };
        });
      }
      let written: { row: CalendarRow; jobId: string | null };
      if (Object.keys(changes).length === 0) {
        const row = await calendarStore.get(db, id);
        if (!row) throw notFound(`calendar ${id}`);
        if (expected !== undefined && expected !== row.version) throw new VersionConflictError("calendar", id, expected, row.version);
        written = { row, jobId: null };
      } else {
        const { result, jobId } = await inWork(db, { now: now(request), actor: actorOf(principal) }, (work) =>
          updateCalendar(work, { id, changes, expectedVersion: expected }),
        );
        written = { row: result, jobId };
      }
      setETag(reply, written.row.version);
      return { ...presentCalendar(written.row), jobId: written.jobId };
    },
  );
};
