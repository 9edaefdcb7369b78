// Phrases compiled once for finding them in a message's folded words: each word of a phrase
// stands for its common inflections in the phrase's language ("résilier" for "résiliation",
// "refund" for "refunded"), and phrases are indexed by their first word's forms, so a message
// is scanned once whatever the number of phrases.

import { foldedWords } from "../text/fold.js";
import type { Language } from "../ticket/ticket.js";

/** One phrase to find, with what the caller wants back when it is found. */
export interface PhraseEntry<T> {
  phrase: string;
  language: Language;
  value: T;
}

/** A phrase found in a message: its entry, and where its words are in the message's words. */
export interface PhraseHit<T> {
  entry: PhraseEntry<T>;
  start: number;
  end: number;
}

interface CompiledPhrase<T> {
  entry: PhraseEntry<T>;
  /** The accepted forms of each word after the first. */
  rest: ReadonlySet<string>[];
}

/** Phrases indexed by the forms of their first word. */
export interface PhraseIndex<T> {
  readonly byFirst: ReadonlyMap<string, readonly CompiledPhrase<T>[]>;
}

// Endings a word may take in each language. The first rule whose ending the dictionary form has
// gives the stem and the endings it may take instead (a verb's persons and its nouns, a noun's
// verb); every word also takes its plural and feminine. Short words (under 4 letters) are kept
// exact: "sue" must not find "suede".
interface EndingRule {
  ending: string;
  forms: readonly string[];
}

const RULES: Record<Language, readonly EndingRule[]> = {
  fr: [
    { ending: "ations", forms: ["ation", "ations", "er", "e", "es", "ee", "ees"] },
    { ending: "ation", forms: ["ation", "ations", "er", "e", "es", "ee", "ees"] },
    { ending: "ements", forms: ["ement", "ements", "er", "e", "es", "ee", "ees"] },
    { ending: "ement", forms: ["ement", "ements", "er", "e", "es", "ee", "ees"] },
    { ending: "er", forms: ["er", "e", "es", "ee", "ees", "ez", "ent", "ons", "ation", "ations", "ement", "ements"] },
    { ending: "ir", forms: ["ir", "i", "is", "it", "ie", "ies", "issent"] },
  ],
  nl: [
    { ending: "ingen", forms: ["ing", "ingen", "en", "t"] },
    { ending: "ing", forms: ["ing", "ingen", "en", "t"] },
    { ending: "en", forms: ["en", "t", "d", "de", "den", "te", "ten", "ing", "ingen"] },
  ],
  en: [
    { ending: "ing", forms: ["ing", "ed", "s", "e", "es"] },
    { ending: "ed", forms: ["ed", "ing", "s", "e", "es"] },
    { ending: "y", forms: ["y", "ies", "ied"] },
    { ending: "e", forms: ["e", "es", "ed", "ing"] },
  ],
};

const EVERY_WORD: Record<Language, readonly string[]> = {
  fr: ["s", "x", "e", "es"],
  nl: ["s", "e", "en"],
  en: ["s", "es", "ed", "ing"],
};

const MIN_STEM = 4;

/** The forms a folded word stands for in `language`: itself, its plural and feminine, and its stem with each ending. */
export function wordForms(word: string, language: Language): Set<string> {
  const forms = new Set([word]);
  if (word.length < MIN_STEM || /\d/.test(word)) return forms;
  for (const suffix of EVERY_WORD[language]) forms.add(word + suffix);
  const rule = RULES[language].find((r) => word.endsWith(r.ending) && word.length - r.ending.length >= MIN_STEM - 1);
  if (rule !== undefined) {
    const stem = word.slice(0, word.length - rule.ending.length);
    for (const suffix of rule.forms) forms.add(stem + suffix);
  }
  // English doubles a final consonant before -ed and -ing: "cancelled", "stopping".
  if (language === "en" && rule === undefined && /[bdglmnprt]$/.test(word))
    for (const suffix of ["ed", "ing"]) forms.add(word + word[word.length - 1] + suffix);
  return forms;
}

/** Compiles `entries`; a phrase that folds to nothing is skipped. */
export function compilePhrases<T>(entries: readonly PhraseEntry<T>[], options: { inflect?: boolean } = {}): PhraseIndex<T> {
  const inflect = options.inflect ?? true;
  const byFirst = new Map<string, CompiledPhrase<T>[]>();
  for (const entry of entries) {
    const words = foldedWords(entry.phrase);
    const [first, ...others] = words;
    if (first === undefined) continue;
    const formsOf = (word: string) => (inflect ? wordForms(word, entry.language) : new Set([word]));
    const compiled: CompiledPhrase<T> = { entry, rest: others.map(formsOf) };
    for (const form of formsOf(first)) {
      const list = byFirst.get(form);
      if (list) list.push(compiled);
      else byFirst.set(form, [compiled]);
    }
  }
  return { byFirst };
}

/** Every phrase of `index` found in `words` (folded), in the order of the words; longest first at one place. */
export function findPhrases<T>(index: PhraseIndex<T>, words: readonly string[]): PhraseHit<T>[] {
  const hits: PhraseHit<T>[] = [];
  for (let i = 0; i < words.length; i++) {
    const candidates = index.byFirst.get(words[i] as string);
    if (candidates === undefined) continue;
    for (const candidate of candidates) {
      const { rest } = candidate;
      if (i + rest.length >= words.length) continue;
      let ok = true;
      for (let k = 0; k < rest.length; k++) {
        if (!(rest[k] as ReadonlySet<string>).has(words[i + 1 + k] as string)) {
          ok = false;
          break;
        }
      }
      if (ok) hits.push({ entry: candidate.entry, start: i, end: i + rest.length + 1 });
    }
  }
  return hits;
}
