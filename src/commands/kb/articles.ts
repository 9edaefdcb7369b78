// Writing the knowledge base: an article with its language versions, as one change, and
// categories. Every problem is a named error with its field path; nothing is half written.

import { type ArticleInput, type KbLanguage, KbInvalid, type KbProblem, KB_LANGUAGES, validateArticle, validateCategory } from "../../core/kb/article.js";
import { markdownText } from "../../core/kb/markdown.js";
import {
  articleById,
  categoryById,
  categoryBySlug,
  deleteTranslation,
  insertArticle,
  insertCategory,
  type KbArticleRow,
  type KbCategoryRow,
  type KbTranslationRow,
  lockArticle,
  releaseSlugs,
  translationBySlug,
  translationsOf,
  updateArticle,
  upsertTranslation,
} from "../../store/kb.js";
import { NotFoundError } from "../../store/errors.js";
import type { Work } from "../work.js";

/** An article as written: its category, fallback language and every language version it has. */
export interface ArticleProps extends ArticleInput {
  categoryId: string | null;
}

/** An article with its versions, as stored. */
export interface StoredArticle {
  article: KbArticleRow;
  translations: KbTranslationRow[];
}

async function checkReferences(work: Work, props: ArticleProps, articleId: string | null): Promise<void> {
  const problems: KbProblem[] = [];
  if (props.categoryId !== null && !(await categoryById(work.tx, props.categoryId))) {
    problems.push({ path: "categoryId", code: "kb_unknown_category", message: `there is no category ${props.categoryId}`, params: { id: props.categoryId } });
  }
  const slugs = new Map<string, number>();
  for (const [i, t] of props.translations.entries()) {
    const earlier = slugs.get(t.slug);
    const taken = earlier !== undefined || (await translationBySlug(work.tx, t.slug).then((row) => row !== undefined && row.articleId !== articleId));
    if (taken)
      problems.push({ path: `translations[${i}].slug`, code: "kb_slug_taken", message: `the address ${t.slug} is already used`, params: { slug: t.slug } });
    slugs.set(t.slug, i);
  }
  if (problems.length > 0) throw new KbInvalid(problems);
}

async function writeVersions(work: Work, articleId: string, props: ArticleProps): Promise<void> {
  for (const t of props.translations) {
    await upsertTranslation(work.tx, {
      articleId,
      language: t.language,
      slug: t.slug,
      title: t.title.trim(),
      body: t.body,
      bodyText: markdownText(t.body),
      status: t.status,
      now: work.now,
    });
  }
}

/** Creates an article with its language versions. */
export async function createArticle(work: Work, props: ArticleProps): Promise<StoredArticle> {
  validateArticle(props);
  await checkReferences(work, props, null);
  const article = await insertArticle(work.tx, { categoryId: props.categoryId, fallbackLanguage: props.fallbackLanguage, now: work.now });
  await writeVersions(work, article.id, props);
  return { article, translations: await translationsOf(work.tx, [article.id]) };
}

/**
 * Replaces an article: its category, fallback language and versions as given; a version not
 * given any more is removed. A slug may move from one version of the article to another.
 */
export async function replaceArticle(work: Work, id: string, props: ArticleProps): Promise<StoredArticle> {
  if (!(await lockArticle(work.tx, id))) throw new NotFoundError("article", id);
  validateArticle(props);
  await checkReferences(work, props, id);
  await updateArticle(work.tx, id, { categoryId: props.categoryId, fallbackLanguage: props.fallbackLanguage, now: work.now });
  const kept = new Set<KbLanguage>(props.translations.map((t) => t.language));
  for (const language of KB_LANGUAGES) if (!kept.has(language)) await deleteTranslation(work.tx, id, language);
  // Slugs are unique across versions: free them all before writing, so two versions may swap theirs.
  await releaseSlugs(work.tx, id);
  await writeVersions(work, id, props);
  return { article: (await articleById(work.tx, id))!, translations: await translationsOf(work.tx, [id]) };
}

/** Creates a category, named in every language. */
export async function createCategory(
  work: Work,
  props: { slug: string; names: Partial<Record<KbLanguage, string>>; position?: number },
): Promise<KbCategoryRow> {
  validateCategory(props);
  if (await categoryBySlug(work.tx, props.slug))
    throw new KbInvalid([{ path: "slug", code: "kb_slug_taken", message: `the address ${props.slug} is already used`, params: { slug: props.slug } }]);
  const names = Object.fromEntries(KB_LANGUAGES.map((l) => [l, props.names[l]!.trim()]));
  return insertCategory(work.tx, { slug: props.slug, names, position: props.position ?? 0, now: work.now });
}
