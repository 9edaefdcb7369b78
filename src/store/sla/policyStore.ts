// Writing SLA policies: create, update (version checked), reorder and list. Names are unique
// (case-insensitive), one policy at most is the default, and an edit that changes which clocks
// tickets carry (targets, calendar, conditions, pause statuses, matrix, order, active, default)
// queues a recompute of the open tickets in the same transaction (src/store/jobs.ts).

import { asc, eq, inArray, sql } from "drizzle-orm";
import type { SlaPolicy } from "../../core/sla/policy.js";
import type { Db } from "../database.js";
import { DuplicateError, InvalidReferenceError, NotFoundError, VersionConflictError } from "../errors.js";
import { queueRecompute } from "../jobs.js";
import { pgErrorOf } from "../pgError.js";
import { calendarStore } from "../entities.js";
import { agents, calendars, slaPolicies, teams } from "../schema.js";
import type { SlaPolicyRow } from "./policies.js";

export type { SlaPolicyRow } from "./policies.js";

/** The fields of a policy that a caller sets: all but its id and its place in the order. */
export type PolicyFields = Omit<SlaPolicy, "id" | "position">;

/** What a write did: the policy (or policies) and the recompute job it queued, if any. */
export interface PolicyWrite<T> {
  result: T;
  jobId: string | null;
}

/** Fields whose change moves clocks: editing one queues a recompute. */
const CLOCK_FIELDS = ["active", "isDefault", "conditions", "calendarId", "targets", "pauseStatuses", "matrix", "noteCountsAsResponse"] as const;

// Serializes policy writes: the single default and positions are checked across rows.
const POLICY_LOCK = 7351010;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every policy, in order (position, then name). */
export async function listPolicyRows(db: Db): Promise<SlaPolicyRow[]> {
  return db.select().from(slaPolicies).orderBy(asc(slaPolicies.position), asc(slaPolicies.name));
}

/** One policy, or undefined (also for a malformed id). */
export async function getPolicyRow(db: Db, id: string): Promise<SlaPolicyRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await db.select().from(slaPolicies).where(eq(slaPolicies.id, id));
  return row;
}

/** Creates a policy after the others; an active one queues a recompute (it may now match tickets). */
export async function createPolicy(db: Db, fields: PolicyFields, now: Date): Promise<PolicyWrite<SlaPolicyRow>> {
  return write(db, async (tx) => {
    await checkReferences(tx, fields);
    if (fields.isDefault) await checkSingleDefault(tx, undefined);
    const [last] = await tx.select({ position: sql<number>`coalesce(max(${slaPolicies.position}), -1)::int` }).from(slaPolicies);
    const [row] = await tx
      .insert(slaPolicies)
      .values({ ...fields, position: (last?.position ?? -1) + 1, createdAt: now, updatedAt: now })
      .returning();
    const policy = row as SlaPolicyRow;
    const job = fields.active ? await queueRecompute(tx, `policy "${policy.name}" created`, now) : undefined;
    return { result: policy, jobId: job?.id ?? null };
  });
}

/**
 * Changes a policy; throws NotFoundError, or VersionConflictError when `expectedVersion` is
 * stale. An empty or unchanged set of fields changes nothing (not even the version).
 */
export async function updatePolicy(db: Db, id: string, changes: Partial<PolicyFields>, now: Date, expectedVersion?: number): Promise<PolicyWrite<SlaPolicyRow>> {
  if (!UUID.test(id)) throw new NotFoundError("SLA policy", id);
  return write(db, async (tx) => {
    const [before] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, id)).for("update");
    if (!before) throw new NotFoundError("SLA policy", id);
    if (expectedVersion !== undefined && expectedVersion !== before.version) throw new VersionConflictError("SLA policy", id, expectedVersion, before.version);
    const changed = Object.fromEntries(
      Object.entries(changes).filter(([key, value]) => value !== undefined && canonical(value) !== canonical(before[key as keyof SlaPolicyRow])),
    ) as Partial<PolicyFields>;
    if (Object.keys(changed).length === 0) return { result: before, jobId: null };
    await checkReferences(tx, changed);
    if (changed.isDefault) await checkSingleDefault(tx, id);
    const [row] = await tx
      .update(slaPolicies)
      .set({ ...changed, updatedAt: now, version: sql`${slaPolicies.version} + 1` })
      .where(eq(slaPolicies.id, id))
      .returning();
    const policy = row as SlaPolicyRow;
    const moved = CLOCK_FIELDS.filter((field) => field in changed);
    // An inactive policy's matrix or targets touch no ticket.
    const matters = moved.length > 0 && (before.active || policy.active);
    const job = matters ? await queueRecompute(tx, `policy "${policy.name}" changed: ${moved.join(", ")}`, now) : undefined;
    return { result: policy, jobId: job?.id ?? null };
  });
}

/**
 * Puts the policies of `ids` first, in that order, and the others after them in their current
 * order; the policies whose position changes get a new version. Unknown or repeated ids are an
 * InvalidReferenceError naming `ids[i]`.
 */
export async function reorderPolicies(db: Db, ids: readonly string[], now: Date): Promise<PolicyWrite<SlaPolicyRow[]>> {
  return write(db, async (tx) => {
    const rows = await listPolicyRows(tx);
    const known = new Map(rows.map((r) => [r.id.toLowerCase(), r]));
    const seen = new Set<string>();
    ids.forEach((raw, i) => {
      const id = raw.toLowerCase();
      if (!known.has(id)) throw new InvalidReferenceError(`ids[${i}]`, "is not an SLA policy");
      if (seen.has(id)) throw new InvalidReferenceError(`ids[${i}]`, "is listed twice");
      seen.add(id);
    });
    const ordered = [...ids.map((id) => known.get(id.toLowerCase()) as SlaPolicyRow), ...rows.filter((r) => !seen.has(r.id))];
    const moved = ordered.map((row, position) => ({ row, position })).filter(({ row, position }) => row.position !== position);
    if (moved.length === 0) return { result: rows, jobId: null };
    await tx.execute(sql`
      update sla_policies p set position = m.position, version = p.version + 1, updated_at = ${now}
      from unnest(${sql.param(moved.map((m) => m.row.id))}::uuid[], ${sql.param(moved.map((m) => m.position))}::int[]) as m(id, position)
      where p.id = m.id`);
    const job = await queueRecompute(tx, "SLA policies reordered", now);
    return { result: await listPolicyRows(tx), jobId: job.id };
  });
}

/**
 * Changes a calendar (see calendarStore.update for its errors); when its spec really changes
 * and a policy runs on it, queues a recompute in the same transaction.
 */
export async function updateCalendar(db: Db, id: string, changes: Partial<Pick<typeof calendars.$inferInsert, "name" | "spec">>, now: Date, expectedVersion?: number): Promise<PolicyWrite<typeof calendars.$inferSelect>> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const before = await calendarStore.get(tx, id);
    const row = await calendarStore.update(tx, id, changes, now, expectedVersion);
    const specChanged = before !== undefined && changes.spec !== undefined && canonical(changes.spec) !== canonical(before.spec);
    const [user] = specChanged ? await tx.select({ id: slaPolicies.id }).from(slaPolicies).where(eq(slaPolicies.calendarId, id)).limit(1) : [];
    const job = user ? await queueRecompute(tx, `calendar "${row.name}" changed`, now) : undefined;
    return { result: row, jobId: job?.id ?? null };
  });
}

async function write<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      await tx.execute(sql`select pg_advisory_xact_lock(${POLICY_LOCK})`);
      return work(tx);
    });
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === "23505" && pg.constraint === "sla_policies_name_key") throw new DuplicateError("name", "is already the name of another SLA policy");
    if (pg?.code === "23503" && pg.constraint === "sla_policies_calendar_id_calendars_id_fk") throw new InvalidReferenceError("calendarId", "refers to a calendar that does not exist");
    throw error;
  }
}

async function checkSingleDefault(tx: Db, except: string | undefined): Promise<void> {
  const defaults = await tx.select({ id: slaPolicies.id, name: slaPolicies.name }).from(slaPolicies).where(eq(slaPolicies.isDefault, true));
  const other = defaults.find((p) => p.id !== except);
  if (other) throw new DuplicateError("isDefault", `"${other.name}" is already the default policy: make it not the default first`);
}

/** The agents and teams a matrix names must exist; the first missing one is reported by its path. */
async function checkReferences(tx: Db, fields: Partial<PolicyFields>): Promise<void> {
  if (!fields.matrix) return;
  const wanted: { path: string; kind: "agent" | "team"; id: string }[] = [];
  fields.matrix.steps.forEach((step, s) => {
    step.recipients.forEach((recipient, r) => {
      if (recipient.kind === "agent") wanted.push({ path: `matrix.steps[${s}].recipients[${r}].agentId`, kind: "agent", id: recipient.agentId });
      if (recipient.kind === "team") wanted.push({ path: `matrix.steps[${s}].recipients[${r}].teamId`, kind: "team", id: recipient.teamId });
    });
    step.actions.forEach((action, a) => {
      if (action.type !== "reassign") return;
      if (action.agentId !== undefined) wanted.push({ path: `matrix.steps[${s}].actions[${a}].agentId`, kind: "agent", id: action.agentId });
      if (action.teamId !== undefined) wanted.push({ path: `matrix.steps[${s}].actions[${a}].teamId`, kind: "team", id: action.teamId });
    });
  });
  if (wanted.length === 0) return;
  const ids = (kind: "agent" | "team") => [...new Set(wanted.filter((w) => w.kind === kind).map((w) => w.id.toLowerCase()))];
  const agentIds = ids("agent");
  const teamIds = ids("team");
  const foundAgents = agentIds.length ? await tx.select({ id: agents.id }).from(agents).where(inArray(agents.id, agentIds)) : [];
  const foundTeams = teamIds.length ? await tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, teamIds)) : [];
  const found = new Set([...foundAgents, ...foundTeams].map((r) => r.id.toLowerCase()));
  const missing = wanted.find((w) => !found.has(w.id.toLowerCase()));
  if (missing) throw new InvalidReferenceError(missing.path, `refers to ${missing.kind === "agent" ? "an agent" : "a team"} that does not exist`);
}

/** JSON with object keys sorted: jsonb gives keys back in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  );
}
