// What running rules has read in one unit of work: the enabled rules, customers' facts and
// agents' roles. Savepoints of a unit of work share its clock cache, and so this one. The rules
// themselves are kept across units of work by the table's fingerprint: each unit of work costs
// one small aggregate, and the same rule objects keep their compiled conditions.

import type { Rule } from "../../core/rules/rule.js";
import { type CustomerFacts, readAgentFacts, readCustomerFacts, readRulesAndCustomer, rulesFingerprint } from "../../store/ruleRuns.js";
import { listEnabledRules } from "../../store/rules.js";
import type { ClockCache } from "../sla/clockCache.js";
import type { Work } from "../work.js";

interface RulesCache {
  rules?: Rule[];
  customers: Map<string, CustomerFacts>;
  agents: Map<string, { role: string; teamId: string | null } | undefined>;
}

const caches = new WeakMap<ClockCache, RulesCache>();

// The enabled rules by fingerprint of the table (a few databases may share a process: tests).
const byFingerprint = new Map<string, Rule[]>();
const KEPT = 8;

function cacheOf(work: Work): RulesCache {
  let cache = caches.get(work.clocks);
  if (!cache) caches.set(work.clocks, (cache = { customers: new Map(), agents: new Map() }));
  return cache;
}

/**
 * The enabled rules in order, read once per unit of work; with `customerId`, that customer's
 * facts come in the same round trip (a ticket's change reads both).
 */
export async function enabledRules(work: Work, customerId?: string): Promise<Rule[]> {
  const cache = cacheOf(work);
  if (cache.rules) return cache.rules;
  let stamp: string;
  if (customerId !== undefined && !cache.customers.has(customerId)) {
    const read = await readRulesAndCustomer(work.tx, customerId);
    cache.customers.set(customerId, read.customer);
    stamp = read.stamp;
  } else {
    stamp = await rulesFingerprint(work.tx);
  }
  if (stamp === "") return (cache.rules = []);
  let rules = byFingerprint.get(stamp);
  if (!rules) {
    rules = await listEnabledRules(work.tx);
    if (byFingerprint.size >= KEPT) byFingerprint.delete(byFingerprint.keys().next().value as string);
    byFingerprint.set(stamp, rules);
  }
  return (cache.rules = rules);
}

/** Forgets the rules read in this unit of work (after a rule is saved in it). */
export function forgetRules(work: Work): void {
  delete cacheOf(work).rules;
}

/** The customer's and organization's facts, read once per unit of work. */
export async function customerFacts(work: Work, customerId: string): Promise<CustomerFacts> {
  const cache = cacheOf(work);
  let facts = cache.customers.get(customerId);
  if (!facts) cache.customers.set(customerId, (facts = await readCustomerFacts(work.tx, customerId)));
  return facts;
}

/** An agent's role and team, read once per unit of work. */
export async function agentFacts(work: Work, agentId: string): Promise<{ role: string; teamId: string | null } | undefined> {
  const cache = cacheOf(work);
  if (!cache.agents.has(agentId)) cache.agents.set(agentId, await readAgentFacts(work.tx, agentId));
  return cache.agents.get(agentId);
}
