// Phrases that say how long someone has waited: "depuis trois semaines", "al drie weken",
// "for 3 weeks", "2 days ago", or "still waiting" without a number. Read on folded words.

const UNITS = new Set(
  `jour jours semaine semaines mois heure heures minutes
   dag dagen week weken maand maanden uur uren minuten
   day days week weeks month months hour hours hrs minutes mins`.split(/\s+/),
);

const QUANTITIES = new Set(
  `un une deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt trente quarante plusieurs quelques
   een twee drie vier vijf zes zeven acht negen tien elf twaalf vijftien twintig dertig veertig meerdere enkele paar
   a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty several few many couple`.split(/\s+/),
);

/** Words that put a duration before them as a wait ("ça fait", "al", "for"); checked up to three words before the number. */
const LEADS = new Set(
  `depuis fait voila attends attendu attente patiente
   al sinds reeds wacht wachten gewacht ruim
   for over since waiting waited wait been past last`.split(/\s+/),
);

/** Words after a duration that make it a wait ("3 weeks ago"). */
const TRAILS = new Set([
  "ago",
  "geleden",
  "plus",
  "later",
  "now",
  "nu",
  "que",
  "wait",
  "delay",
  "delayed",
  "late",
  "attente",
  "retard",
  "wachttijd",
  "vertraging",
]);

/** Waits said without a number. */
const FIXED = [
  "toujours en attente",
  "j attends toujours",
  "j attends encore",
  "j attends depuis",
  "attends toujours",
  "toujours pas de nouvelles",
  "wacht nog steeds",
  "wacht nog altijd",
  "nog steeds aan het wachten",
  "nog altijd aan het wachten",
  "still waiting",
  "been waiting",
  "still haven t",
  "still have not",
  "still no word",
].map((phrase) => phrase.split(" "));

const FIXED_BY_FIRST = new Map<string, string[][]>();
for (const words of FIXED) {
  const first = words[0] as string;
  FIXED_BY_FIRST.set(first, [...(FIXED_BY_FIRST.get(first) ?? []), words]);
}

/** Each waiting phrase in `words` (folded), as the words that say it; each place in the text once. */
export function findWaiting(words: readonly string[]): string[] {
  const found: string[] = [];
  let after = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (i >= after && UNITS.has(word) && i > 0) {
      const quantity = words[i - 1] as string;
      if (isQuantity(quantity)) {
        let start = -1;
        for (let k = i - 2; k >= 0 && k >= i - 4; k--) {
          if (LEADS.has(words[k] as string) || (words[k] === "a" && words[k - 1] === "y")) {
            start = words[k] === "a" ? k - 1 : k;
            // "ça fait", "cela fait": the whole phrase.
            if (words[k] === "fait" && (words[k - 1] === "ca" || words[k - 1] === "cela")) start = k - 1;
            break;
          }
        }
        const trail = words[i + 1];
        if (start < 0 && trail !== undefined && TRAILS.has(trail) && trail !== "plus" && trail !== "que") start = i - 1;
        if (start >= 0) {
          found.push(words.slice(start, i + 1).join(" ") + (start === i - 1 && trail !== undefined ? ` ${trail}` : ""));
          after = i + 1;
          continue;
        }
      }
    }
    const fixed = FIXED_BY_FIRST.get(word);
    if (fixed === undefined || i < after) continue;
    for (const phrase of fixed) {
      if (phrase.every((part, k) => words[i + k] === part)) {
        found.push(phrase.join(" "));
        after = i + phrase.length;
        break;
      }
    }
  }
  return found;
}

function isQuantity(word: string): boolean {
  if (QUANTITIES.has(word)) return true;
  const code = word.charCodeAt(0);
  return code >= 48 && code <= 57 && /^\d{1,3}$/.test(word);
}
