// In-app delivery: an `inapp` outbox row becomes a notification of its agent. The notification
// is inserted in the transaction that marks the row delivered, so a retried or doubly claimed
// row never shows twice; the insert publishes it to live streams on commit.

import type { Db } from "../../store/database.js";
import { type NewNotification, insertNotifications } from "../../store/notifications.js";
import type { OutboxRow } from "../../store/outbox/outbox.js";
import { markDelivered } from "../../store/outbox/outboxDelivery.js";
import { PermanentDeliveryError, requiredText } from "./deliveryError.js";

/** What became of a batch of in-app rows. */
export interface InappOutcome {
  delivered: number[];
  failed: { row: OutboxRow; error: unknown }[];
}

/** The notification an outbox row makes; PermanentDeliveryError when it cannot make one. */
export function notificationOf(row: OutboxRow): NewNotification {
  if (!row.agentId) throw new PermanentDeliveryError("the in-app notification has no agent (deleted?)");
  const data = row.payload.data;
  if (data !== undefined && data !== null && (typeof data !== "object" || Array.isArray(data)))
    throw new PermanentDeliveryError("the inapp payload's data is not an object");
  return {
    agentId: row.agentId,
    ticketNumber: row.ticketNumber,
    title: requiredText(row.payload, "title", "inapp"),
    body: typeof row.payload.body === "string" ? row.payload.body : "",
    ...(data ? { data: data as Record<string, unknown> } : {}),
  };
}

/** Delivers in-app rows: one transaction for the batch, one multi-row insert. */
export async function deliverInapp(db: Db, rows: readonly OutboxRow[], now: Date): Promise<InappOutcome> {
  const failed: InappOutcome["failed"] = [];
  const ready: { row: OutboxRow; notification: NewNotification }[] = [];
  for (const row of rows) {
    try {
      ready.push({ row, notification: notificationOf(row) });
    } catch (error) {
      failed.push({ row, error });
    }
  }
  if (ready.length === 0) return { delivered: [], failed };
  try {
    const delivered = await db.transaction(async (tx) => {
      const won = new Set(
        await markDelivered(
          tx,
          ready.map(({ row }) => ({ id: row.id, transport: "inapp" })),
          now,
        ),
      );
      await insertNotifications(
        tx,
        ready.filter(({ row }) => won.has(row.id)).map(({ notification }) => notification),
        now,
      );
      return [...won];
    });
    return { delivered, failed };
  } catch (error) {
    return { delivered: [], failed: [...failed, ...ready.map(({ row }) => ({ row, error }))] };
  }
}
