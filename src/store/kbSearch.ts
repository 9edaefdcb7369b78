// Knowledge-base search in SQL, the same on PGlite and PostgreSQL: what each query word means
// (its correction by trigrams, its tsquery in each language), then the ranked versions with their
// snippets. Where the time goes and why it is written so: BENCHMARKS.md, docs/knowledge-base.md.

import { type SQL, sql } from "drizzle-orm";
import { KB_LANGUAGES, type KbLanguage } from "../core/kb/article.js";
import { MARK_END, MARK_START } from "../core/kb/markdown.js";
import type { Db } from "./database.js";
import type { KnownTerms, TermFacts } from "./kbTermCache.js";
import { pgTextArray } from "./sql/pgArray.js";
import { selectRows } from "./sql/rows.js";

/** The text-search configuration of each language: its stemmer after accent folding (migration 0010). */
const CONFIG: Record<KbLanguage, string> = { fr: "kb_french", nl: "kb_dutch", en: "kb_english" };

/**
 * The configuration of a language as a literal: parsed into a constant, so that the tsquery
 * built from it is folded once when the statement is planned (a parameter cast to `regconfig`
 * is not, and the query would be parsed and stemmed again for every row).
 */
export function configLiteral(language: KbLanguage): SQL {
  return sql.raw(`'${CONFIG[language]}'::regconfig`);
}

/** A tsquery literal matching `term` as a prefix: `'term':*`, quotes doubled (terms are letters, digits and apostrophes). */
function prefixLiteral(term: string): string {
  return `'${term.replace(/'/g, "''").replace(/\\/g, "")}':*`;
}

/**
 * What each query word means for search, read in one statement with the vocabulary's
 * generation: its correction, when the word (accents folded, four letters or more) appears in
 * no article, the most similar article word by trigrams, at least `threshold` (0.3 or more:
 * candidates come from the trigram index's `%`, whose own threshold is pg_trgm's 0.3), ties to
 * the first alphabetically; and in each language its tsquery, the word or its correction, a
 * word of five letters or more also as a prefix (the head of a Dutch compound, "rolstoel" in
 * "rolstoelgebruikers", or a word still being typed).
 */
export async function termFacts(db: Db, terms: readonly string[], threshold = 0.5): Promise<KnownTerms> {
  const languageQueries = KB_LANGUAGES.map((language) => {
    const config = configLiteral(language);
    return sql`(coalesce(to_tsquery(${config}, t.prefix), plainto_tsquery(${config}, t.term))
      || coalesce(plainto_tsquery(${config}, f.fix), ''::tsquery))::text as ${sql.raw(`"${language}"`)}`;
  });
  const rows = await selectRows<{ generation: string | number; term: string; fix: string | null } & Record<KbLanguage, string>>(
    db,
    sql`with t as materialized (
          select term, prefix, lower(unaccent(term)) as folded
          from unnest(${pgTextArray(terms)}::text[], ${pgTextArray(terms.map((t) => (t.length >= 5 ? prefixLiteral(t) : null)))}::text[]) as t(term, prefix)
        ),
        f as materialized (
          -- A word the articles have is its own answer; only the others are looked up by trigrams.
          select t.term, case when length(t.term) < 4 or exists (select 1 from kb_words w where w.word = t.folded) then null
            else (select w.word from kb_words w
                  where w.word % t.folded and similarity(w.word, t.folded) >= ${threshold}
                  order by similarity(w.word, t.folded) desc, w.word limit 1) end as fix
          from t
        )
        select (select generation from kb_vocabulary where id = 1) as generation, t.term, f.fix, ${sql.join(languageQueries, sql`, `)}
        from t join f on f.term = t.term`,
  );
  const facts = new Map<string, TermFacts>();
  for (const row of rows) facts.set(row.term, { fix: row.fix, query: { fr: row.fr, nl: row.nl, en: row.en } });
  return { generation: Number(rows[0]?.generation ?? 0), facts };
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
  /** What each of `terms` means (`termFacts`). */
  facts: ReadonlyMap<string, TermFacts>;
  /** The reader's language: its versions come first, and an article is shown in it when it matched there. */
  language: KbLanguage;
  limit: number;
  /**
   * `any`: a version matching any word (free text), those matching two words or more first;
   * otherwise every word.
   */
  any: boolean;
  /** Staff search drafts too. */
  includeDrafts?: boolean;
}

/** A language's queries as tsquery text: what matches (and ranks), and for free text the two-word one; null for none. */
interface LanguageQueries {
  match: string | null;
  /** Free text only: versions matching at least two of the words, looked at first. */
  strong: string | null;
}

function languageQueries(input: KbSearch, language: KbLanguage): LanguageQueries {
  const words = input.terms.map((term) => input.facts.get(term)?.query[language] ?? "").filter((q) => q !== "");
  if (words.length === 0) return { match: null, strong: null };
  const match = words.map((q) => `(${q})`).join(input.any ? " | " : " & ");
  if (!input.any || words.length < 2) return { match, strong: null };
  const pairs: string[] = [];
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j < words.length; j++) pairs.push(`(${words[i]}) & (${words[j]})`);
  return { match, strong: pairs.map((p) => `(${p})`).join(" | ") };
}

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

const literal = (language: KbLanguage) => sql.raw(`'${language}'`);

/**
 * Published versions (and drafts, for staff) matching the words, one per article (the reader's
 * language, else the article's fallback, else another that matched), the reader's language
 * first, then (free text) those matching two words or more, then by rank; each with a
 * highlighted snippet; and the vocabulary's generation, read in the same statement.
 *
 * What it reads (BENCHMARKS.md): each language's tsquery is a constant; each language is found
 * on its own partial GIN index; only the matches are ranked (their vectors stay in the row,
 * `STORAGE MAIN`); free text ranks first the versions matching two of its words or more, and the
 * others only when those are too few; the articles that did not match in the reader's language
 * are looked at only when it has too few; snippets are cut only for the page shown.
 */
export async function searchKb(db: Db, input: KbSearch): Promise<{ generation: number; hits: KbHit[] }> {
  const generation = sql`(select generation from kb_vocabulary where id = 1)`;
  const queries = Object.fromEntries(KB_LANGUAGES.map((l) => [l, languageQueries(input, l)])) as Record<KbLanguage, LanguageQueries>;
  const published = (alias: string) => (input.includeDrafts ? sql`true` : sql`${sql.raw(alias)}.status = 'published'`);
  const reader = input.language;
  const others = KB_LANGUAGES.filter((l) => l !== reader);
  const limit = input.limit;
  const tsquery = (text: string) => sql`${text}::tsquery`;
  /** Versions of `language` matching its query, or (`strong`) its two-word one when it has one. */
  const matches = (language: KbLanguage, which: "match" | "strong", alias = "t"): SQL => {
    const q = queries[language];
    const text = which === "strong" ? (q.strong ?? q.match) : q.match;
    const own = text === null ? sql`false` : sql`${sql.raw(alias)}.search @@ ${tsquery(text)}`;
    return sql`(${sql.raw(alias)}.language = ${literal(language)} and ${own})`;
  };
  const rank = (languages: readonly KbLanguage[]) => {
    const cases = languages.filter((l) => queries[l].match !== null).map((l) => sql`when ${literal(l)} then ${tsquery(queries[l].match!)}`);
    return cases.length === 0 ? sql`0::real` : sql`ts_rank(t.search, case t.language ${sql.join(cases, sql` `)} end, 1)`;
  };
  const headlines = KB_LANGUAGES.filter((l) => queries[l].match !== null).map(
    (l) => sql`when ${literal(l)} then ts_headline(${configLiteral(l)}, t.body_text, ${tsquery(queries[l].match!)}, ${HEADLINE})`,
  );
  const snippet = headlines.length === 0 ? sql`''` : sql`case t.language ${sql.join(headlines, sql` `)} end`;
  // Tier 0: every word, or for free text two words or more. Tier 1, free text only: the other
  // matches, looked at only when tier 0 has fewer than `limit`, so that it holds every version
  // matching two words: excluding those is excluding tier 0's rows (no second two-word query to
  // plan, which with its prefixes costs milliseconds).
  const strongTier = sql`
        select t.id, t.article_id, t.language, t.slug, ${rank([reader])} as rank, 0 as tier
        from kb_translations t
        where ${matches(reader, "strong")} and ${published("t")}
        order by rank desc, t.slug limit ${limit}`;
  const weakTier =
    queries[reader].strong === null
      ? sql`select * from strong where false`
      : sql`
        select t.id, t.article_id, t.language, t.slug, ${rank([reader])} as rank, 1 as tier
        from kb_translations t
        where ${matches(reader, "match")} and ${published("t")}
          and (select count(*) from strong) < ${limit} and t.id not in (select id from strong)
        order by rank desc, t.slug limit ${limit}`;
  // The articles that did not match in the reader's language, each in its fallback language when
  // that matched, else another, by rank; looked at only when the reader's language has too few.
  const otherLanguages = sql`
        select * from (
          select distinct on (t.article_id) t.id, t.article_id, t.language, t.slug, ${rank(others)} as rank, 2 as tier
          from kb_translations t join kb_articles a on a.id = t.article_id
          where (${sql.join(
            others.map((l) => matches(l, "match")),
            sql` or `,
          )}) and ${published("t")}
            and (select count(*) from strong) + (select count(*) from weak) < ${limit}
            and not exists (select 1 from kb_translations r where r.article_id = t.article_id and ${matches(reader, "match", "r")} and ${published("r")})
          order by t.article_id, (t.language = a.fallback_language) desc, t.language
        ) o
        order by rank desc, slug limit ${limit}`;
  const rows = await selectRows<KbHit & { generation: string | number; translationId: string | null }>(
    db,
    sql`with strong as (${strongTier}),
      weak as (${weakTier}),
      others as (${otherLanguages}),
      top as (select * from strong union all select * from weak union all select * from others),
      hits as (
        select top.id as "translationId", top.article_id as "articleId", top.slug, t.title, top.language, c.slug as category,
          ${snippet} as snippet,
          top.rank::float8 as rank, top.tier
        from top join kb_translations t on t.id = top.id join kb_articles a on a.id = top.article_id left join kb_categories c on c.id = a.category_id
        order by top.tier, top.rank desc, top.slug
        limit ${limit}
      )
      -- The generation even when nothing matched: what the words were corrected against.
      select ${generation} as generation, hits."translationId", hits."articleId", hits.slug, hits.title, hits.language, hits.category, hits.snippet, hits.rank
      from (select 1) one left join hits on true
      order by hits.tier, hits.rank desc, hits.slug`,
  );
  const hits: KbHit[] = [];
  for (const { generation: _generation, translationId, ...hit } of rows) if (translationId !== null) hits.push({ ...hit, translationId });
  return { generation: Number(rows[0]?.generation ?? 0), hits };
}
