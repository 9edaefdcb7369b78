// Which of French, Dutch and English a message is written in, from the words every text of a
// language uses (articles, pronouns, auxiliaries); "unknown" when it holds too few of them.

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

const WEIGHTS: ReadonlyMap<string, readonly [number, number, number]> = buildWeights();

function buildWeights(): Map<string, [number, number, number]> {
  const order: Language[] = ["fr", "nl", "en"];
  const weights = new Map<string, [number, number, number]>();
  order.forEach((language, i) => {
    for (const word of FUNCTION_WORDS[language].split(/\s+/)) {
      if (word === "") continue;
      const entry = weights.get(word) ?? [0, 0, 0];
      entry[i] = 1;
      weights.set(word, entry);
    }
  });
  // A shared word decides nothing between the languages that share it: it counts for each a
  // share, so three distinct words of one language outweigh any run of shared ones.
  for (const entry of weights.values()) {
    const shared = entry[0] + entry[1] + entry[2];
    for (let i = 0; i < 3; i++) if (entry[i] === 1) entry[i] = 1 / shared;
  }
  return weights;
}

/** The least evidence, in function words, before a language is named. */
const MIN_EVIDENCE = 1;

/** The language of `text` among French, Dutch and English; "unknown" when too short or none of them. */
export function detectLanguage(text: string): DetectedLanguage {
  return detectLanguageOfWords(foldedWords(text));
}

/** {@link detectLanguage} on words already folded. */
export function detectLanguageOfWords(words: readonly string[]): DetectedLanguage {
  let fr = 0;
  let nl = 0;
  let en = 0;
  for (const word of words) {
    const weight = WEIGHTS.get(word);
    if (weight === undefined) continue;
    fr += weight[0];
    nl += weight[1];
    en += weight[2];
  }
  const top = Math.max(fr, nl, en);
  if (top < MIN_EVIDENCE) return "unknown";
  const winners = (fr === top ? 1 : 0) + (nl === top ? 1 : 0) + (en === top ? 1 : 0);
  if (winners > 1) return "unknown";
  return fr === top ? "fr" : nl === top ? "nl" : "en";
}
