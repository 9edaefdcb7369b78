// How frustrated a message's writer sounds, 0 to 1, and why: lexicon words (negation turned
// around), capitals, runs of exclamation marks, how long they have waited, and how often they
// have written lately. Each cue adds evidence; the score is 1 - e^-evidence.

import type { Language } from "../ticket/ticket.js";
import { LANGUAGES } from "../ticket/ticket.js";
import { FRUSTRATION_LEXICON, NEGATION_WINDOW, NEGATORS, NEGATORS_AFTER } from "./lexicon.js";
import { compilePhrases, findPhrases, type PhraseHit, type PhraseIndex } from "./phraseIndex.js";
import type { DetectedLanguage, FrustrationReason } from "./signals.js";
import { findWaiting } from "./waiting.js";

const byLanguage = new Map<DetectedLanguage, PhraseIndex<number>>();
for (const language of LANGUAGES) {
  byLanguage.set(language, compilePhrases(FRUSTRATION_LEXICON.filter((entry) => entry.language === language).map(toPhrase)));
}
// A message in no known language is read with every lexicon.
byLanguage.set("unknown", compilePhrases(FRUSTRATION_LEXICON.map(toPhrase)));

function toPhrase(entry: { phrase: string; language: Language; weight: number }) {
  return { phrase: entry.phrase, language: entry.language, value: entry.weight };
}

const negatorsOf = new Map<DetectedLanguage, ReadonlySet<string>>(LANGUAGES.map((language) => [language, new Set(NEGATORS[language])]));
negatorsOf.set("unknown", new Set(LANGUAGES.flatMap((language) => NEGATORS[language])));
const negatorsAfterOf = new Map<DetectedLanguage, ReadonlySet<string>>(LANGUAGES.map((language) => [language, new Set(NEGATORS_AFTER[language])]));
negatorsAfterOf.set("unknown", new Set(LANGUAGES.flatMap((language) => NEGATORS_AFTER[language])));

/** The evidence each cue adds; tuned on a development split of labelled messages (BENCHMARKS.md). */
export const CUE_WEIGHTS = {
  negatedPraise: 0.7,
  capitals: 0.35,
  exclamation: 0.25,
  exclamations: 0.35,
  manyExclamations: 0.45,
  waiting: 0.6,
  repeatContact: 0.4,
  repeatContacts: 0.7,
};

/** Capitals count when at least this share of at least `CAPITALS_MIN_LETTERS` letters is upper case. */
const CAPITALS_SHARE = 0.6;
const CAPITALS_MIN_LETTERS = 12;

/** What frustration reads in one message. */
export interface FrustrationInput {
  /** The original text, for capitals and exclamation marks. */
  raw: string;
  /** Its folded words. */
  words: readonly string[];
  language: DetectedLanguage;
  recentContacts?: number;
  /** The window in days `recentContacts` was counted in, for the reason. */
  contactDays: number;
}

/** The score, 0 to 1 with two decimals, and its reasons in the order of the text. */
export function scoreFrustration(input: FrustrationInput): { score: number; reasons: FrustrationReason[] } {
  const reasons: FrustrationReason[] = [];
  let evidence = 0;

  const { words } = input;
  const negators = negatorsOf.get(input.language) as ReadonlySet<string>;
  const negatorsAfter = negatorsAfterOf.get(input.language) as ReadonlySet<string>;
  for (const hit of longestHits(findPhrases(byLanguage.get(input.language) as PhraseIndex<number>, words))) {
    const weight = hit.entry.value;
    const negator = negatorBefore(words, hit.start, negators);
    // Praise negated after it: "j'aime pas", "werkt niet goed" is read before, "is goed niet" rarely.
    if (negator < 0 && weight < 0 && negatorsAfter.has(words[hit.end] as string)) {
      const phrase = words.slice(hit.start, hit.end + 1).join(" ");
      evidence += CUE_WEIGHTS.negatedPraise;
      reasons.push({ kind: "word", phrase, weight: CUE_WEIGHTS.negatedPraise });
      continue;
    }
    if (negator < 0) {
      evidence += weight;
      if (weight > 0) reasons.push({ kind: "word", phrase: words.slice(hit.start, hit.end).join(" "), weight });
    } else if (weight > 0) {
      reasons.push({ kind: "negated", phrase: words.slice(negator, hit.end).join(" ") });
    } else {
      evidence += CUE_WEIGHTS.negatedPraise;
      reasons.push({ kind: "word", phrase: words.slice(negator, hit.end).join(" "), weight: CUE_WEIGHTS.negatedPraise });
    }
  }

  const waits = findWaiting(words);
  // One wait, however many ways it is said.
  if (waits.length > 0) evidence += CUE_WEIGHTS.waiting;
  for (const phrase of waits) reasons.push({ kind: "waiting", phrase });

  const share = capitalsShare(input.raw);
  if (share !== undefined && share >= CAPITALS_SHARE) {
    evidence += CUE_WEIGHTS.capitals;
    reasons.push({ kind: "capitals", share: Math.round(share * 100) / 100 });
  }

  const exclamations = longestRun(input.raw, "!");
  if (exclamations >= 2) {
    evidence += exclamations >= 3 ? CUE_WEIGHTS.manyExclamations : CUE_WEIGHTS.exclamations;
    reasons.push({ kind: "exclamations", count: exclamations });
  } else if (exclamations === 1 && evidence > 0) {
    // One exclamation mark adds to a complaint, and says nothing on its own ("Merci !").
    evidence += CUE_WEIGHTS.exclamation;
    reasons.push({ kind: "exclamations", count: 1 });
  }

  const contacts = input.recentContacts ?? 0;
  if (Number.isFinite(contacts) && contacts >= 1) {
    evidence += contacts >= 2 ? CUE_WEIGHTS.repeatContacts : CUE_WEIGHTS.repeatContact;
    reasons.push({ kind: "repeat_contact", count: Math.floor(contacts), days: input.contactDays });
  }

  const score = evidence <= 0 ? 0 : Math.round((1 - Math.exp(-evidence)) * 100) / 100;
  return { score, reasons };
}

/** The hits that do not overlap a longer (or earlier) one, in text order. */
function longestHits<T>(hits: PhraseHit<T>[]): PhraseHit<T>[] {
  if (hits.length < 2) return hits;
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhraseHit<T>[] = [];
  let reach = -1;
  for (const hit of sorted) {
    if (hit.start < reach) {
      // Overlapping: keep the longer of the two.
      const last = kept[kept.length - 1] as PhraseHit<T>;
      if (hit.end - hit.start > last.end - last.start) {
        kept[kept.length - 1] = hit;
        reach = hit.end;
      }
      continue;
    }
    kept.push(hit);
    reach = hit.end;
  }
  return kept;
}

/** The index of a negator within the window before `start`, or -1. */
function negatorBefore(words: readonly string[], start: number, negators: ReadonlySet<string>): number {
  for (let i = start - 1; i >= 0 && i >= start - NEGATION_WINDOW; i--) if (negators.has(words[i] as string)) return i;
  return -1;
}

/** The share of upper-case letters among the letters of `text`, undefined with too few letters. */
function capitalsShare(text: string): number | undefined {
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      upper++;
      letters++;
    } else if (code >= 97 && code <= 122) {
      letters++;
    } else if (code >= 0xc0) {
      const char = text[i] as string;
      const lower = char.toLowerCase();
      const upperCase = char.toUpperCase();
      if (lower !== upperCase) {
        letters++;
        if (char === upperCase) upper++;
      }
    }
  }
  return letters < CAPITALS_MIN_LETTERS ? undefined : upper / letters;
}

/** The length of the longest run of `char` in `text`. */
function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === char) {
      run++;
      if (run > longest) longest = run;
    } else if (text[i] !== " ") {
      run = 0;
    }
  }
  return longest;
}
