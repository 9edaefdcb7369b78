// The workspace's root causes: the built-in ones (their words in the catalogue unless renamed)
// and those the workspace added (their words in French, Dutch and English), each offered or
// retired. A cause is never deleted, so that escalations solved with it keep their words.

import { LOCALES, type Locale } from "../i18n/locale.js";
import { EscalationInvalid, type EscalationProblem } from "./escalationInvalid.js";
import { DEFAULT_ROOT_CAUSES, type RootCauseEntry, type RootCauseLabels } from "./handoff.js";

export type { RootCauseEntry, RootCauseLabels };

/** A code a workspace gives: lower-case letters, digits and underscores, starting with a letter. */
export const ROOT_CAUSE_CODE = /^[a-z][a-z0-9_]{1,39}$/;
/** The longest label. */
export const ROOT_CAUSE_LABEL_MAX = 80;

const BUILT_IN: readonly string[] = DEFAULT_ROOT_CAUSES;

/**
 * The list as stored, read: the entries written by this module, or the older form (the codes
 * offered, every built-in cause left out being retired); built-in causes it lacks come last, offered
 * when nothing was stored and retired otherwise.
 */
export function rootCauseEntries(stored: unknown): RootCauseEntry[] {
  if (!Array.isArray(stored)) return BUILT_IN.map((code) => ({ code, builtIn: true, labels: null, retired: false }));
  const entries: RootCauseEntry[] = [];
  for (const item of stored as unknown[]) {
    if (typeof item === "string") {
      if (BUILT_IN.includes(item) && !entries.some((e) => e.code === item)) entries.push({ code: item, builtIn: true, labels: null, retired: false });
    } else if (item && typeof item === "object" && typeof (item as RootCauseEntry).code === "string") {
      const entry = item as Partial<RootCauseEntry> & { code: string };
      if (entries.some((e) => e.code === entry.code)) continue;
      entries.push({ code: entry.code, builtIn: BUILT_IN.includes(entry.code), labels: entry.labels ?? null, retired: entry.retired === true });
    }
  }
  for (const code of BUILT_IN) if (!entries.some((e) => e.code === code)) entries.push({ code, builtIn: true, labels: null, retired: true });
  return entries;
}

/** The codes offered when solving, in the workspace's order. */
export function offeredRootCauses(entries: readonly RootCauseEntry[]): string[] {
  return entries.filter((e) => !e.retired).map((e) => e.code);
}

/** The entry of `code`, retired or not. */
export function rootCauseEntry(entries: readonly RootCauseEntry[], code: string): RootCauseEntry | undefined {
  return entries.find((e) => e.code === code);
}

/** A cause as a change may give it: a known code alone, or an entry with its code (or none: one is made from the English label), labels and state. */
export type RootCauseItem = string | { code?: unknown; labels?: unknown; retired?: unknown };

/** A code made of `label` (accents folded, words joined by `_`), unique among `taken`. */
export function rootCauseCode(label: string, taken: ReadonlySet<string>): string {
  const folded = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+|_+$/g, "")
    .slice(0, 32)
    .replace(/_+$/, "");
  const base = folded.length >= 2 ? folded : `cause${folded}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

function labelsOf(raw: unknown, at: string, problems: EscalationProblem[]): RootCauseLabels | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null) return null;
  if (typeof raw !== "object" || Array.isArray(raw)) {
    problems.push({ path: `${at}.labels`, code: "required" });
    return undefined;
  }
  const given = raw as Record<string, unknown>;
  const labels: Partial<RootCauseLabels> = {};
  for (const locale of LOCALES) {
    const value = typeof given[locale] === "string" ? (given[locale] as string).trim() : "";
    if (value === "") problems.push({ path: `${at}.labels.${locale}`, code: "required" });
    else if (value.length > ROOT_CAUSE_LABEL_MAX) problems.push({ path: `${at}.labels.${locale}`, code: "too_long", params: { max: ROOT_CAUSE_LABEL_MAX } });
    else labels[locale] = value;
  }
  return Object.keys(labels).length === LOCALES.length ? (labels as RootCauseLabels) : undefined;
}

/**
 * The list a change makes of `current`: each item given replaces its cause's entry (labels and
 * state as given, else as they were), in the order given; causes not listed stay, retired. Throws
 * {@link EscalationInvalid} naming every problem by its path (`rootCauses[2].labels.nl`): a code
 * not in the list given alone (`not_allowed_value`) or malformed (`wrong_format`), a code twice
 * (`duplicate_code`), a new cause without its three labels (`required`), a label too long, and
 * `other` retired or left out (`other_required`).
 */
export function checkRootCauses(raw: unknown, current: readonly RootCauseEntry[]): RootCauseEntry[] {
  const problems: EscalationProblem[] = [];
  if (!Array.isArray(raw)) throw new EscalationInvalid([{ path: "rootCauses", code: "required" }]);
  const taken = new Set(current.map((e) => e.code));
  const given = new Set<string>();
  const out: RootCauseEntry[] = [];
  (raw as unknown[]).forEach((item, i) => {
    const at = `rootCauses[${i}]`;
    if (typeof item === "string") {
      const known = rootCauseEntry(current, item);
      if (!known) problems.push({ path: at, code: "not_allowed_value", params: { values: current.map((e) => e.code).join(", ") } });
      else if (given.has(item)) problems.push({ path: at, code: "duplicate_code" });
      else {
        given.add(item);
        out.push({ ...known, retired: false });
      }
      return;
    }
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      problems.push({ path: at, code: "required" });
      return;
    }
    const entry = item as { code?: unknown; labels?: unknown; retired?: unknown };
    const labels = labelsOf(entry.labels, at, problems);
    let code: string | undefined;
    const labelProblem = () => problems.some((p) => p.path.startsWith(`${at}.labels`));
    if (entry.code === undefined || entry.code === null || entry.code === "") {
      if (labels) code = rootCauseCode(labels.en, new Set([...taken, ...given]));
      else if (!labelProblem()) problems.push({ path: `${at}.labels`, code: "required" });
    } else if (typeof entry.code !== "string" || !ROOT_CAUSE_CODE.test(entry.code)) problems.push({ path: `${at}.code`, code: "wrong_format" });
    else code = entry.code;
    if (code === undefined) return;
    if (given.has(code)) {
      problems.push({ path: `${at}.code`, code: "duplicate_code" });
      return;
    }
    given.add(code);
    const known = rootCauseEntry(current, code);
    const builtIn = BUILT_IN.includes(code);
    const finalLabels = labels === undefined ? (known?.labels ?? null) : labels;
    // A cause of the workspace's own has no words in the catalogue: its three labels are required.
    if (!builtIn && finalLabels === null && !labelProblem()) problems.push({ path: `${at}.labels`, code: "required" });
    out.push({ code, builtIn, labels: finalLabels, retired: entry.retired === true });
  });
  for (const entry of current) if (!given.has(entry.code)) out.push({ ...entry, retired: true });
  const other = out.find((e) => e.code === "other");
  if (!other || other.retired || !given.has("other")) problems.push({ path: "rootCauses", code: "other_required" });
  if (problems.length > 0) throw new EscalationInvalid(problems);
  return out;
}

/** The words of `code` in `locale`: the workspace's when it set them, else `catalogue(code)`, else the code. */
export function rootCauseLabel(entries: readonly RootCauseEntry[], code: string, locale: Locale, catalogue: (code: string) => string | undefined): string {
  return rootCauseEntry(entries, code)?.labels?.[locale] ?? catalogue(code) ?? code;
}
