// Evaluating rules against the facts of one event, with the explanation a decision records:
// which rules matched, in order, and the comparisons that made each one match.

import { compileCondition, FactsView } from "./compile.js";
import type { RuleFacts } from "./facts.js";
import type { Condition, MatchedPredicate, Rule, RuleMatch, RuleTrigger } from "./rule.js";

// One view per facts object, so that the rules of one event fold its texts once between them.
const views = new WeakMap<RuleFacts, FactsView>();

function viewOf(facts: RuleFacts): FactsView {
  let view = views.get(facts);
  if (!view) views.set(facts, (view = new FactsView(facts)));
  return view;
}

/**
 * Whether `condition` holds for `facts`, and the comparisons that made it hold: every
 * comparison of an `all`, the first `any` branch that held, and under a `not` the comparisons
 * that failed (marked `negated`). Empty `all` holds; empty `any` does not. A comparison on an
 * unknown field, or with a value its operator cannot use, never holds (validation refuses both).
 */
export function evaluateCondition(condition: Condition, facts: RuleFacts): { holds: boolean; matched: MatchedPredicate[] } {
  const { holds, matched } = compileCondition(condition).explain(viewOf(facts));
  return { holds, matched: holds ? matched : [] };
}

/**
 * The rules that match one event, in the order they run: the enabled rules listening to
 * `trigger`, by ascending position (ties by id), whose conditions hold, except those in
 * `options.skip` (a rule whose own change set off this event). A matching rule with `stop` ends
 * the list.
 */
export function evaluateRules(rules: readonly Rule[], facts: RuleFacts, trigger: RuleTrigger, options: { skip?: ReadonlySet<string> } = {}): RuleMatch[] {
  const candidates = rules.filter((rule) => rule.enabled && rule.triggers.includes(trigger) && !options.skip?.has(rule.id));
  candidates.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const view = viewOf(facts);
  const matches: RuleMatch[] = [];
  for (const rule of candidates) {
    const condition = compileCondition(rule.conditions);
    if (!condition.holds(view)) continue;
    matches.push({ ruleId: rule.id, ruleName: rule.name, matched: condition.explain(view).matched });
    if (rule.stop) break;
  }
  return matches;
}
