// Full-text search: each ticket's text is stemmed in its own language with accents folded;
// a query is matched in French, Dutch, English and unstemmed at once.

import { type SQL, sql } from "drizzle-orm";

const CONFIGS: Record<string, string> = { fr: "french", nl: "dutch", en: "english" };

/** The text-search configuration for a ticket language (`simple` when unknown). */
export function searchConfig(language: string | null | undefined): string {
  return (language && CONFIGS[language]) || "simple";
}

/** A tsvector of `text` in `language`, with a weight (A: subject, B: messages). */
export function searchVector(text: string, language: string | null | undefined, weight: "A" | "B"): SQL {
  return sql`setweight(to_tsvector(${searchConfig(language)}::regconfig, unaccent(${text})), ${weight}::"char")`;
}

/** A tsquery matching `query` (web-search syntax: words, "phrases", -not, or) in every language. */
export function searchQuery(query: string): SQL {
  return sql`(websearch_to_tsquery('french', unaccent(${query})) || websearch_to_tsquery('dutch', unaccent(${query})) || websearch_to_tsquery('english', unaccent(${query})) || websearch_to_tsquery('simple', unaccent(${query})))`;
}
