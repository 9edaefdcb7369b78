// The knowledge base as stored: categories, articles and their language versions, the words
// typo tolerance corrects to, and the searches and reads the manager report counts. Search is
// one SQL statement that runs the same on PGlite and PostgreSQL (docs/knowledge-base.md).

import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { KB_LANGUAGES, type KbLanguage, type KbStatus } from "../core/kb/article.js";
import { MARK_END, MARK_START, queryTerms, snippetHtml } from "../core/kb/markdown.js";
import type { Db } from "./database.js";
import { kbArticles, kbCategories, kbReads, kbSearches, kbTranslations } from "./schema.js";
import { pgTextArray } from "./sql/pgArray.js";
import { selectRows } from "./sql/rows.js";

/** The text-search configuration of each language: its stemmer after accent folding (migration 0010). */
const CONFIG: Record<KbLanguage, string> = { fr: "kb_french", nl: "kb_dutch", en: "kb_english" };

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

/** Adds a text's words, accents folded, to the words typo tolerance corrects to. */
export async function rememberWords(db: Db, text: string): Promise<void> {
  await db.execute(sql`
    insert into kb_words (word)
    select distinct w from regexp_split_to_table(lower(unaccent(${text})), '[^a-z0-9]+') as w
    where length(w) between 3 and 40
    on conflict do nothing`);
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

// ── search ──────────────────────────────────────────────────────────────────────────────────

/**
 * For each query word (accents folded), the article word it most likely misspells, when the
 * word itself appears in no article: the most similar by trigrams, at least `threshold` (0.3 or
 * more: candidates come from the trigram index's `%`, whose own threshold is pg_trgm's 0.3),
 * ties going to the first in alphabetical order.
 */
export async function correctTerms(db: Db, terms: readonly string[], threshold = 0.5): Promise<Map<string, string>> {
  const candidates = terms.filter((t) => t.length >= 4);
  if (candidates.length === 0) return new Map();
  // A word the articles have is its own answer; only the others are looked up by trigrams.
  const rows = await selectRows<{ term: string; folded: string; fix: string | null }>(
    db,
    sql`with t as materialized (select term, lower(unaccent(term)) as folded from unnest(${pgTextArray(candidates)}::text[]) as t(term))
        select t.term, t.folded,
          case when exists (select 1 from kb_words w where w.word = t.folded) then t.folded
          else (select w.word from kb_words w
                where w.word % t.folded and similarity(w.word, t.folded) >= ${threshold}
                order by similarity(w.word, t.folded) desc, w.word limit 1) end as fix
        from t`,
  );
  const fixes = new Map<string, string>();
  for (const row of rows) if (row.fix !== null && row.fix !== row.folded) fixes.set(row.term, row.fix);
  return fixes;
}

/** A tsquery literal matching `term` as a prefix: `'term':*`, quotes doubled (terms are letters, digits and apostrophes). */
function prefixLiteral(term: string): string {
  return `'${term.replace(/'/g, "''").replace(/\\/g, "")}':*`;
}

/**
 * The configuration of a language as a literal: parsed into a constant, so that the tsquery
 * built from it is folded once when the statement is planned (a parameter cast to `regconfig`
 * is not, and the query would be parsed and stemmed again for every row).
 */
function configLiteral(language: KbLanguage): SQL {
  return sql.raw(`'${CONFIG[language]}'::regconfig`);
}

/** The tsquery of `terms` in one language: each word or its correction, all (`&&`) or any (`||`). */
function termsQuery(language: KbLanguage, terms: readonly string[], fixes: ReadonlyMap<string, string>, any: boolean): SQL {
  const config = configLiteral(language);
  const parts = terms.map((term) => {
    const fix = fixes.get(term);
    // A word of five letters or more also matches as a prefix: the head of a Dutch compound
    // ("rolstoel" in "rolstoelgebruikers"), a word still being typed.
    const word = term.length >= 5 ? sql`to_tsquery(${config}, ${prefixLiteral(term)})` : sql`plainto_tsquery(${config}, ${term})`;
    return fix === undefined ? word : sql`(${word} || plainto_tsquery(${config}, ${fix}))`;
  });
  return sql`(${sql.join(parts, any ? sql` || ` : sql` && `)})`;
}

export interface KbHit {
  translationId: string;
  articleId: string;
  slug: string;
  title: string;
  language: KbLanguage;
  /** The category's slug. */
  category: string | null;
  /** Plain text with the highlights between MARK_START and MARK_END; not yet escaped. */
  snippet: string;
  rank: number;
}

export interface KbSearch {
  terms: readonly string[];
  fixes: ReadonlyMap<string, string>;
  /** The reader's language: its versions come first, and an article is shown in it when it matched there. */
  language: KbLanguage;
  limit: number;
  /** `any`: a version matching any word (free text); otherwise every word. */
  any: boolean;
  /** Staff search drafts too. */
  includeDrafts?: boolean;
}

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Published versions (and drafts, for staff) matching the words, one per article (the reader's
 * language, else the article's fallback, else another that matched), the reader's language
 * first, then by rank; each with a highlighted snippet.
 *
 * Where the time goes, and why it is written so (BENCHMARKS.md): each language's tsquery is
 * built once (`q`), not once per row; the versions are found by one GIN index scan on the three
 * queries OR-ed together, then each kept only when its own language's query matches; only those
 * matches are ranked (their vectors stay in the row, `STORAGE MAIN`, so ranking does not read
 * TOAST); snippets are cut only for the page shown.
 */
export async function searchKb(db: Db, input: KbSearch): Promise<KbHit[]> {
  if (input.terms.length === 0 || input.limit <= 0) return [];
  const query = {
    fr: termsQuery("fr", input.terms, input.fixes, input.any),
    nl: termsQuery("nl", input.terms, input.fixes, input.any),
    en: termsQuery("en", input.terms, input.fixes, input.any),
  };
  const published = input.includeDrafts ? sql`true` : sql`t.status = 'published'`;
  const literal = (language: KbLanguage) => sql.raw(`'${language}'`);
  const reader = input.language;
  const others = KB_LANGUAGES.filter((l) => l !== reader);
  // A version matches when its own language's query does; each language on its own index.
  const matches = (language: KbLanguage) => sql`(t.language = ${literal(language)} and t.search @@ ${query[language]})`;
  const rank = (languages: readonly KbLanguage[]) =>
    sql`ts_rank(t.search, case t.language ${sql.join(
      languages.map((l) => sql`when ${literal(l)} then ${query[l]}`),
      sql` `,
    )} end, 1)`;
  const headline = sql.join(
    KB_LANGUAGES.map((l) => sql`when ${literal(l)} then ts_headline(${configLiteral(l)}, t.body_text, ${query[l]}, ${HEADLINE})`),
    sql` `,
  );
  return selectRows<KbHit>(
    db,
    sql`with mine as (
        -- The articles that matched in the reader's language, shown in it: the best of them.
        select t.id, t.article_id, t.language, t.slug, ${rank([reader])} as rank
        from kb_translations t
        where ${matches(reader)} and ${published}
        order by rank desc, t.slug limit ${input.limit}
      ),
      others as (
        -- The articles that did not: each in its fallback language when that matched, else
        -- another; the best of them.
        select * from (
          select distinct on (t.article_id) t.id, t.article_id, t.language, t.slug, ${rank(others)} as rank
          from kb_translations t join kb_articles a on a.id = t.article_id
          where (${sql.join(others.map(matches), sql` or `)}) and ${published}
            and not exists (
              select 1 from kb_translations r
              where r.article_id = t.article_id and r.language = ${literal(reader)} and r.search @@ ${query[reader]}
                and ${input.includeDrafts ? sql`true` : sql`r.status = 'published'`})
          order by t.article_id, (t.language = a.fallback_language) desc, t.language
        ) o
        order by rank desc, slug limit ${input.limit}
      ),
      top as (select * from mine union all select * from others)
      select top.id as "translationId", top.article_id as "articleId", top.slug, t.title, top.language, c.slug as category,
        case t.language ${headline} end as snippet,
        top.rank::float8 as rank
      from top join kb_translations t on t.id = top.id join kb_articles a on a.id = top.article_id left join kb_categories c on c.id = a.category_id
      order by (top.language = ${literal(reader)}) desc, top.rank desc, top.slug
      limit ${input.limit}`,
  );
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
 * (`any` false: a search box) or any (`any` true: free text from a contact form or a ticket).
 */
export async function searchArticles(
  db: Db,
  input: { text: string; language: KbLanguage; limit: number; any: boolean; includeDrafts?: boolean },
): Promise<KbResult[]> {
  const terms = queryTerms(input.text);
  if (terms.length === 0) return [];
  const fixes = await correctTerms(db, terms);
  const hits = await searchKb(db, { terms, fixes, language: input.language, limit: input.limit, any: input.any, includeDrafts: input.includeDrafts ?? false });
  return hits.map((h) => ({
    id: h.articleId,
    articleId: h.articleId,
    slug: h.slug,
    title: h.title,
    snippet: snippetHtml(h.snippet),
    language: h.language,
    category: h.category,
  }));
}
