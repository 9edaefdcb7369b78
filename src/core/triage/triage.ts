// Triage of one customer message: its language, how frustrated its writer sounds and why, and
// its alarm words. Pure and fast: lexicons are compiled once, the text is folded once.

import { foldedWords } from "../text/fold.js";
import { compileAlarms, DEFAULT_ALARMS, findAlarms } from "./alarms.js";
import { scoreFrustration } from "./frustration.js";
import { detectLanguageOf, withoutAddresses } from "./language.js";
import { type AlarmLexicon, FRUSTRATION_THRESHOLD, REPEAT_CONTACT_DAYS, type TriageInput, type TriageSignals } from "./signals.js";

/** How much of a message triage reads: the subject and the first characters of the text. */
export const TRIAGE_MAX_CHARS = 20_000;

/** Options of {@link triage}: a workspace's alarm lists (default {@link DEFAULT_ALARMS}) and threshold (default {@link FRUSTRATION_THRESHOLD}). */
export interface TriageOptions {
  alarms?: AlarmLexicon;
  threshold?: number;
}

/**
 * The triage signals of one message. The subject is read with the text; only the first
 * {@link TRIAGE_MAX_CHARS} characters count. `frustrated` is whether the score reaches `threshold`.
 */
export function triage(input: TriageInput, options: TriageOptions = {}): TriageSignals {
  const threshold = options.threshold ?? FRUSTRATION_THRESHOLD;
  const subject = input.subject ?? "";
  const raw = (subject === "" ? input.text : `${subject}\n${input.text}`).slice(0, TRIAGE_MAX_CHARS);
  const text = withoutAddresses(raw);
  const words = foldedWords(text);
  const language = detectLanguageOf(text, words);
  const { score, reasons } = scoreFrustration({ raw: text, words, language, recentContacts: input.recentContacts, contactDays: REPEAT_CONTACT_DAYS });
  const alarms = findAlarms(compileAlarms(options.alarms ?? DEFAULT_ALARMS), words, language);
  return { language, frustration: score, frustrated: score >= threshold, alarms, reasons };
}
