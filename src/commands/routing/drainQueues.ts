// Handing waiting tickets to whoever has become available (back from out of office, a ticket
// solved, their working hours begun): each team's queue oldest first, through routeTicket.
// Tickets another transaction holds are left for the next drain, never waited for.

import { lockQueuedTicket, teamQueue, teamsWithQueue } from "../../store/routing.js";
import type { Work } from "../work.js";
import { routeTicket } from "./routeTicket.js";

export interface DrainQueuesProps {
  /** Only this team's queue; absent: every team with tickets waiting. */
  teamId?: string | undefined;
  /** At most this many waiting tickets per team in this unit of work (default 100). */
  limit?: number;
}

/** Routes the waiting tickets of the teams' queues, oldest first; returns how many found an agent. */
export async function drainQueues(work: Work, props: DrainQueuesProps = {}): Promise<number> {
  const teamIds = props.teamId ? [props.teamId] : await teamsWithQueue(work.tx);
  let assigned = 0;
  for (const teamId of teamIds) {
    for (const waiting of await teamQueue(work.tx, teamId, props.limit ?? 100)) {
      const ticket = await lockQueuedTicket(work.tx, waiting.number);
      if (!ticket) continue;
      const routed = await routeTicket(work, { ticket });
      if (routed.outcome === "assigned") assigned += 1;
    }
  }
  return assigned;
}
