// The tag catalogue: the tags agents pick from, with an optional colour. Names are stored as
// tickets store them (trimmed, lower-cased).

import { and, asc, gt, ilike, type SQL } from "drizzle-orm";
import type { Db } from "./database.js";
import { DuplicateError, InvalidReferenceError } from "./errors.js";
import { pgErrorOf } from "./pgError.js";
import { tags } from "./schema.js";

export type Tag = typeof tags.$inferSelect;

/** A tag name as tickets carry it: trimmed and lower-cased. */
export function tagName(name: string): string {
  return name.trim().toLowerCase();
}

/** Adds a tag to the catalogue; DuplicateError when the name is taken. */
export async function createTag(db: Db, props: { name: string; color?: string | null; now: Date }): Promise<Tag> {
  const name = tagName(props.name);
  if (name === "") throw new InvalidReferenceError("name", "must not be blank");
  try {
    const [row] = await db
      .insert(tags)
      .values({ name, color: props.color ?? null, createdAt: props.now })
      .returning();
    return row as Tag;
  } catch (error) {
    if (pgErrorOf(error)?.code === "23505") throw new DuplicateError("name", "is already taken");
    throw error;
  }
}

/** Tags by name, `limit` (1–200, default 50) at a time, optionally matching `q`. */
export async function listTags(db: Db, props: { limit?: number; cursor?: string; q?: string } = {}): Promise<{ items: Tag[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(props.limit ?? 50, 1), 200);
  const conditions: SQL[] = [];
  if (props.q?.trim()) conditions.push(ilike(tags.name, `%${props.q.trim().replace(/[%_\\]/g, "\\$&")}%`));
  if (props.cursor !== undefined) conditions.push(gt(tags.name, decodeCursor(props.cursor)));
  const rows = await db
    .select()
    .from(tags)
    .where(and(...conditions))
    .orderBy(asc(tags.name))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? Buffer.from(last.name).toString("base64url") : null };
}

function decodeCursor(cursor: string): string {
  const name = Buffer.from(cursor, "base64url").toString("utf8");
  if (name === "" || name.includes("\u0000") || name.includes("\uFFFD")) throw new InvalidReferenceError("cursor", "is not a cursor from a previous page");
  return name;
}
