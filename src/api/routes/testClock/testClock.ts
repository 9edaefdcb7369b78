// The server's clock over HTTP. `GET /test/clock` answers the current instant of the clock the
// whole server runs on. With PALIER_CLOCK=manual (the server runs on a ManualClock) an admin can
// move it with `POST /test/clock`, forward only: end-to-end tests fast-forward SLA deadlines.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { parseInstant } from "../../../core/calendar/index.js";
import { ManualClock } from "../../../core/clock.js";
import { badRequest } from "../../errors.js";
import { forbidden } from "../common/access.js";
import { errorResponses, SECURITY } from "../common/schema.js";
import { parseDuration } from "./isoDuration.js";
import { ClockAnswer, MoveClockBody } from "./schema.js";

const tags = ["test"];

/** Registers GET /test/clock, and POST when the server runs on a manual clock. */
export const testClockRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const clock = app.clock;
  const manual = clock instanceof ManualClock;

  app.get(
    "/test/clock",
    {
      schema: {
        tags,
        summary: "The server's current instant (and whether its clock is manual)",
        security: SECURITY,
        response: { 200: ClockAnswer, ...errorResponses },
      },
    },
    async () => ({ now: clock.now().toISOString(), manual }),
  );

  if (!(clock instanceof ManualClock)) return;

  app.post(
    "/test/clock",
    {
      schema: {
        tags,
        summary: "Move the manual clock forward (PALIER_CLOCK=manual only; admins)",
        description:
          'Send {"advance": "PT30M"} (an ISO 8601 duration of days, hours, minutes, seconds) or {"set": "<ISO 8601 instant>"}; the clock never goes backwards.',
        security: SECURITY,
        body: MoveClockBody,
        response: { 200: ClockAnswer, ...errorResponses },
      },
    },
    async (request) => {
      // Every route here has a caller (401 before); only an admin moves time for everyone.
      const principal = request.principal;
      if (principal?.kind !== "agent" || principal.role !== "admin") throw forbidden("only an admin moves the clock");
      const { advance, set } = request.body;
      if ((advance === undefined) === (set === undefined)) throw badRequest(advance === undefined ? "advance" : "set", "give either advance or set");
      if (advance !== undefined) {
        const ms = parseDuration(advance);
        if (ms === undefined) throw badRequest("advance", `"${advance}" is not an ISO 8601 duration of days, hours, minutes and seconds (e.g. PT30M, P1DT2H)`);
        return { now: clock.advance(ms).toISOString(), manual };
      }
      let to: number;
      try {
        to = parseInstant(set as string);
      } catch (error) {
        throw badRequest("set", (error as Error).message);
      }
      const current = clock.now().getTime();
      if (to < current) throw badRequest("set", `is before the clock's current instant ${new Date(current).toISOString()}: the clock only moves forward`);
      return { now: clock.set(new Date(to)).toISOString(), manual };
    },
  );
};
