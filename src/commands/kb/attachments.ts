// Files attached to an article's language version: attached and removed as one change each,
// the version's search vector rebuilt with the file's words so that search finds them.

import { createHash } from "node:crypto";
import type { KbLanguage } from "../../core/kb/article.js";
import { attachmentText, validateAttachment } from "../../core/kb/attachment.js";
import { lockArticle, refreshSearchVector, rememberWords, translationsOf } from "../../store/kb.js";
import { countKbAttachments, deleteKbAttachment, insertKbAttachment, type KbAttachmentInfo } from "../../store/kbAttachments.js";
import { NotFoundError } from "../../store/errors.js";
import type { Work } from "../work.js";

/** A file to attach to the `language` version of the article `articleId`. */
export interface AttachFileProps {
  articleId: string;
  language: KbLanguage;
  /** As uploaded; a path is cut to its last part. */
  filename: string;
  /** As declared by the upload; guessed from the name when absent. */
  contentType: string | undefined;
  content: Buffer;
}

/** Attaches a file to a version (a draft's too: it is public once the version is published). */
export async function attachFile(work: Work, props: AttachFileProps): Promise<KbAttachmentInfo> {
  if (!(await lockArticle(work.tx, props.articleId))) throw new NotFoundError("article", props.articleId);
  const version = (await translationsOf(work.tx, [props.articleId])).find((t) => t.language === props.language);
  if (!version) throw new NotFoundError("article version", `${props.articleId}/${props.language}`);
  const existing = await countKbAttachments(work.tx, version.id);
  const { filename, contentType } = validateAttachment({ filename: props.filename, contentType: props.contentType, size: props.content.length }, existing);
  const searchText = attachmentText(filename, contentType, props.content);
  const file = await insertKbAttachment(work.tx, {
    translationId: version.id,
    filename,
    contentType,
    content: props.content,
    sha256: createHash("sha256").update(props.content).digest("hex"),
    searchText,
    now: work.now,
  });
  await refreshSearchVector(work.tx, version.id);
  await rememberWords(work.tx, searchText);
  return file;
}

/** Removes a file from one of the article's versions, and its words from the version's search. */
export async function removeFile(work: Work, props: { articleId: string; attachmentId: string }): Promise<void> {
  if (!(await lockArticle(work.tx, props.articleId))) throw new NotFoundError("article", props.articleId);
  const translationId = await deleteKbAttachment(work.tx, props.articleId, props.attachmentId);
  if (translationId === undefined) throw new NotFoundError("attachment", props.attachmentId);
  await refreshSearchVector(work.tx, translationId);
}
