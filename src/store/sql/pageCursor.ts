// Keyset pages over bigint ids, newest first: the cursor is the last id of the previous page,
// opaque to clients.

import { InvalidReferenceError } from "../errors.js";

/** One page of a list and the cursor of the next (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A page cursor: the last id of the previous page. */
export function encodeIdCursor(id: number): string {
  return Buffer.from(String(id)).toString("base64url");
}

/** The id in a cursor; InvalidReferenceError (path `cursor`) when it is not one of ours. */
export function decodeIdCursor(cursor: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const id = Number(text);
  if (!/^[1-9]\d{0,15}$/.test(text) || !Number.isSafeInteger(id)) throw new InvalidReferenceError("cursor", "is not a cursor from a previous page");
  return id;
}
