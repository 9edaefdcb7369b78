// A ticket's SLA clocks over HTTP: state, due time, business time elapsed and remaining, and
// the matrix's step timers. Staff only: a customer gets a 403 on their own ticket and, as for
// every ticket route, a 404 on anyone else's.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Static } from "typebox";
import type { TicketClock } from "../../../core/sla/clockView.js";
import { ticketClocks } from "../../../store/sla/ticketClockViews.js";
import { callerWith, forbidden, now } from "../common/access.js";
import { errorResponses, SECURITY } from "../common/schema.js";
import { NumberParams } from "../tickets/schema.js";
import { visibleTicket } from "../tickets/tickets.js";
import { ClockList } from "./clockSchema.js";

type ClockJson = Static<typeof ClockList>["items"][number];

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

/** A clock's JSON. */
export function presentClock(clock: TicketClock): ClockJson {
  return {
    target: clock.target,
    cycle: clock.cycle,
    policyId: clock.policyId,
    policyName: clock.policyName,
    state: clock.state,
    breached: clock.breached,
    startedAt: clock.startedAt.toISOString(),
    dueAt: iso(clock.dueAt),
    stoppedAt: iso(clock.stoppedAt),
    pauses: clock.pauses.map(([from, to]) => [from.toISOString(), iso(to)]),
    budgetSeconds: clock.budgetSeconds,
    elapsedSeconds: clock.elapsedSeconds,
    remainingSeconds: clock.remainingSeconds,
    lateBySeconds: clock.lateBySeconds,
    warningAt: iso(clock.warningAt),
    warning: clock.warning,
    timers: clock.timers.map((t) => ({
      stepId: t.stepId,
      kind: t.kind,
      level: t.level,
      dueAt: t.dueAt.toISOString(),
      state: t.state,
      firedAt: iso(t.firedAt),
      lagMs: t.lagMs,
    })),
  };
}

/** Registers GET /tickets/{number}/clocks. */
export const ticketClockRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/tickets/:number/clocks",
    {
      schema: {
        tags: ["tickets", "sla"],
        summary: "A ticket's SLA clocks and their step timers (staff only)",
        description: "`now` is the server's instant when it answered: with PALIER_CLOCK=manual it is not the wall clock.",
        security: SECURITY,
        params: NumberParams,
        response: { 200: ClockList, ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "tickets.read");
      const ticket = await visibleTicket(request, principal, request.params.number);
      if (principal.kind === "customer") throw forbidden("SLA clocks are for staff only");
      const at = now(request);
      const clocks = await ticketClocks(request.server.database.db, ticket.number, at);
      return { items: clocks.map(presentClock), now: at.toISOString() };
    },
  );
};
