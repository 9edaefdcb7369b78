// Phone calls as stored (docs/phone.md): each logged call beside the message that tells it, and
// the customer a number belongs to.

import { eq } from "drizzle-orm";
import type { Db } from "./database.js";
import { customers, phoneCalls } from "./schema.js";

export type PhoneCall = typeof phoneCalls.$inferSelect;

/** The first customer whose phone is `number` (as normalised), if any. */
export async function customerIdByPhone(db: Db, number: string): Promise<string | undefined> {
  const [found] = await db.select({ id: customers.id }).from(customers).where(eq(customers.phone, number)).orderBy(customers.createdAt).limit(1);
  return found?.id;
}

/** Stores one call. */
export async function insertCall(tx: Db, values: typeof phoneCalls.$inferInsert): Promise<PhoneCall> {
  const [row] = await tx.insert(phoneCalls).values(values).returning();
  if (!row) throw new Error("the call was not stored");
  return row;
}

/** The calls logged on a ticket, oldest first. */
export function callsOfTicket(db: Db, ticketNumber: number): Promise<PhoneCall[]> {
  return db.select().from(phoneCalls).where(eq(phoneCalls.ticketNumber, ticketNumber)).orderBy(phoneCalls.createdAt);
}
