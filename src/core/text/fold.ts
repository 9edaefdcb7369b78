// Text folded for matching words the way people read them: case, accents and punctuation do not
// count ("ÇA NE MARCHE PAS!!" holds "ne marche pas"), whole words do ("pas" is not in "passer").
// Rules' word operators and triage's lexicons both match on folded text.

const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ĳ: "ij" };

/**
 * `text` in lower case, without accents, its ligatures spelled out, and every run of
 * punctuation and spaces one space, trimmed: "L'Œuvre — ÇA NE MARCHE PAS!!" gives
 * "l oeuvre ca ne marche pas".
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[œæßĳ]/g, (letter) => LIGATURES[letter] ?? letter)
    .normalize("NFD")
    .replace(MARKS, "")
    .replace(NOT_WORD, " ")
    .trim();
}

/** The words of `text`, folded. */
export function foldedWords(text: string): string[] {
  const folded = fold(text);
  return folded === "" ? [] : folded.split(" ");
}

/**
 * Whether folded `haystack` holds folded `phrase` as whole words. Both must come from
 * {@link fold}; an empty phrase is never found.
 */
export function holdsPhrase(haystack: string, phrase: string): boolean {
  if (phrase === "") return false;
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(phrase, from);
    if (at < 0) return false;
    const end = at + phrase.length;
    if ((at === 0 || haystack[at - 1] === " ") && (end === haystack.length || haystack[end] === " ")) return true;
    from = at + 1;
  }
}
