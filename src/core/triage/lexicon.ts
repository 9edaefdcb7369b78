// The words of frustration per language with their weights, the words that soften it (a negated
// one frustrates: "pas content", "not happy"), and the words that negate. Written for Palier;
// weights are how much a word alone says about its writer's mood, 0 to 1.

import type { Language } from "../ticket/ticket.js";

/**
 * Phrase lists as `weight: phrases` lines, phrases separated by commas. A positive weight
 * frustrates; a negative one calms, and frustrates by its absolute value when negated.
 */
type WeightedList = Readonly<Record<string, string>>;

const FRUSTRATION: Record<Language, WeightedList> = {
  fr: {
    "0.9": `inadmissible, inacceptable, scandaleux, scandale, honteux, honte, lamentable, catastrophique, catastrophe, inadmissible, arnaque, arnaqueurs,
      escroquerie, escrocs, voleurs, foutage de gueule, se fout de, se foutent de, ras le bol, marre, en ai marre, j en ai assez, pire service, nul a chier, degoute, furieux, furieuse`,
    "0.7": `inexcusable, incompetent, incompetents, incompetence, decu, decue, decevant, deception, indigne, exaspere, exasperant, agace, enerve, enervant, colere,
      pitoyable, mediocre, nul, nulle, nuls, n importe quoi, c est une blague, se moquer, se moque, ignore, ignores, aucune reponse, sans reponse, toujours rien,
      toujours pas, pas normal, jamais recu, ne repond, personne ne, inutile, inutilisable, mensonge, menteurs, vol, insupportable, horrible, affreux, desastreux, deplorable,
      mecontent, mecontente, mecontentement, insatisfait, insatisfaite, penible, lassant, ridicule, absurde`,
    "0.45": `probleme, problemes, souci, bug, bugs, erreur, plainte, reclamation, retard, en retard, bloque, bloquee, impossible de, ne marche pas, ne fonctionne pas,
      marche pas, fonctionne pas, ne marche plus, ne fonctionne plus, attente, attendre, j attends, relance, relancer, encore une fois, une fois de plus, mal,
      mauvais, mauvaise, pire, triste, dommage, ennuyeux, ennui, ennuie, rate, echec, perdu, perdue, annule, annulee, urgent, urgence`,
    "-0.5": `content, contente, satisfait, satisfaite, merci, parfait, parfaite, super, genial, geniale, excellent, excellente, bravo, top, ravi, ravie, formidable,
      bien, bon, bonne, agreable, efficace, rapide, aimable, sympa, adore, aime, recommande, impeccable`,
  },
  nl: {
    "0.9": `schandalig, schande, belachelijk, onacceptabel, onaanvaardbaar, oplichting, oplichters, oplichter, dieven, waardeloos, waardeloze, bagger, klote, kut,
      woedend, razend, boos, kwaad, spuugzat, het zat, ben het zat, ben er klaar mee, te schandalig, slechtste`,
    "0.7": `teleurgesteld, teleurstellend, teleurstelling, ontevreden, ontevredenheid, incompetent, onbeschoft, frustrerend, gefrustreerd, ergerlijk, irritant,
      geirriteerd, walgelijk, triest, bedroevend, pathetisch, nutteloos, onbruikbaar, leugens, leugenaars, geen antwoord, geen reactie, nooit ontvangen,
      nog steeds niet, nog altijd niet, niet normaal, niemand, vreselijk, verschrikkelijk, afschuwelijk, rampzalig, ramp, genegeerd, negeren, onmogelijk, idioot, stom, stomme`,
    "0.45": `probleem, problemen, klacht, klachten, fout, fouten, storing, vertraging, te laat, wachten, wacht, lang, werkt niet, doet het niet, kapot, geblokkeerd,
      opnieuw, alweer, weer eens, slecht, slechte, jammer, vervelend, helaas, verloren, kwijt, geannuleerd, dringend, spoed`,
    "-0.5": `tevreden, blij, dank, bedankt, dankjewel, dankuwel, perfect, super, geweldig, uitstekend, top, prima, fijn, goed, goede, mooi, snel, vriendelijk,
      behulpzaam, aanrader, aan te raden, topservice`,
  },
  en: {
    "0.9": `unacceptable, outrageous, disgusting, disgraceful, disgrace, ridiculous, pathetic, scam, scammers, fraud, thieves, furious, livid, fed up, sick of,
      sick and tired, worst, horrible, terrible, awful, appalling, atrocious, shameful, shame on you, fuck, fucking, wtf, bullshit, screw you, joke of a, hate, hate you`,
    "0.7": `disappointed, disappointing, disappointment, frustrated, frustrating, annoyed, annoying, angry, upset, useless, incompetent, incompetence, rude, unhelpful,
      no response, no reply, no answer, never received, not normal, still not, still no, nobody, no one, ignored, ignoring, lied, lies, liars, poor service,
      bad service, customer service sucks, sucks, suck, unbelievable, seriously, inexcusable, nightmare, mess, fail, failed, failing, fails, ruined, stranded`,
    "0.45": `problem, problems, issue, issues, bug, error, complaint, delay, delayed, late, cancelled, canceled, lost, missing, broken, not working, doesn t work,
      does not work, won t, can t, cannot, couldn t, unable, stuck, waiting, wait, hold, on hold, again, bad, poor, wrong, sad, unfortunately, hours, urgent, help`,
    "-0.5": `thank, thanks, thank you, thx, love, loved, great, awesome, amazing, excellent, perfect, happy, glad, appreciate, appreciated, kudos, best, wonderful,
      fantastic, good, nice, helpful, quick, fast, friendly, pleased, satisfied, recommend, brilliant, cheers`,
  },
};

/** Words that negate the next few words, per language (folded; "n t" is what "n't" folds to after a stem). */
export const NEGATORS: Record<Language, readonly string[]> = {
  fr: ["pas", "jamais", "rien", "aucun", "aucune", "sans", "ni", "guere"],
  nl: ["niet", "geen", "nooit", "niets", "zonder", "nergens", "noch"],
  en: ["not", "no", "never", "nothing", "without", "t", "nt", "dont", "isnt", "wasnt", "arent", "didnt", "doesnt", "nor", "hardly", "neither"],
};

/** How many words before a lexicon word a negator still negates it. */
export const NEGATION_WINDOW = 3;

/** A lexicon phrase with its language and weight. */
export interface LexiconEntry {
  phrase: string;
  language: Language;
  weight: number;
}

/** Every lexicon entry of every language. */
export const FRUSTRATION_LEXICON: readonly LexiconEntry[] = (Object.keys(FRUSTRATION) as Language[]).flatMap((language) =>
  Object.entries(FRUSTRATION[language]).flatMap(([weight, list]) =>
    list
      .split(",")
      .map((phrase) => phrase.trim())
      .filter((phrase) => phrase !== "")
      .map((phrase) => ({ phrase, language, weight: Number(weight) })),
  ),
);
