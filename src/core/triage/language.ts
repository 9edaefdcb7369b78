// Which of French, Dutch and English a message is written in: first from the words every text
// of a language uses (articles, pronouns, auxiliaries), which settles most messages at once;
// when they do not, from character n-grams (eld, restricted to the three languages); "unknown"
// when neither can tell.

import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { foldedWords } from "../text/fold.js";
import type { Language } from "../ticket/ticket.js";
import type { DetectedLanguage } from "./signals.js";

// Folded (no accents), frequent and as distinctive as possible; a word two languages share
// ("de", "in", "is", "me") counts for both and so decides nothing between them.
const FUNCTION_WORDS: Record<Language, string> = {
  fr: `le la les l un une des du de d au aux et ou mais donc car ni que qu qui quoi quand comment pourquoi ce cet cette ces c ca cela ceci
    je j tu il elle on nous vous ils elles me m te t se s lui leur leurs y en moi toi soi mon ma mes ton ta tes son sa ses notre nos votre vos
    est sont suis es etes sommes etait ete etre avoir ai as avons avez ont avait fait faire peut peux veux veut dois doit faut
    ne pas plus jamais rien tres trop bien aussi encore deja toujours avec sans pour par dans sur sous chez vers depuis pendant entre
    oui non merci bonjour madame monsieur voila vraiment alors comme tout tous toute toutes meme autre quel quelle aucun cher chere`,
  nl: `de het een den der des en of maar dus want dat die dit deze wat wie waar wanneer hoe waarom welk welke
    ik je jij u hij zij ze wij we jullie mij mijn jou jouw uw zijn haar ons onze hun hen hem men er
    is ben bent was waren zijn heb hebt heeft hebben had kan kun kunt kunnen wil wilt willen moet moeten zal zou zullen wordt worden werd
    niet geen nooit niets wel ook nog al toch zeer heel erg echt veel weer even naar van voor met zonder bij uit over tot om op aan
    ja nee dank bedankt alstublieft graag hallo dag meneer mevrouw nu dan toen hier daar alles iets niemand iemand`,
  en: `the a an and or but so because if then than that this these those what who whom which when where why how
    i you he she it we they me him her us them my your his its our their mine yours
    is am are was were be been being have has had do does did done can could will would shall should may might must
    not no never nothing dont doesnt didnt cant wont isnt im ive youre thats its
    very too also still just already again with without for from into about over after before at by of on
    yes thanks thank please hello hi sir there here all some any every`,
};

// Function words of the neighbouring languages Palier does not read, so that a German, Spanish,
// Portuguese or Italian message is not taken for one of ours on its shared words ("de", "die").
const OTHER_WORDS = `der das und ist nicht ich wir mit auf fur eine einen sich auch ihr ihnen bitte danke
  el los las y es por para con una del su como pero esta este estoy muy gracias hola usted
  o os um uma com nao voce obrigado ola esta sao
  il di che non sono per una gli della questo grazie ciao`;

/** Per word: its weight for French, Dutch, English and the other languages. */
const WEIGHTS: ReadonlyMap<string, readonly [number, number, number, number]> = buildWeights();

function buildWeights(): Map<string, [number, number, number, number]> {
  const lists = [FUNCTION_WORDS.fr, FUNCTION_WORDS.nl, FUNCTION_WORDS.en, OTHER_WORDS];
  const weights = new Map<string, [number, number, number, number]>();
  lists.forEach((list, i) => {
    for (const word of list.split(/\s+/)) {
      if (word === "") continue;
      const entry = weights.get(word) ?? [0, 0, 0, 0];
      entry[i] = 1;
      weights.set(word, entry);
    }
  });
  // A shared word decides nothing between the languages that share it: it counts for each a
  // share, so three distinct words of one language outweigh any run of shared ones.
  for (const entry of weights.values()) {
    const shared = entry[0] + entry[1] + entry[2] + entry[3];
    for (let i = 0; i < 4; i++) if (entry[i] === 1) entry[i] = 1 / shared;
  }
  return weights;
}

/** Function words enough to decide without n-grams: at least this many, and twice the runner-up's. */
export const SURE_EVIDENCE = { words: 3, ratio: 2 };

type Ngrams = (typeof import("eld/medium"))["eld"];
let ngramsModel: Ngrams | undefined;

/**
 * eld's n-gram model, loaded on the first message the function words cannot settle: reading it
 * takes a second, which a process that never needs it (most commands, most test files) is spared.
 * The package is ES modules only; Node (20.19 and later) requires them synchronously.
 * eld keeps its settings per instance: an instance of our own. It weighs all its languages, so
 * that a German or Spanish message is not forced into one of ours.
 */
function ngrams(): Ngrams {
  if (ngramsModel === undefined) {
    const require = createRequire(import.meta.url);
    const loaded = require(fileURLToPath(import.meta.resolve("eld/medium"))) as typeof import("eld/medium");
    ngramsModel = loaded.eld.newInstance();
  }
  return ngramsModel;
}

/** Where eld names another language, one of ours within this share of its score still counts. */
const NEAR_SCORE = 0.9;

const ADDRESSES = /https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+/gu;

/** `text` without what says nothing of its language: web addresses, @handles and #hashtags. */
export function withoutAddresses(text: string): string {
  return text.replace(ADDRESSES, " ");
}

/** The language of `text` among French, Dutch and English; "unknown" when too short or none of them. */
export function detectLanguage(text: string): DetectedLanguage {
  const cleaned = withoutAddresses(text);
  return detectLanguageOf(cleaned, foldedWords(cleaned));
}

/**
 * {@link detectLanguage} on text already without addresses and its folded words (the caller has
 * them already).
 */
export function detectLanguageOf(text: string, words: readonly string[]): DetectedLanguage {
  let fr = 0;
  let nl = 0;
  let en = 0;
  let other = 0;
  for (const word of words) {
    const weight = WEIGHTS.get(word);
    if (weight === undefined) continue;
    fr += weight[0];
    nl += weight[1];
    en += weight[2];
    other += weight[3];
  }
  const top = Math.max(fr, nl, en);
  const second = Math.max(other, fr === top ? Math.max(nl, en) : nl === top ? Math.max(fr, en) : Math.max(fr, nl));
  const leader: DetectedLanguage = top === second ? "unknown" : fr === top ? "fr" : nl === top ? "nl" : "en";
  if (top >= SURE_EVIDENCE.words && top >= SURE_EVIDENCE.ratio * second) return leader;
  if (words.length === 0) return "unknown";
  const result = ngrams().detect(text);
  const guess = result.language;
  if (guess === "fr" || guess === "nl" || guess === "en") return guess;
  if (guess === "") return top >= 1 ? leader : "unknown";
  const scores = result.getScores();
  const best = Math.max(scores.fr ?? 0, scores.nl ?? 0, scores.en ?? 0);
  if (best === 0 || best < NEAR_SCORE * (scores[guess] ?? 0)) return "unknown";
  return best === scores.fr ? "fr" : best === scores.nl ? "nl" : "en";
}
