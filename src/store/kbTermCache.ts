// What a process remembers of query words between searches: each word's correction and its
// tsquery in each language, read once, so that a word searched again costs no trigram lookup.
// Corrections change only when words are added to `kb_words`; each remembered word carries the
// vocabulary's generation it was read at, and every search reads the generation back in its own
// statement, so a change made by any process is seen on the next search (src/store/kbSearch.ts).

import type { KbLanguage } from "../core/kb/article.js";

/** A query word as search uses it: its correction, and its tsquery (as text) in each language. */
export interface TermFacts {
  /** The article word it most likely misspells, when it is in no article itself; else null. */
  fix: string | null;
  /** The word (or its correction) as a tsquery in each language; `''` when a stop word there. */
  query: Record<KbLanguage, string>;
}

/** Words read at one generation of the vocabulary. */
export interface KnownTerms {
  generation: number;
  facts: ReadonlyMap<string, TermFacts>;
}

/** Past this many words, the oldest are forgotten first. */
const MAX_TERMS = 5_000;

/** Per connection pool or transaction, so that two databases in one process never share words. */
const remembered = new WeakMap<object, { generation: number; facts: Map<string, TermFacts> }>();

/** The facts of every word of `terms`, when all were remembered at one generation; else undefined. */
export function recallTerms(owner: object, terms: readonly string[]): KnownTerms | undefined {
  const entry = remembered.get(owner);
  if (entry === undefined) return undefined;
  const facts = new Map<string, TermFacts>();
  for (const term of terms) {
    const known = entry.facts.get(term);
    if (known === undefined) return undefined;
    facts.set(term, known);
  }
  return { generation: entry.generation, facts };
}

/** Remembers words read at `generation`; words of another generation are forgotten first. */
export function rememberTerms(owner: object, known: KnownTerms): void {
  let entry = remembered.get(owner);
  if (entry === undefined || entry.generation !== known.generation) {
    entry = { generation: known.generation, facts: new Map() };
    remembered.set(owner, entry);
  }
  for (const [term, facts] of known.facts) {
    entry.facts.delete(term);
    entry.facts.set(term, facts);
  }
  for (const term of entry.facts.keys()) {
    if (entry.facts.size <= MAX_TERMS) break;
    entry.facts.delete(term);
  }
}

/** Forgets every word remembered for `owner`: the vocabulary has changed. */
export function forgetTerms(owner: object): void {
  remembered.delete(owner);
}
