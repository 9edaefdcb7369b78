// What a dry run of a policy or calendar edit reads: the open tickets the edit may touch, first
// those with a live clock on the policy or calendar, and the ticket fields its answer shows.

import { sql } from "drizzle-orm";
import type { Db } from "../database.js";
import { selectRows } from "../sql/rows.js";

export interface TouchedProps {
  /** Tickets with a live clock on one of these policies… */
  policyIds: readonly string[];
  /** …or on this calendar… */
  calendarId: string | null;
  /** …then, when set, any other open ticket (an edit of what policies match on may reach them all). */
  everyOpen: boolean;
}

/** Up to `limit` open (neither solved nor closed) tickets an edit may touch, those with a live clock on it first, then by number. */
export async function openTicketsTouched(tx: Db, props: TouchedProps, limit: number): Promise<number[]> {
  const onIt = sql`exists (select 1 from sla_clocks c where c.ticket_number = t.number and c.state in ('running', 'paused')
    and (c.policy_id = any(${`{${props.policyIds.join(",")}}`}::uuid[]) or c.calendar_id = ${props.calendarId}::uuid))`;
  const rows = await selectRows<{ number: number }>(
    tx,
    sql`select t.number::int as number from tickets t
        where t.status not in ('solved', 'closed') and (${onIt} or ${props.everyOpen})
        order by ${onIt} desc, t.number limit ${limit}`,
  );
  return rows.map((r) => r.number);
}

/** The number, subject, assignee and team of some tickets. */
export async function impactTickets(
  tx: Db,
  numbers: readonly number[],
): Promise<{ number: number; subject: string; assigneeId: string | null; teamId: string | null }[]> {
  if (numbers.length === 0) return [];
  return selectRows(
    tx,
    sql`select number::int as number, subject, assignee_id::text as "assigneeId", team_id::text as "teamId"
        from tickets where number = any(${`{${numbers.join(",")}}`}::bigint[]) order by number`,
  );
}
