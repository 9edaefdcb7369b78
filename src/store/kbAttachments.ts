// Files attached to knowledge-base article versions, as stored: the bytes with their name, type,
// size and SHA-256 (as messages' files are, src/store/mail.ts), and the text search reads.

import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "./database.js";
import { kbAttachments, kbTranslations } from "./schema.js";

/** A file's description, without its bytes. */
export interface KbAttachmentInfo {
  id: string;
  translationId: string;
  filename: string;
  contentType: string;
  size: number;
  createdAt: Date;
}

/** A file with its bytes and what decides who may read it: its version's article and status. */
export interface KbAttachmentFile extends KbAttachmentInfo {
  content: Buffer;
  articleId: string;
  status: string;
}

const INFO = {
  id: kbAttachments.id,
  translationId: kbAttachments.translationId,
  filename: kbAttachments.filename,
  contentType: kbAttachments.contentType,
  size: kbAttachments.size,
  createdAt: kbAttachments.createdAt,
};

export async function insertKbAttachment(
  db: Db,
  input: { translationId: string; filename: string; contentType: string; content: Buffer; sha256: string; searchText: string; now: Date },
): Promise<KbAttachmentInfo> {
  const [row] = await db
    .insert(kbAttachments)
    .values({
      translationId: input.translationId,
      filename: input.filename,
      contentType: input.contentType,
      size: input.content.length,
      sha256: input.sha256,
      content: input.content,
      searchText: input.searchText,
      createdAt: input.now,
    })
    .returning(INFO);
  return row!;
}

/** The files of some versions, oldest first (their bytes are not read). */
export async function kbAttachmentsOf(db: Db, translationIds: readonly string[]): Promise<KbAttachmentInfo[]> {
  if (translationIds.length === 0) return [];
  return db
    .select(INFO)
    .from(kbAttachments)
    .where(inArray(kbAttachments.translationId, [...translationIds]))
    .orderBy(asc(kbAttachments.createdAt), asc(kbAttachments.id));
}

export async function countKbAttachments(db: Db, translationId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(kbAttachments).where(eq(kbAttachments.translationId, translationId));
  return Number(row?.n ?? 0);
}

/** A file with its bytes; undefined when there is none. */
export async function kbAttachmentById(db: Db, id: string): Promise<KbAttachmentFile | undefined> {
  const [row] = await db
    .select({ ...INFO, content: kbAttachments.content, articleId: kbTranslations.articleId, status: kbTranslations.status })
    .from(kbAttachments)
    .innerJoin(kbTranslations, eq(kbTranslations.id, kbAttachments.translationId))
    .where(eq(kbAttachments.id, id));
  return row;
}

/** Removes a file of one of the article's versions; the version it was on, or undefined when the article has no such file. */
export async function deleteKbAttachment(db: Db, articleId: string, id: string): Promise<string | undefined> {
  const [file] = await db
    .select({ translationId: kbAttachments.translationId })
    .from(kbAttachments)
    .innerJoin(kbTranslations, eq(kbTranslations.id, kbAttachments.translationId))
    .where(and(eq(kbAttachments.id, id), eq(kbTranslations.articleId, articleId)));
  if (!file) return undefined;
  await db.delete(kbAttachments).where(eq(kbAttachments.id, id));
  return file.translationId;
}
