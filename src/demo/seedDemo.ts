// Seeds the demo workspace in one transaction, through the product's own operations: the
// workspace (calendars, teams, agents, policies, customers…) as the API's routes write it, then
// the tickets' scripts replayed in time order, the escalation matrix firing on the way, and the
// teams' on-call schedules.

import { seedSocialAndCalls } from "./seedSocial.js";
import { seedProcedures } from "./demoProcedures.js";
import type { Db } from "../store/database.js";
import { lockUntilCommit } from "../store/advisoryLock.js";
import { agentStore } from "../store/entities.js";
import { pgErrorOf } from "../store/pgError.js";
import { planDemoTickets, placeholderIds } from "./demoTickets.js";
import { replayTickets } from "./replayTickets.js";
import { seedOncall } from "./demoOncall.js";
import { seedSelfcareJourneys } from "./selfcareJourneys.js";
import { DemoConflictError, seedWorkspace } from "./seedWorkspace.js";
import { AGENTS, CUSTOMERS, DEMO_EMAIL_DOMAIN, ORGANIZATIONS, PRODUCTS, TEAMS } from "./workspace.js";

export { DemoConflictError } from "./seedWorkspace.js";

/** Thrown when the demo workspace is already in the database. */
export class DemoAlreadySeededError extends Error {
  constructor() {
    super(`the demo workspace is already there (agents @${DEMO_EMAIL_DOMAIN}); nothing was changed`);
    this.name = "DemoAlreadySeededError";
  }
}

export interface SeedDemoProps {
  /** Every time in the demo lies in the few weeks before this instant. */
  now: Date;
  /** The argon2 hash given to every demo agent and the demo customer (hash once: hashing is slow). */
  passwordHash: string;
  /** The key secrets are sealed under at rest (PALIER_SECRET_KEY or the data directory's `secret.key`). */
  secretKey: Buffer;
}

/** What the seeding wrote. */
export interface DemoSummary {
  teams: number;
  agents: number;
  organizations: number;
  customers: number;
  products: number;
  tickets: number;
  messages: number;
  policies: number;
  /** The team's own rules (ordered; the demo's tickets went through them). */
  rules: number;
  /** Escalation-matrix steps (reminders and levels) fired on the demo's tickets. */
  escalations: number;
  /** On-call schedules, one per team, set on the teams. */
  oncallSchedules: number;
}

/** Serializes two processes seeding one PostgreSQL at once (bootstrap uses 7351002); held until commit. */
export const SEED_LOCK = 7351003;

/** The workspace is set up this long before its first ticket. */
const SET_UP_BEFORE_MS = 24 * 3_600_000;

/** Whether the demo workspace is in the database (a demo agent exists). */
export async function hasDemo(db: Db): Promise<boolean> {
  const { items } = await agentStore.list(db, { q: `@${DEMO_EMAIL_DOMAIN}`, limit: 1 });
  return items.length > 0;
}

/**
 * Writes the demo workspace; throws DemoAlreadySeededError when it is there already and
 * DemoConflictError when one of its names is taken. All or nothing.
 */
export async function seedDemo(db: Db, props: SeedDemoProps): Promise<DemoSummary> {
  try {
    return await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      await lockUntilCommit(tx, SEED_LOCK);
      if (await hasDemo(tx)) throw new DemoAlreadySeededError();
      return write(tx, props);
    });
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === "23505") throw new DemoConflictError(pg.detail ?? `a unique value is already taken (${pg.constraint ?? "unknown constraint"})`);
    throw error;
  }
}

async function write(tx: Db, { now, passwordHash, secretKey }: SeedDemoProps): Promise<DemoSummary> {
  // The scripts need the rows' ids, and the rows' stamps the scripts' first instant: a plan with
  // placeholder ids gives it (the plan's times do not depend on the ids).
  const [first] = planDemoTickets(now, placeholderIds());
  const setUpAt = new Date((first?.createdAt ?? now).getTime() - SET_UP_BEFORE_MS);
  const workspace = await seedWorkspace(tx, { now: setUpAt, passwordHash });
  const replayed = await replayTickets(tx, planDemoTickets(now, workspace.ids), now);
  // The teams' on-call schedules start after the replay: the scripted tickets keep the assignees their scripts give them.
  const oncallSchedules = await seedOncall(tx, { now, teams: workspace.ids.teams, agents: workspace.ids.agents });
  await seedSelfcareJourneys(tx, { now, teamId: workspace.ids.teams.get("technical") ?? null });
  const social = await seedSocialAndCalls(tx, now, secretKey);
  await seedProcedures(tx, { now, teams: workspace.ids.teams });
  return {
    teams: TEAMS.length,
    agents: AGENTS.length,
    organizations: ORGANIZATIONS.length,
    customers: CUSTOMERS.length,
    products: PRODUCTS.length,
    tickets: replayed.tickets + social.tickets,
    messages: replayed.messages + social.messages,
    policies: workspace.policies,
    rules: workspace.rules,
    escalations: replayed.escalations,
    oncallSchedules,
  };
}
