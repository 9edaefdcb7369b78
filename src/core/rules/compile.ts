// Conditions compiled once into functions of the facts: a rule's phrases are folded, its
// instants parsed and its lists made sets when it is first evaluated, not for every message.
// The facts' own texts are folded once per evaluation (`FactsView`), however many rules read them.

import { parseInstant } from "../time/iso.js";
import { fold, holdsPhrase } from "../text/fold.js";
import type { RuleFacts } from "./facts.js";
import { type FieldSpec, fieldSpec, shownValue } from "./fields.js";
import type { Condition, MatchedPredicate, Predicate } from "./rule.js";

/** Whether a condition held; `matched` the comparisons that made it hold, `failed` those that made it fail. */
export interface Outcome {
  holds: boolean;
  matched: MatchedPredicate[];
  failed: MatchedPredicate[];
}

/**
 * A compiled condition: `holds` answers fast, allocating nothing, for the many rules that do not
 * match; `explain` says why, for the few that do (and for a `not`, why the inside failed).
 */
export interface CompiledCondition {
  holds(view: FactsView): boolean;
  explain(view: FactsView): Outcome;
}

/** The longest text a decision records as the value a field had. */
const SHOWN_TEXT = 200;

const MARKS = /\p{M}+/gu;
const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ĳ: "ij" };

/** `text` in lower case without accents, punctuation kept: how `is`, `contains` and `starts_with` compare text. */
export function loose(text: string): string {
  return text
    .toLowerCase()
    .replace(/[œæßĳ]/g, (letter) => LIGATURES[letter] ?? letter)
    .normalize("NFD")
    .replace(MARKS, "");
}

/** The facts of one evaluation, with their texts folded once, on first use, for every rule that reads them. */
export class FactsView {
  private readonly foldedTexts = new Map<string, string>();
  private readonly looseTexts = new Map<string, string>();
  private beforeFacts: RuleFacts | undefined;

  constructor(readonly facts: RuleFacts) {}

  value(spec: FieldSpec): unknown {
    return spec.read(this.facts);
  }

  /** The field's value before the change, or undefined when there was no before. */
  before(spec: FieldSpec): unknown {
    if (!this.facts.before) return undefined;
    this.beforeFacts ??= { ...this.facts, ticket: this.facts.before };
    return spec.read(this.beforeFacts);
  }

  /** `text` folded for `matches_words`, remembered under `key`. */
  folded(key: string, text: string): string {
    let done = this.foldedTexts.get(key);
    if (done === undefined) this.foldedTexts.set(key, (done = fold(text)));
    return done;
  }

  /** `text` in lower case without accents, remembered under `key`. */
  loose(key: string, text: string): string {
    let done = this.looseTexts.get(key);
    if (done === undefined) this.looseTexts.set(key, (done = loose(text)));
    return done;
  }
}

const compiled = new WeakMap<object, CompiledCondition>();

/** `condition` compiled, once per condition object. */
export function compileCondition(condition: Condition): CompiledCondition {
  let done = compiled.get(condition);
  if (!done) compiled.set(condition, (done = compileFresh(condition)));
  return done;
}

function compileFresh(condition: Condition): CompiledCondition {
  if ("all" in condition) {
    const parts = condition.all.map(compileCondition);
    return {
      holds: (view) => parts.every((part) => part.holds(view)),
      explain: (view) => {
        const matched: MatchedPredicate[] = [];
        for (const part of parts) {
          const outcome = part.explain(view);
          if (!outcome.holds) return { holds: false, matched: [], failed: outcome.failed };
          matched.push(...outcome.matched);
        }
        return { holds: true, matched, failed: [] };
      },
    };
  }
  if ("any" in condition) {
    const parts = condition.any.map(compileCondition);
    return {
      holds: (view) => parts.some((part) => part.holds(view)),
      explain: (view) => {
        const failed: MatchedPredicate[] = [];
        for (const part of parts) {
          const outcome = part.explain(view);
          if (outcome.holds) return { holds: true, matched: outcome.matched, failed: [] };
          failed.push(...outcome.failed);
        }
        return { holds: false, matched: [], failed };
      },
    };
  }
  if ("not" in condition) {
    const inner = compileCondition(condition.not);
    // What made the inner condition fail is why its negation holds, and the other way round.
    return {
      holds: (view) => !inner.holds(view),
      explain: (view) => {
        const outcome = inner.explain(view);
        return { holds: !outcome.holds, matched: outcome.failed.map(negate), failed: outcome.matched.map(negate) };
      },
    };
  }
  return compilePredicate(condition);
}

function negate(predicate: MatchedPredicate): MatchedPredicate {
  const { negated, ...rest } = predicate;
  return negated ? rest : { ...rest, negated: true };
}

/** One comparison: whether it holds, and what it read (the value, the words found) to explain it. */
interface Test {
  check(view: FactsView): boolean;
  describe(view: FactsView): { actual: unknown; found?: string[] };
}

function compilePredicate(predicate: Predicate): CompiledCondition {
  const test = compileTest(predicate);
  const base: Omit<MatchedPredicate, "actual"> = { field: predicate.field, op: predicate.op };
  if (predicate.value !== undefined) base.value = predicate.value;
  return {
    holds: (view) => test.check(view),
    explain: (view) => {
      const holds = test.check(view);
      const { actual, found } = test.describe(view);
      const record: MatchedPredicate = { ...base, actual };
      if (found) record.found = found;
      return holds ? { holds, matched: [record], failed: [] } : { holds, matched: [], failed: [record] };
    },
  };
}

const never: Test = { check: () => false, describe: () => ({ actual: null }) };

function compileTest(predicate: Predicate): Test {
  const { op, value } = predicate;
  if (op === "within_business_hours") return withinBusinessHours(predicate);
  const spec = fieldSpec(predicate.field);
  if (!spec) return never;
  const show = (actual: unknown) => shown(spec, actual);
  if (op === "changed" || op === "changed_from" || op === "changed_to") return changeTest(spec, op, value);
  const holds = valueTest(spec, op, value);
  if (!holds) return never;
  if (op === "matches_words") {
    const phrases = wordPhrases(value);
    return {
      check: (view) => {
        const actual = view.value(spec);
        return phrases.some(([, folded]) => wordsHold(view, spec, actual, folded));
      },
      describe: (view) => {
        const actual = view.value(spec);
        return { actual: show(actual), found: phrases.filter(([, folded]) => wordsHold(view, spec, actual, folded)).map(([phrase]) => phrase) };
      },
    };
  }
  return {
    check: (view) => holds(view, view.value(spec), spec.path),
    describe: (view) => ({ actual: show(view.value(spec)) }),
  };
}

/** A test of the field's current value: `(view, actual, key)`; undefined when the value cannot be compared. */
type ValueTest = (view: FactsView, actual: unknown, key: string) => boolean;

function valueTest(spec: FieldSpec, op: Predicate["op"], value: unknown): ValueTest | undefined {
  switch (op) {
    case "is":
      return equalsAny(spec, [value]);
    case "is_not": {
      const is = equalsAny(spec, [value]);
      return (view, actual, key) => !is(view, actual, key);
    }
    case "in":
      return Array.isArray(value) ? equalsAny(spec, value) : undefined;
    case "contains":
      return typeof value === "string" || typeof value === "number" ? containsAny(spec, [value]) : undefined;
    case "contains_any":
      return Array.isArray(value) ? containsAny(spec, value) : undefined;
    case "starts_with": {
      if (typeof value !== "string") return undefined;
      const prefix = loose(value);
      return (view, actual, key) => someText(actual, key, view, (text) => text.startsWith(prefix));
    }
    case "matches_words":
      return wordPhrases(value).length > 0 ? () => true : undefined;
    case "greater_than":
    case "less_than": {
      const rank = ranker(spec, value);
      if (!rank) return undefined;
      const bound = rank.bound;
      return op === "greater_than"
        ? (_view, actual) => {
            const at = rank.of(actual);
            return at !== undefined && at > bound;
          }
        : (_view, actual) => {
            const at = rank.of(actual);
            return at !== undefined && at < bound;
          };
    }
    default:
      return undefined;
  }
}

// `is` and `in`: a text without case or accents, other values exactly; a list holds the value.
function equalsAny(spec: FieldSpec, values: readonly unknown[]): ValueTest {
  const textual = isTextual(spec);
  const wanted = new Set(values.map((v) => (textual && typeof v === "string" ? loose(v) : v)));
  const wantsNone = wanted.has(null);
  const one = (view: FactsView, actual: unknown, key: string) =>
    textual && typeof actual === "string" ? wanted.has(view.loose(key, actual)) : wanted.has(actual);
  return (view, actual, key) => {
    if (actual === null || actual === undefined) return wantsNone;
    if (Array.isArray(actual)) return (wantsNone && actual.length === 0) || actual.some((element, i) => one(view, element, `${key}.${i}`));
    return one(view, actual, key);
  };
}

/** Whether the field holds words people wrote (compared without case or accents) rather than a vocabulary or ids. */
function isTextual(spec: FieldSpec): boolean {
  return spec.type === "text" || spec.type === "any" || (spec.type === "list" && !spec.values);
}

// `contains`: a text holds the words (without case or accents); a list has the element.
function containsAny(spec: FieldSpec, values: readonly unknown[]): ValueTest {
  const texts = values.filter((v): v is string => typeof v === "string").map(loose);
  const elements = equalsAny(spec, values);
  return (view, actual, key) => {
    if (Array.isArray(actual)) return elements(view, actual, key);
    if (typeof actual === "string") return texts.some((text) => view.loose(key, actual).includes(text));
    return false;
  };
}

function someText(actual: unknown, key: string, view: FactsView, test: (text: string) => boolean): boolean {
  if (typeof actual === "string") return test(view.loose(key, actual));
  if (Array.isArray(actual)) return actual.some((element, i) => typeof element === "string" && test(view.loose(`${key}.${i}`, element)));
  return false;
}

function wordPhrases(value: unknown): [phrase: string, folded: string][] {
  const phrases = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  return phrases
    .filter((p): p is string => typeof p === "string")
    .map((p) => [p, fold(p)] as [string, string])
    .filter(([, folded]) => folded !== "");
}

function wordsHold(view: FactsView, spec: FieldSpec, actual: unknown, phrase: string): boolean {
  if (typeof actual === "string") return holdsPhrase(view.folded(spec.path, actual), phrase);
  if (Array.isArray(actual)) return actual.some((element, i) => typeof element === "string" && holdsPhrase(view.folded(`${spec.path}.${i}`, element), phrase));
  return false;
}

// How `greater_than`/`less_than` place a value: numbers as they are, instants in milliseconds,
// ordered words by their rank.
function ranker(spec: FieldSpec, value: unknown): { bound: number; of: (actual: unknown) => number | undefined } | undefined {
  const number = (actual: unknown) => (typeof actual === "number" && Number.isFinite(actual) ? actual : undefined);
  if (spec.type === "number" || spec.type === "any") return typeof value === "number" ? { bound: value, of: number } : undefined;
  if (spec.type === "instant") {
    if (typeof value !== "string") return undefined;
    try {
      return { bound: parseInstant(value), of: number };
    } catch {
      return undefined;
    }
  }
  if (spec.type === "enum" && spec.ordered && spec.values && typeof value === "string") {
    const order = spec.values;
    const bound = order.indexOf(value);
    if (bound < 0) return undefined;
    return { bound, of: (actual) => (typeof actual === "string" && order.includes(actual) ? order.indexOf(actual) : undefined) };
  }
  return undefined;
}

function changeTest(spec: FieldSpec, op: "changed" | "changed_from" | "changed_to", value: unknown): Test {
  const values = Array.isArray(value) ? value : [value];
  const matches = op === "changed" ? undefined : equalsAny(spec, values);
  const each = values.map((one) => equalsAny(spec, [one]));
  const beforeKey = `before:${spec.path}`;
  return {
    check: (view) => {
      const after = view.value(spec);
      const before = view.before(spec);
      if (before === undefined || sameValue(before, after)) return false;
      if (!matches) return true;
      if (Array.isArray(before) || Array.isArray(after)) {
        // On a list, from X: X was there and is gone; to X: X was not there and is now.
        const was = Array.isArray(before) ? before : [];
        const is = Array.isArray(after) ? after : [];
        return each.some((has) => {
          const wasThere = has(view, was, beforeKey);
          const isThere = has(view, is, spec.path);
          return op === "changed_from" ? wasThere && !isThere : isThere && !wasThere;
        });
      }
      return op === "changed_from" ? matches(view, before, beforeKey) : matches(view, after, spec.path);
    },
    describe: (view) => ({ actual: [shown(spec, view.before(spec) ?? null), shown(spec, view.value(spec))] }),
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    const set = new Set(a);
    return a.length === b.length && b.every((element) => set.has(element));
  }
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

// Whether an instant (the evaluation's by default) falls in the open hours of the calendar the
// value names, or of the ticket's policy's; no calendar: always.
function withinBusinessHours(predicate: Predicate): Test {
  const spec = fieldSpec(predicate.field || "now");
  if (!spec || spec.type !== "instant") return never;
  const calendarId = typeof predicate.value === "string" ? predicate.value : undefined;
  return {
    check: (view) => {
      const at = view.value(spec);
      if (typeof at !== "number") return false;
      const calendar = calendarId === undefined ? view.facts.calendar : view.facts.calendars?.get(calendarId);
      if (!calendar) return true;
      try {
        return calendar.isOpen(at);
      } catch {
        // An instant beyond the calendar's horizon is not within its hours.
        return false;
      }
    },
    describe: (view) => ({ actual: shown(spec, view.value(spec)) }),
  };
}

function shown(spec: FieldSpec, value: unknown): unknown {
  const out = shownValue(spec, value);
  return typeof out === "string" && out.length > SHOWN_TEXT ? `${out.slice(0, SHOWN_TEXT)}…` : out;
}
