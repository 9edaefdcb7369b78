// The transactional outbox: notifications are written in the transaction of the change that
// caused them, and delivered afterwards by the delivery worker (src/engine/delivery).

import { sql } from "drizzle-orm";
import type { Db } from "./database.js";
import { outbox } from "./schema.js";

export type OutboxRow = typeof outbox.$inferSelect;

export interface OutboxItem {
  kind: "email" | "webhook" | "inapp";
  ticketNumber?: number | null;
  agentId?: string | null;
  /** An e-mail address or a webhook URL; none for in-app. */
  address?: string | null;
  /**
   * email: {subject, text, html?, locale}; webhook: {body, secret} (the body is sent as JSON,
   * signed with the secret); inapp: {title, body, data?}.
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
  await tx.insert(outbox).values(
    items.map((item) => ({
      kind: item.kind,
      ticketNumber: item.ticketNumber ?? null,
      agentId: item.agentId ?? null,
      address: item.address ?? null,
      payload: item.payload,
      nextAttemptAt: item.notBefore && item.notBefore > now ? item.notBefore : now,
      createdAt: now,
    })),
  );
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
}
