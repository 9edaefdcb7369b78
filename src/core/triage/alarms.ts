// Alarm words: a lawyer, leaving, money, an outage, or a sale to close. The defaults per kind and
// language, a workspace's own lists over them, and finding them in a message.

import type { Language } from "../ticket/ticket.js";
import { LANGUAGES } from "../ticket/ticket.js";
import { compilePhrases, findPhrases, type PhraseHit, type PhraseIndex } from "./phraseIndex.js";
import { ALARM_KINDS, type Alarm, type AlarmKind, type AlarmLexicon, type DetectedLanguage } from "./signals.js";

/**
 * The product's alarm phrases. Each word also finds its common inflections ("résilier" finds
 * "résiliation" and "résilié", "refund" finds "refunded"), so the lists hold dictionary forms
 * and the phrases whose inflections do not follow a rule ("opgezegd").
 */
export const DEFAULT_ALARMS: AlarmLexicon = {
  legal: {
    fr: [
      "avocat",
      "mise en demeure",
      "UFC-Que Choisir",
      "60 millions de consommateurs",
      "tribunal",
      "huissier",
      "poursuites judiciaires",
      "action en justice",
      "DGCCRF",
      "porter plainte",
    ],
    nl: ["advocaat", "ingebrekestelling", "Test-Aankoop", "Consumentenbond", "rechtbank", "deurwaarder", "juridische stappen", "aangifte doen", "rechtszaak"],
    en: ["lawyer", "attorney", "legal action", "lawsuit", "sue you", "small claims", "Better Business Bureau", "class action"],
  },
  churn: {
    fr: [
      "annuler mon compte",
      "annuler mon abonnement",
      "résilier",
      "fermer mon compte",
      "supprimer mon compte",
      "me désabonner",
      "changer de fournisseur",
      "aller chez la concurrence",
    ],
    nl: ["opzeggen", "opgezegd", "opzegging", "mijn account opheffen", "mijn account verwijderen", "abonnement stopzetten", "overstappen naar"],
    en: [
      "cancel my account",
      "cancel my subscription",
      "close my account",
      "delete my account",
      "switching to",
      "switch to another provider",
      "take my business elsewhere",
    ],
  },
  money: {
    fr: ["remboursement", "rembourser", "double facturation", "facturé deux fois", "prélevé deux fois", "débité deux fois", "trop perçu", "rétrofacturation"],
    nl: ["terugbetaling", "terugbetalen", "geld terug", "dubbel betaald", "dubbel gefactureerd", "dubbel afgeschreven", "terugboeking"],
    en: ["refund", "chargeback", "charged twice", "double charged", "double billed", "money back", "overcharged"],
  },
  outage: {
    fr: ["panne", "hors service", "ne fonctionne plus", "ne marche plus", "inaccessible", "interruption de service"],
    nl: ["storing", "ligt eruit", "ligt er uit", "ligt plat", "werkt niet meer", "onbereikbaar", "niet bereikbaar"],
    en: ["outage", "is down", "service down", "site down", "not loading", "unreachable"],
  },
  sales: {
    fr: ["démo", "devis", "tarif", "grille tarifaire", "offre commerciale"],
    nl: ["offerte", "demo", "prijsofferte", "prijzen", "tarieven"],
    en: ["demo", "pricing", "quote for", "price list", "sales team"],
  },
};

/** A workspace's alarm lists compiled once; build one per lexicon and keep it. */
export type CompiledAlarms = PhraseIndex<AlarmKind>;

const compiled = new WeakMap<AlarmLexicon, CompiledAlarms>();

/** `lexicon` compiled for matching, cached per lexicon object (lexicons are read-only). */
export function compileAlarms(lexicon: AlarmLexicon): CompiledAlarms {
  const cached = compiled.get(lexicon);
  if (cached) return cached;
  const entries = ALARM_KINDS.flatMap((kind) =>
    LANGUAGES.flatMap((language: Language) => (lexicon[kind]?.[language] ?? []).map((phrase) => ({ phrase, language, value: kind }))),
  );
  const index = compilePhrases(entries);
  compiled.set(lexicon, index);
  return index;
}

/**
 * The alarms in a message's folded `words`: every configured phrase found, in every language
 * (customers mix them), each phrase once, in the order they appear; where phrases of several
 * languages match the same words, the one of `language`.
 */
export function findAlarms(index: CompiledAlarms, words: readonly string[], language?: DetectedLanguage): Alarm[] {
  const alarms: Alarm[] = [];
  const seen = new Set<string>();
  const hits = findPhrases(index, words);
  // At one place, one phrase per kind: the message's own language's if it has one there.
  const preferred = (a: PhraseHit<AlarmKind>, b: PhraseHit<AlarmKind>) => (a.entry.language === language ? 0 : 1) - (b.entry.language === language ? 0 : 1);
  const at = new Set<string>();
  for (const hit of [...hits].sort((a, b) => a.start - b.start || preferred(a, b))) {
    const place = `${hit.entry.value}\u0000${hit.start}`;
    const key = `${hit.entry.value}\u0000${hit.entry.phrase}`;
    if (at.has(place) || seen.has(key)) continue;
    at.add(place);
    seen.add(key);
    alarms.push({ kind: hit.entry.value, phrase: hit.entry.phrase });
  }
  return alarms;
}

/** `own` lists over the defaults: a workspace's list replaces the default of its kind and language. */
export function withAlarms(own: Partial<Record<AlarmKind, Partial<Record<Language, readonly string[]>>>>): AlarmLexicon {
  const merged = {} as Record<AlarmKind, Record<Language, readonly string[]>>;
  for (const kind of ALARM_KINDS) {
    merged[kind] = { ...DEFAULT_ALARMS[kind] };
    for (const language of LANGUAGES) {
      const list = own[kind]?.[language];
      if (list !== undefined) merged[kind][language] = list;
    }
  }
  return merged;
}
