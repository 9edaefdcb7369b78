// What running rules has read in one unit of work: the enabled rules (one query per unit of
// work, none when no rule exists for the trigger afterwards), customers' facts and agents' roles.
// Savepoints of a unit of work share its clock cache, and so this one.

import type { Rule } from "../../core/rules/rule.js";
import { type CustomerFacts, loadEnabledRules, readAgentFacts, readCustomerFacts } from "../../store/ruleRuns.js";
import type { ClockCache } from "../sla/clockCache.js";
import type { Work } from "../work.js";

interface RulesCache {
  rules?: Rule[];
  customers: Map<string, CustomerFacts>;
  agents: Map<string, { role: string; teamId: string | null } | undefined>;
}

const caches = new WeakMap<ClockCache, RulesCache>();

function cacheOf(work: Work): RulesCache {
  let cache = caches.get(work.clocks);
  if (!cache) caches.set(work.clocks, (cache = { customers: new Map(), agents: new Map() }));
  return cache;
}

/** The enabled rules in order, read once per unit of work. */
export async function enabledRules(work: Work): Promise<Rule[]> {
  const cache = cacheOf(work);
  return (cache.rules ??= await loadEnabledRules(work.tx));
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
