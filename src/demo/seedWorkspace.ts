// The demo's people and settings, written through the operations the API's routes use: calendars,
// teams, agents (and each team's lead), SLA policies with their escalation matrix, organizations,
// customers, products, the tag catalogue and the knowledge base.

import { parseCalendar } from "../core/calendar/index.js";
import type { Db } from "../store/database.js";
import { agentStore, calendarStore, customerStore, organizationStore, productStore, teamStore } from "../store/entities.js";
import { DuplicateError } from "../store/errors.js";
import { createRule } from "../commands/rules/ruleEdits.js";
import { createPolicy } from "../commands/sla/policies.js";
import { workIn } from "../commands/work.js";
import { SYSTEM_ACTOR } from "../core/events/actor.js";
import { createTag, listTags } from "../store/tags.js";
import { seedKnowledgeBase } from "./demoKnowledgeBase.js";
import { demoPolicies } from "./demoPolicies.js";
import { demoRules } from "./demoRules.js";
import type { DemoIds } from "./demoTickets.js";
import {
  AGENTS,
  agentEmail,
  CALENDARS,
  type CalendarKey,
  CUSTOMERS,
  DEMO_CUSTOMER_LOGIN,
  ORGANIZATIONS,
  PRODUCTS,
  type ProductCode,
  TAGS,
  TEAMS,
  type TeamKey,
} from "./workspace.js";

/** Thrown when something of the demo's (a team name, an e-mail, a product code) is already taken. */
export class DemoConflictError extends Error {
  constructor(detail: string) {
    super(`cannot seed the demo workspace: ${detail}; nothing was changed`);
    this.name = "DemoConflictError";
  }
}

/** What the workspace's writing gives the tickets' replay. */
export interface DemoWorkspace {
  ids: DemoIds;
  policies: number;
  rules: number;
}

/**
 * Writes the workspace at `now` in `tx`; `passwordHash` is given to every demo agent and to the
 * demo customer. Throws DemoConflictError naming what is taken.
 */
export async function seedWorkspace(tx: Db, { now, passwordHash }: { now: Date; passwordHash: string }): Promise<DemoWorkspace> {
  const calendarIds = new Map<CalendarKey, string>();
  for (const calendar of CALENDARS) {
    parseCalendar(calendar.spec); // a broken demo calendar is a bug: fail loudly
    calendarIds.set(
      calendar.key,
      (await taken(`calendar "${calendar.name}"`, () => calendarStore.create(tx, { name: calendar.name, spec: calendar.spec }, now))).id,
    );
  }

  const teamIds = new Map<TeamKey, string>();
  for (const team of TEAMS) {
    const row = await taken(`team "${team.name}"`, () =>
      teamStore.create(tx, { name: team.name, email: team.email, phone: team.phone ?? null, calendarId: calendarIds.get(team.calendar) ?? null }, now),
    );
    teamIds.set(team.key, row.id);
  }

  // Managers come before the agents who report to them (AGENTS is in that order).
  const agentIds = new Map<string, string>();
  for (const agent of AGENTS) {
    const values = {
      name: agent.name,
      email: agentEmail(agent.login),
      role: agent.role,
      teamId: agent.team ? (teamIds.get(agent.team) ?? null) : null,
      managerId: agent.manager ? (agentIds.get(agent.manager) ?? null) : null,
      region: agent.region,
      languages: agent.languages,
      skills: agent.skills,
      capacity: agent.capacity,
      locale: agent.locale,
      passwordHash,
    };
    agentIds.set(agent.login, (await taken(`agent ${values.email}`, () => agentStore.create(tx, values, now))).id);
  }
  for (const team of TEAMS) {
    const lead = AGENTS.find((a) => a.team === team.key && a.role === "team_lead");
    if (lead) await teamStore.update(tx, teamIds.get(team.key) as string, { leadId: agentIds.get(lead.login) ?? null }, now);
  }

  const policies = demoPolicies({ calendars: calendarIds, agents: agentIds });
  const work = workIn(tx, { now, actor: SYSTEM_ACTOR });
  for (const policy of policies) await taken(`SLA policy "${policy.name}"`, () => createPolicy(work, { fields: policy }));
  const rules = demoRules({ teams: teamIds, agents: agentIds });
  for (const rule of rules) await taken(`rule "${rule.name}"`, () => createRule(work, { definition: rule }));

  const organizationIds = new Map<string, string>();
  for (const organization of ORGANIZATIONS) {
    const row = await taken(`organization "${organization.name}"`, () => organizationStore.create(tx, organization, now));
    organizationIds.set(organization.name, row.id);
  }

  const customerIds = new Map<string, string>();
  for (const customer of CUSTOMERS) {
    const values = {
      name: customer.name,
      email: customer.email,
      phone: customer.phone ?? null,
      social: customer.social ?? {},
      language: customer.language,
      organizationId: customer.organization ? (organizationIds.get(customer.organization) ?? null) : null,
      passwordHash: customer.email === DEMO_CUSTOMER_LOGIN ? passwordHash : null,
    };
    customerIds.set(customer.email, (await taken(`customer ${customer.email}`, () => customerStore.create(tx, values, now))).id);
  }

  const productIds = new Map<ProductCode, string>();
  for (const product of PRODUCTS) productIds.set(product.code, (await taken(`product ${product.code}`, () => productStore.create(tx, product, now))).id);

  // A tag already in the catalogue is kept as it is: tags are shared words, not the demo's own.
  const existing = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await listTags(tx, { limit: 200, ...(cursor ? { cursor } : {}) });
    for (const tag of page.items) existing.add(tag.name);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  for (const tag of TAGS) if (!existing.has(tag.name)) await createTag(tx, { ...tag, now });

  // The help centre, in French, Dutch and English.
  await seedKnowledgeBase(work);

  return { ids: { agents: agentIds, customers: customerIds, teams: teamIds, products: productIds }, policies: policies.length, rules: rules.length };
}

/** Runs a creation, turning "already taken" into a DemoConflictError that says what was taken. */
async function taken<T>(what: string, create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (error instanceof DuplicateError) throw new DemoConflictError(`${what}: ${error.message}`);
    throw error;
  }
}
