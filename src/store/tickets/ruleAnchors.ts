// The instants time rules count from on every open ticket, with the calendar of its latest SLA
// clock (null: none, around the clock), for re-planning a saved time rule on all of them.

import { sql } from "drizzle-orm";
import type { Db } from "../database.js";
import { rowsOf } from "../sql/rows.js";

export interface TicketAnchors {
  number: number;
  createdAt: Date;
  updatedAt: Date;
  lastCustomerMessageAt: Date | null;
  lastAgentMessageAt: Date | null;
  calendarId: string | null;
}

/** Every ticket that is not closed, with its anchors; one query. */
export async function readOpenTicketAnchors(db: Db): Promise<TicketAnchors[]> {
  const result = await db.execute(sql`
    select t.number::text as number, t.created_at, t.updated_at, t.last_customer_message_at, t.last_agent_message_at,
           (select c.calendar_id from sla_clocks c where c.ticket_number = t.number order by c.started_at desc limit 1) as calendar_id
      from tickets t where t.status <> 'closed'`);
  const at = (v: Date | string | null) => (v === null ? null : new Date(v));
  return rowsOf<{
    number: string;
    created_at: Date | string;
    updated_at: Date | string;
    last_customer_message_at: Date | string | null;
    last_agent_message_at: Date | string | null;
    calendar_id: string | null;
  }>(result).map((r) => ({
    number: Number(r.number),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    lastCustomerMessageAt: at(r.last_customer_message_at),
    lastAgentMessageAt: at(r.last_agent_message_at),
    calendarId: r.calendar_id,
  }));
}
