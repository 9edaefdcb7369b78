// The API calls of the rules and triage screens (docs/rules.md): rules in order, one rule, its
// writes with If-Match, the order, a draft's dry run on the latest tickets, the triage settings.

import type { Rule, RuleDefinition, MatchedPredicate, RuleTrigger } from "../../core/rules/rule.js";
import type { AlarmLexicon } from "../../core/triage/signals.js";
import { request } from "./client.js";

export type { Rule, RuleDefinition };

/** One ticket the draft would have acted on, for one of its triggers. */
export interface DryRunMatch {
  ticketNumber: number;
  subject: string;
  trigger: RuleTrigger;
  matched: MatchedPredicate[];
  /** What the actions would change on the ticket: field → [before, after]. */
  changes: Record<string, [unknown, unknown]>;
  /** What would otherwise happen (notices, notes, replies, webhooks), summed up by the server. */
  actions: { type: string; summary: string }[];
}

export interface RuleDryRun {
  examined: number;
  matched: DryRunMatch[];
}

export interface TriageSettings {
  threshold: number;
  alarms: AlarmLexicon;
  version: number;
}

const ifMatch = (version: number) => ({ "If-Match": `"${version}"` });

/** The rules in the order they run. */
export async function listRules(): Promise<Rule[]> {
  const answer = (await request<{ items?: Rule[] }>("GET", "/rules")).data;
  return [...(answer.items ?? [])].sort((a, b) => a.position - b.position);
}

export async function getRule(id: string): Promise<Rule> {
  return (await request<Rule>("GET", `/rules/${id}`)).data;
}

export async function createRule(definition: RuleDefinition): Promise<Rule> {
  return (await request<Rule>("POST", "/rules", { body: definition })).data;
}

/** Changes part of a rule; `version` guards against a colleague's change meanwhile. */
export async function updateRule(id: string, version: number, changes: Partial<RuleDefinition>): Promise<Rule> {
  return (await request<Rule>("PATCH", `/rules/${id}`, { body: changes, headers: ifMatch(version) })).data;
}

export async function deleteRule(id: string): Promise<void> {
  await request<unknown>("DELETE", `/rules/${id}`);
}

/** Puts every rule in the order of `ids` (first runs first); answers the rules in that order. */
export async function reorderRules(ids: string[]): Promise<Rule[]> {
  const answer = (await request<{ items?: Rule[] }>("POST", "/rules/reorder", { body: { ids } })).data;
  return [...(answer.items ?? [])].sort((a, b) => a.position - b.position);
}

/** What the draft would do to the last `limit` tickets, as if each trigger had just happened; nothing is written. */
export async function dryRunRule(rule: RuleDefinition, limit: number): Promise<RuleDryRun> {
  const answer = (await request<Partial<RuleDryRun>>("POST", "/rules/dry-run", { body: { rule, limit } })).data;
  return { examined: answer.examined ?? 0, matched: answer.matched ?? [] };
}

export async function getTriageSettings(): Promise<TriageSettings> {
  return (await request<TriageSettings>("GET", "/settings/triage")).data;
}

/** Changes the threshold and the alarm lists given (each replaces the list of its kind and language). */
export async function saveTriageSettings(
  version: number,
  settings: { threshold?: number; alarms?: Partial<Record<keyof AlarmLexicon, Partial<Record<"fr" | "nl" | "en", string[]>>>> },
): Promise<TriageSettings> {
  return (await request<TriageSettings>("PUT", "/settings/triage", { body: settings, headers: ifMatch(version) })).data;
}
