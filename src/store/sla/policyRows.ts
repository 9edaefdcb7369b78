// SLA policy rows: list, read, insert, update and reorder, under one advisory lock that
// serializes policy writes, with the checks that read other rows (one default, the agents and
// teams a matrix names) and database errors named by field.

import { asc, eq, inArray, sql } from "drizzle-orm";
import type { SlaPolicy } from "../../core/sla/policy.js";
import type { Db } from "../database.js";
import { DuplicateError, InvalidReferenceError } from "../errors.js";
import { pgErrorOf } from "../pgError.js";
import { agents, slaPolicies, teams } from "../schema.js";
import type { SlaPolicyRow } from "./policies.js";

export type { SlaPolicyRow } from "./policies.js";

/** The fields of a policy that a caller sets: all but its id and its place in the order. */
export type PolicyFields = Omit<SlaPolicy, "id" | "position">;

// Serializes policy writes: the single default and positions are checked across rows.
const POLICY_LOCK = 7351010;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` can be a policy's id (a malformed one is no policy rather than a database error). */
export function isPolicyId(id: string): boolean {
  return UUID.test(id);
}

/** Every policy, in order (position, then name). */
export async function listPolicyRows(db: Db): Promise<SlaPolicyRow[]> {
  return db.select().from(slaPolicies).orderBy(asc(slaPolicies.position), asc(slaPolicies.name));
}

/** One policy, or undefined (also for a malformed id). */
export async function getPolicyRow(db: Db, id: string): Promise<SlaPolicyRow | undefined> {
  if (!isPolicyId(id)) return undefined;
  const [row] = await db.select().from(slaPolicies).where(eq(slaPolicies.id, id));
  return row;
}

/** Takes the lock that serializes policy writes, until `tx` ends. */
export async function lockPolicies(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${POLICY_LOCK})`);
}

/** One policy, locked until `tx` ends, or undefined. */
export async function lockPolicyRow(tx: Db, id: string): Promise<SlaPolicyRow | undefined> {
  const [row] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, id)).for("update");
  return row;
}

/** Inserts a policy after the others. */
export async function insertPolicyRow(tx: Db, fields: PolicyFields, now: Date): Promise<SlaPolicyRow> {
  const [last] = await tx.select({ position: sql<number>`coalesce(max(${slaPolicies.position}), -1)::int` }).from(slaPolicies);
  const [row] = await tx
    .insert(slaPolicies)
    .values({ ...fields, position: (last?.position ?? -1) + 1, createdAt: now, updatedAt: now })
    .returning();
  return row as SlaPolicyRow;
}

/** Writes `changed` on policy `id`, stamps `now` and bumps its version. */
export async function updatePolicyRow(tx: Db, id: string, changed: Partial<PolicyFields>, now: Date): Promise<SlaPolicyRow> {
  const [row] = await tx
    .update(slaPolicies)
    .set({ ...changed, updatedAt: now, version: sql`${slaPolicies.version} + 1` })
    .where(eq(slaPolicies.id, id))
    .returning();
  return row as SlaPolicyRow;
}

/** Moves policies to new positions in one statement, bumping their versions. */
export async function movePolicyRows(tx: Db, moved: readonly { id: string; position: number }[], now: Date): Promise<void> {
  await tx.execute(sql`
    update sla_policies p set position = m.position, version = p.version + 1, updated_at = ${now}
    from unnest(${sql.param(moved.map((m) => m.id))}::uuid[], ${sql.param(moved.map((m) => m.position))}::int[]) as m(id, position)
    where p.id = m.id`);
}

/** Whether a policy runs on calendar `calendarId`. */
export async function policyUsesCalendar(tx: Db, calendarId: string): Promise<boolean> {
  const [user] = await tx.select({ id: slaPolicies.id }).from(slaPolicies).where(eq(slaPolicies.calendarId, calendarId)).limit(1);
  return user !== undefined;
}

/** DuplicateError naming `isDefault` when a policy other than `except` is the default. */
export async function checkSingleDefault(tx: Db, except: string | undefined): Promise<void> {
  const defaults = await tx.select({ id: slaPolicies.id, name: slaPolicies.name }).from(slaPolicies).where(eq(slaPolicies.isDefault, true));
  const other = defaults.find((p) => p.id !== except);
  if (other) throw new DuplicateError("isDefault", `"${other.name}" is already the default policy: make it not the default first`);
}

/** The agents and teams a matrix names must exist; the first missing one is reported by its path. */
export async function checkReferences(tx: Db, fields: Partial<PolicyFields>): Promise<void> {
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

/** A database error of a policy write as the error naming its field (a duplicate name, a missing calendar); any other error as it is. */
export function policyWriteError(error: unknown): unknown {
  const pg = pgErrorOf(error);
  if (pg?.code === "23505" && pg.constraint === "sla_policies_name_key") return new DuplicateError("name", "is already the name of another SLA policy");
  if (pg?.code === "23503" && pg.constraint === "sla_policies_calendar_id_calendars_id_fk")
    return new InvalidReferenceError("calendarId", "refers to a calendar that does not exist");
  return error;
}

/** JSON with object keys sorted: jsonb gives keys back in its own order, so compare values this way. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
