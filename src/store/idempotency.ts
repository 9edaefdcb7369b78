// Idempotency keys: the first answer to a POST, kept per caller and key, so that a retry gets
// that answer again instead of doing the work twice.

import { and, eq, lt } from "drizzle-orm";
import type { Db } from "./database.js";
import { idempotencyKeys } from "./schema.js";

/** A request made with a key, and (once it succeeded) its answer. */
export interface IdempotentRequest {
  /** Who asked: `agent:<id>` or `customer:<id>`; keys are per principal. */
  principal: string;
  key: string;
  method: string;
  path: string;
  /** A hash of the method, path and body: the same key with another request is refused. */
  requestHash: string;
}

export interface StoredAnswer {
  method: string;
  path: string;
  requestHash: string;
  status: number;
  body: unknown;
}

/**
 * Runs `work` at most once per (principal, key). In one transaction: claims the key (a
 * concurrent request with the same key waits for this one to commit), runs `work` and saves
 * its answer. Returns `{replayed}` with the stored answer when the key was already used;
 * if `work` throws, nothing is saved and the key stays free.
 */
export async function runOnce<T extends { status: number; body: unknown }>(
  db: Db,
  request: IdempotentRequest,
  now: Date,
  work: (tx: Db) => Promise<T>,
): Promise<{ fresh: T } | { replayed: StoredAnswer }> {
  return db.transaction(async (raw) => {
    const tx = raw as unknown as Db;
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ ...request, status: 0, body: {}, createdAt: now })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [stored] = await tx
        .select({
          method: idempotencyKeys.method,
          path: idempotencyKeys.path,
          requestHash: idempotencyKeys.requestHash,
          status: idempotencyKeys.status,
          body: idempotencyKeys.body,
        })
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.principal, request.principal), eq(idempotencyKeys.key, request.key)));
      if (stored) return { replayed: stored };
    }
    const fresh = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ status: fresh.status, body: fresh.body as Record<string, unknown> })
      .where(and(eq(idempotencyKeys.principal, request.principal), eq(idempotencyKeys.key, request.key)));
    return { fresh };
  });
}

/** Forgets keys used before `before` (a retry window of a day is plenty); returns how many. */
export async function purgeIdempotencyKeys(db: Db, before: Date): Promise<number> {
  const deleted = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).returning({ key: idempotencyKeys.key });
  return deleted.length;
}
