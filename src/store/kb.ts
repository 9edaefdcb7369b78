// The knowledge base as stored: categories, articles and their language versions, the words
// typo tolerance corrects to, and the searches and reads the manager report counts. Search is
// one SQL statement that runs the same on PGlite and PostgreSQL (docs/knowledge-base.md).

import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { KB_LANGUAGES, type KbLanguage, type KbStatus } from "../core/kb/article.js";
import { queryTerms, snippetHtml } from "../core/kb/markdown.js";
import type { Db } from "./database.js";
import { configLiteral, searchKb, termFacts } from "./kbSearch.js";
import { forgetTerms, type KnownTerms, recallTerms, rememberTerms } from "./kbTermCache.js";
import { kbArticles, kbCategories, kbReads, kbSearches, kbTranslations } from "./schema.js";
import { selectRows } from "./sql/rows.js";

export type KbCategoryRow = typeof kbCategories.$inferSelect;
export type KbArticleRow = typeof kbArticles.$inferSelect;
export type KbTranslationRow = typeof kbTranslations.$inferSelect;

// ── categories ──────────────────────────────────────────────────────────────────────────────

export async function insertCategory(db: Db, input: { slug: string; names: Record<string, string>; position: number; now: Date }): Promise<KbCategoryRow> {
  const [row] = await db
    .insert(kbCategories)
    .values({ slug: input.slug, names: input.names, position: input.position, createdAt: input.now, updatedAt: input.now })
    .returning();
  return row!;
}

export async function listCategories(db: Db): Promise<KbCategoryRow[]> {
  return db.select().from(kbCategories).orderBy(asc(kbCategories.position), asc(kbCategories.slug));
}

export async function categoryById(db: Db, id: string): Promise<KbCategoryRow | undefined> {
  const [row] = await db.select().from(kbCategories).where(eq(kbCategories.id, id));
  return row;
}

export async function categoryBySlug(db: Db, slug: string): Promise<KbCategoryRow | undefined> {
  const [row] = await db.select().from(kbCategories).where(eq(kbCategories.slug, slug));
  return row;
}

// ── articles and their versions ─────────────────────────────────────────────────────────────

export async function insertArticle(db: Db, input: { categoryId: string | null; fallbackLanguage: KbLanguage; now: Date }): Promise<KbArticleRow> {
  const [row] = await db
    .insert(kbArticles)
    .values({ categoryId: input.categoryId, fallbackLanguage: input.fallbackLanguage, createdAt: input.now, updatedAt: input.now })
    .returning();
  return row!;
}

/** Locks an article for a change; undefined when it does not exist. */
export async function lockArticle(db: Db, id: string): Promise<KbArticleRow | undefined> {
  const [row] = await db.select().from(kbArticles).where(eq(kbArticles.id, id)).for("update");
  return row;
}

export async function updateArticle(db: Db, id: string, input: { categoryId: string | null; fallbackLanguage: KbLanguage; now: Date }): Promise<void> {
  await db
    .update(kbArticles)
    .set({ categoryId: input.categoryId, fallbackLanguage: input.fallbackLanguage, updatedAt: input.now, version: sql`${kbArticles.version} + 1` })
    .where(eq(kbArticles.id, id));
}

export async function deleteArticle(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(kbArticles).where(eq(kbArticles.id, id)).returning({ id: kbArticles.id });
  return rows.length > 0;
}

/** The words of a version's attached files (weight C) in its configuration, read from `kb_attachments`. */
function attachmentsVector(config: SQL, translationId: SQL): SQL {
  return sql`setweight(to_tsvector(${config}, coalesce((select string_agg(f.search_text, ' ' order by f.created_at, f.id) from kb_attachments f where f.translation_id = ${translationId}), '')), 'C')`;
}

/** The search vector of a version: its title (weight A), body (B) and attached files (C), stemmed in its language. */
function searchVector(language: KbLanguage, title: string, bodyText: string, translationId: SQL | null): SQL {
  const config = configLiteral(language);
  const own = sql`setweight(to_tsvector(${config}, ${title}), 'A') || setweight(to_tsvector(${config}, ${bodyText}), 'B')`;
  return translationId === null ? own : sql`${own} || ${attachmentsVector(config, translationId)}`;
}

/** Builds a version's search vector again from what is stored: after a file is attached or removed. */
export async function refreshSearchVector(db: Db, translationId: string): Promise<void> {
  const byLanguage = KB_LANGUAGES.map(
    (language) => sql`when ${sql.raw(`'${language}'`)} then setweight(to_tsvector(${configLiteral(language)}, t.title), 'A')
      || setweight(to_tsvector(${configLiteral(language)}, t.body_text), 'B') || ${attachmentsVector(configLiteral(language), sql`t.id`)}`,
  );
  await db.execute(sql`update kb_translations t set search = case t.language ${sql.join(byLanguage, sql` `)} end where t.id = ${translationId}`);
}

export interface TranslationWrite {
  articleId: string;
  language: KbLanguage;
  slug: string;
  title: string;
  body: string;
  bodyText: string;
  status: KbStatus;
  now: Date;
}

/** Writes one language version (new or replaced), with its search vector and its words. */
export async function upsertTranslation(db: Db, input: TranslationWrite): Promise<KbTranslationRow> {
  const search = searchVector(input.language, input.title, input.bodyText, null);
  const publishedAt = input.status === "published" ? input.now : null;
  const [row] = await db
    .insert(kbTranslations)
    .values({
      articleId: input.articleId,
      language: input.language,
      slug: input.slug,
      title: input.title,
      body: input.body,
      bodyText: input.bodyText,
      status: input.status,
      search,
      publishedAt,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .onConflictDoUpdate({
      target: [kbTranslations.articleId, kbTranslations.language],
      set: {
        slug: input.slug,
        title: input.title,
        body: input.body,
        bodyText: input.bodyText,
        status: input.status,
        // A version written again keeps its files, and their words.
        search: searchVector(input.language, input.title, input.bodyText, sql`${kbTranslations.id}`),
        // First published stays first published; a version taken back to draft loses it.
        publishedAt: input.status === "published" ? sql`coalesce(${kbTranslations.publishedAt}, ${input.now.toISOString()}::timestamptz)` : null,
        updatedAt: input.now,
        version: sql`${kbTranslations.version} + 1`,
      },
    })
    .returning();
  await rememberWords(db, `${input.title}\n${input.bodyText}`);
  return row!;
}

/**
 * Adds a text's words, accents folded, to the words typo tolerance corrects to; when any is new,
 * the vocabulary's generation moves on, so that every process reads its corrections again. A
 * generation is a random number rather than a count: a count could come back (a database
 * restored from a backup, or emptied) and a process would take the words it remembered at that
 * count for today's.
 */
export async function rememberWords(db: Db, text: string): Promise<void> {
  await db.execute(sql`
    with added as (
      insert into kb_words (word)
      select distinct w from regexp_split_to_table(lower(unaccent(${text})), '[^a-z0-9]+') as w
      where length(w) between 3 and 40
      on conflict do nothing
      returning 1)
    update kb_vocabulary set generation = 1 + floor(random() * 9007199254740990)::int8
    where id = 1 and exists (select 1 from added)`);
  forgetTerms(db);
}

export async function deleteTranslation(db: Db, articleId: string, language: KbLanguage): Promise<boolean> {
  const rows = await db
    .delete(kbTranslations)
    .where(and(eq(kbTranslations.articleId, articleId), eq(kbTranslations.language, language)))
    .returning({ id: kbTranslations.id });
  return rows.length > 0;
}

/** Gives an article's versions placeholder slugs (`~<id>`, which no slug can be), until they are written again. */
export async function releaseSlugs(db: Db, articleId: string): Promise<void> {
  await db
    .update(kbTranslations)
    .set({ slug: sql`'~' || ${kbTranslations.id}::text` })
    .where(eq(kbTranslations.articleId, articleId));
}

export async function articleById(db: Db, id: string): Promise<KbArticleRow | undefined> {
  const [row] = await db.select().from(kbArticles).where(eq(kbArticles.id, id));
  return row;
}

export async function translationsOf(db: Db, articleIds: readonly string[]): Promise<KbTranslationRow[]> {
  if (articleIds.length === 0) return [];
  return db
    .select()
    .from(kbTranslations)
    .where(inArray(kbTranslations.articleId, [...articleIds]))
    .orderBy(asc(kbTranslations.language));
}

export async function translationBySlug(db: Db, slug: string): Promise<KbTranslationRow | undefined> {
  const [row] = await db.select().from(kbTranslations).where(eq(kbTranslations.slug, slug));
  return row;
}

/** Articles, most recently changed first (at most `limit`), optionally of one category. */
export async function listArticles(db: Db, input: { categoryId?: string; limit: number }): Promise<KbArticleRow[]> {
  const where = input.categoryId ? eq(kbArticles.categoryId, input.categoryId) : undefined;
  return db.select().from(kbArticles).where(where).orderBy(desc(kbArticles.updatedAt), asc(kbArticles.id)).limit(input.limit);
}

// ── what the manager report counts ──────────────────────────────────────────────────────────

export async function logSearch(db: Db, input: { query: string; language: KbLanguage; kind: "search" | "suggest"; hits: number; at: Date }): Promise<string> {
  const [row] = await db.insert(kbSearches).values(input).returning({ id: kbSearches.id });
  return row!.id;
}

export async function logRead(db: Db, translationId: string, at: Date): Promise<void> {
  await db.insert(kbReads).values({ translationId, at });
}

/** Searches since `since` that found nothing, most frequent first, per language (the query as typed, case folded). */
export async function unansweredSearches(db: Db, since: Date, limit: number): Promise<{ query: string; language: string; count: number; lastAt: Date }[]> {
  const rows = await selectRows<{ query: string; language: string; count: string | number; last_at: string | Date }>(
    db,
    sql`select lower(trim(query)) as query, language, count(*) as count, max(at) as last_at
        from kb_searches where hits = 0 and at >= ${since.toISOString()}::timestamptz
        group by lower(trim(query)), language
        order by count(*) desc, max(at) desc, lower(trim(query))
        limit ${limit}`,
  );
  return rows.map((r) => ({ query: r.query, language: r.language, count: Number(r.count), lastAt: new Date(r.last_at) }));
}

/** Article versions read since `since`, most read first. */
export async function mostRead(
  db: Db,
  since: Date,
  limit: number,
): Promise<{ articleId: string; slug: string; title: string; language: string; reads: number }[]> {
  const rows = await selectRows<{ article_id: string; slug: string; title: string; language: string; reads: string | number }>(
    db,
    sql`select t.article_id, t.slug, t.title, t.language, count(*) as reads
        from kb_reads r join kb_translations t on t.id = r.translation_id
        where r.at >= ${since.toISOString()}::timestamptz
        group by t.id, t.article_id, t.slug, t.title, t.language
        order by count(*) desc, t.slug
        limit ${limit}`,
  );
  return rows.map((r) => ({ articleId: r.article_id, slug: r.slug, title: r.title, language: r.language, reads: Number(r.reads) }));
}

// ── search as the API answers it ────────────────────────────────────────────────────────────

/** A hit as sent: the snippet as HTML whose only markup is `<mark>`. */
export interface KbResult {
  id: string;
  articleId: string;
  slug: string;
  title: string;
  snippet: string;
  language: KbLanguage;
  category: string | null;
}

/**
 * Searches for `text`: its words (typos corrected to words the articles have), every word
 * (`any` false: a search box) or any (`any` true: free text from a contact form or a ticket,
 * those matching two words or more first). Words already looked up at the vocabulary's current
 * generation are not looked up again (`kbTermCache.ts`): a search is then one statement.
 */
export async function searchArticles(
  db: Db,
  input: { text: string; language: KbLanguage; limit: number; any: boolean; includeDrafts?: boolean },
): Promise<KbResult[]> {
  const terms = queryTerms(input.text);
  if (terms.length === 0) return [];
  const search = (known: KnownTerms) =>
    searchKb(db, { terms, facts: known.facts, language: input.language, limit: input.limit, any: input.any, includeDrafts: input.includeDrafts ?? false });
  let known = recallTerms(db, terms);
  if (known === undefined) {
    known = await termFacts(db, terms);
    rememberTerms(db, known);
  }
  let found = await search(known);
  if (found.generation !== known.generation) {
    // Words were added since these were read (by this process or another): read them again.
    forgetTerms(db);
    known = await termFacts(db, terms);
    rememberTerms(db, known);
    found = await search(known);
  }
  return found.hits.map((h) => ({
    id: h.articleId,
    articleId: h.articleId,
    slug: h.slug,
    title: h.title,
    snippet: snippetHtml(h.snippet),
    language: h.language,
    category: h.category,
  }));
}
