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
      escroquerie, escrocs, voleurs, foutage de gueule, se fout de, se foutent de, ras le bol, marre, en ai marre, j en ai assez, pire service, nul a chier, degoute, furieux, furieuse, pathetique, merde, putain, bordel, salaud, salauds, connard, connards, connasse,
      ta gueule, fermez la, va te faire, foutez moi, degage, degagez, enfoire, enfoires, ordure, ordures, pourri, pourrie, je vous deteste, je te deteste, deteste, hais`,
    "0.7": `inexcusable, incompetent, incompetents, incompetence, decu, decue, decevant, deception, indigne, exaspere, exasperant, agace, enerve, enervant, colere,
      pitoyable, mediocre, nul, nulle, nuls, n importe quoi, c est une blague, se moquer, se moque, ignore, ignores, aucune reponse, sans reponse, toujours rien,
      toujours pas, pas normal, jamais recu, ne repond, personne ne, inutile, plusieurs fois, troisieme fois, trois fois, a nouveau, encore et encore, inutilisable, mensonge, menteurs, vol, insupportable, horrible, affreux, desastreux, deplorable,
      mecontent, mecontente, mecontentement, insatisfait, insatisfaite, penible, lassant, ridicule, absurde, daube, navet, navets,
      a eviter, sans interet, ininteressant, ininteressante, ennuyeuse, nunuche, debile, idiot, idiote, imbecile, cretin, stupide, massacre, minable,
      insupportable, j en peux plus, tais toi, taisez vous, la ferme, fiche moi la paix, laisse moi tranquille, menteur, menteuse, mensonges`,
    "0.45": `probleme, problemes, souci, bug, bugs, erreur, plainte, reclamation, retard, en retard, bloque, bloquee, impossible de, ne marche pas, ne fonctionne pas,
      marche pas, fonctionne pas, ne marche plus, ne fonctionne plus, attente, attendre, j attends, relance, relancer, encore une fois, une fois de plus, mal,
      mauvais, mauvaise, pire, triste, dommage, ennuyeux, ennui, ennuie, rate, echec, perdu, perdue, annule, annulee, urgent, urgence,
      pourquoi, j ai essaye, essaye, tente, on m a dit, sans succes`,
    "-0.5": `content, contente, satisfait, satisfaite, merci, parfait, parfaite, super, genial, geniale, excellent, excellente, bravo, top, ravi, ravie, formidable,
      bien, bon, bonne, agreable, efficace, rapide, aimable, sympa, adore, aime, recommande, impeccable`,
  },
  nl: {
    "0.9": `schandalig, schande, belachelijk, onacceptabel, onaanvaardbaar, oplichting, oplichters, oplichter, dieven, waardeloos, waardeloze, bagger, klote, kut,
      woedend, razend, boos, kwaad, spuugzat, het zat, ben het zat, ben er klaar mee, te schandalig, slechtste,
      verdomme, godverdomme, verdomde, klootzak, klootzakken, rot op, sodemieter op, hou je kop, hou je bek, kop dicht, hou je mond, trut, eikel, lul,
      shit, tering, kanker, haat, ik haat, ik haat je, walg, hufter, smeerlap, ellendeling`,
    "0.7": `teleurgesteld, teleurstellend, teleurstelling, ontevreden, ontevredenheid, incompetent, onbeschoft, frustrerend, gefrustreerd, ergerlijk, irritant,
      geirriteerd, walgelijk, triest, bedroevend, pathetisch, nutteloos, onbruikbaar, leugens, leugenaars, geen antwoord, geen reactie, nooit ontvangen,
      nog steeds niet, nog altijd niet, niet normaal, meerdere keren, derde keer, drie keer, keer op keer, niemand, vreselijk, verschrikkelijk, afschuwelijk, rampzalig, ramp, genegeerd, negeren, onmogelijk, idioot, stom, stomme, irriteert, ergert, ergeren, hekel, lastig, zeur, zeuren,
      laat me met rust, donder op, achterlijk, debiel, sukkel, leugenaar`,
    "0.45": `probleem, problemen, klacht, klachten, fout, fouten, storing, vertraging, te laat, wachten, wacht, lang, werkt niet, doet het niet, kapot, geblokkeerd,
      opnieuw, alweer, weer eens, slecht, slechte, jammer, vervelend, helaas, verloren, kwijt, geannuleerd, dringend, spoed,
      waarom, geprobeerd, werd gezegd, zonder succes`,
    "-0.5": `tevreden, blij, dank, bedankt, dankjewel, dankuwel, perfect, super, geweldig, uitstekend, top, prima, fijn, goed, goede, mooi, snel, vriendelijk,
      behulpzaam, aanrader, aan te raden, topservice`,
  },
  en: {
    "0.9": `unacceptable, outrageous, disgusting, disgraceful, disgrace, ridiculous, pathetic, scam, scammers, fraud, thieves, furious, livid, fed up, sick of,
      sick and tired, worst, horrible, terrible, awful, appalling, atrocious, shameful, shame on you, fuck, fucking, fucked, wtf, bullshit, screw you, joke of a, hate, hate you, shut up, damn, damn it, dammit,
      bastard, bastards, idiot, idiots, crap, shit, shitty, pissed, pissed off, worst airline, worst customer service, never again, never flying`,
    "0.7": `disappointed, disappointing, disappointment, frustrated, frustrating, annoyed, annoying, angry, upset, useless, incompetent, incompetence, rude, unhelpful,
      no response, no reply, no answer, never received, not normal, still not, still no, nobody, no one, ignored, ignoring, lied, lies, liars, poor service, third time, 3 times, several times, multiple times, again and again, over and over,
      bad service, customer service sucks, sucks, suck, unbelievable, seriously, inexcusable, nightmare, mess, fail, failed, failing, fails, ruined, stranded, screwed,
      terrible service, wasted, waste of, rip off, ripoff, disappointing, shocked, unprofessional, apathy, excuses, no excuse, not acceptable`,
    "0.45": `problem, problems, issue, issues, bug, error, complaint, delay, delayed, late, cancelled, canceled, lost, missing, broken, not working, doesn t work,
      does not work, won t, can t, cannot, couldn t, unable, stuck, waiting, wait, hold, on hold, again, bad, poor, wrong, sad, unfortunately, hours, urgent, help,
      why, tried, trying, was told, were told, told me, called, calling, yet again`,
    "-0.5": `thank, thanks, thank you, thx, love, loved, great, awesome, amazing, excellent, perfect, happy, glad, appreciate, appreciated, kudos, best, wonderful,
      fantastic, good, nice, helpful, quick, fast, friendly, pleased, satisfied, recommend, brilliant, cheers`,
  },
};

/** Words that negate the next few words, per language (folded; "n t" is what "n't" folds to after a stem). */
export const NEGATORS: Record<Language, readonly string[]> = {
  fr: ["pas", "jamais", "rien", "aucun", "aucune", "sans", "ni", "guere", "ne", "n"],
  nl: ["niet", "geen", "nooit", "niets", "zonder", "nergens", "noch"],
  en: ["not", "no", "never", "nothing", "without", "t", "nt", "dont", "isnt", "wasnt", "arent", "didnt", "doesnt", "nor", "hardly", "neither"],
};

/** How many words before a lexicon word a negator still negates it. */
export const NEGATION_WINDOW = 3;

/** Negators that follow the word they negate ("j'aime pas", "werkt niet"), read right after words of praise. */
export const NEGATORS_AFTER: Record<Language, readonly string[]> = {
  fr: ["pas", "plus", "jamais"],
  nl: ["niet", "nooit"],
  en: [],
};

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
