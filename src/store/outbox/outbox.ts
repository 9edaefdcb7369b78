// The transactional outbox: notifications are written in the transaction of the change that
// caused them, and delivered afterwards by the delivery worker (src/engine/delivery).

import { sql } from "drizzle-orm";
import type { Db } from "../database.js";
import { outbox } from "../schema.js";
import { pgTextArray } from "../sql/pgArray.js";

export type OutboxRow = typeof outbox.$inferSelect;

export interface OutboxItem {
  kind: "email" | "webhook" | "inapp" | "social";
  ticketNumber?: number | null;
  agentId?: string | null;
  /** An e-mail address or a webhook URL; none for in-app. */
  address?: string | null;
  /**
   * email: {subject, text, html?, locale}; webhook: {body, secret} (the body is sent as JSON,
   * signed with the secret); inapp: {title, body, data?}; social: {network, body} (the body is
   * POSTed to the network's connector, signed with the network's secret when it is sent).
   */
  payload: Record<string, unknown>;
  /** Not before this instant (quiet hours); default: at once. */
  notBefore?: Date;
}

/** Channel the delivery worker listens on (PostgreSQL NOTIFY; PGlite notifies in process). */
export const OUTBOX_CHANNEL = "palier_outbox";

/** Writes notifications to deliver, in the caller's transaction, in one statement. */
export async function enqueue(tx: Db, items: readonly OutboxItem[], now: Date): Promise<void> {
  if (items.length === 0) return;
  // One array parameter per column: a handful of parameters whatever the number of rows.
  const column = (pick: (item: OutboxItem) => string | null) => pgTextArray(items.map(pick));
  const at = now.toISOString();
  // The insert and the wake-up notification in one round trip (the notification leaves at the commit).
  await tx.execute(sql`
    with queued as (insert into ${outbox} (kind, ticket_number, agent_id, address, payload, next_attempt_at, created_at)
    select o.kind, o.ticket_number, o.agent_id, o.address, o.payload::jsonb, greatest(coalesce(o.not_before, ${at}::timestamptz), ${at}::timestamptz), ${at}::timestamptz
    from unnest(
      ${column((item) => item.kind)}::text[],
      ${column((item) => (item.ticketNumber == null ? null : String(item.ticketNumber)))}::bigint[],
      ${column((item) => item.agentId ?? null)}::uuid[],
      ${column((item) => item.address ?? null)}::text[],
      ${column((item) => JSON.stringify(item.payload))}::text[],
      ${column((item) => item.notBefore?.toISOString() ?? null)}::timestamptz[]
    ) as o(kind, ticket_number, agent_id, address, payload, not_before))
    select pg_notify(${OUTBOX_CHANNEL}, '')`);
}
