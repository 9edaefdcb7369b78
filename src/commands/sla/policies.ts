// Writing SLA policies: create, update (version checked) and reorder, each validated and
// serialized with other policy writes; an edit that changes which clocks tickets carry
// (targets, calendar, conditions, pause statuses, matrix, order, active, default) queues a
// recompute of the open tickets in the same unit of work (src/store/jobs.ts).

import { checkPolicy } from "../../core/sla/policyValidation.js";
import { policyOf } from "../../store/sla/policies.js";
import { InvalidReferenceError, NotFoundError, VersionConflictError } from "../../store/errors.js";
import { queueRecompute } from "../../store/jobs.js";
import {
  canonicalJson,
  checkReferences,
  checkSingleDefault,
  insertPolicyRow,
  isPolicyId,
  listPolicyRows,
  lockPolicies,
  lockPolicyRow,
  movePolicyRows,
  type PolicyFields,
  policyWriteError,
  type SlaPolicyRow,
  updatePolicyRow,
} from "../../store/sla/policyRows.js";
import type { Work } from "../work.js";
import { checkHorizon } from "./horizon.js";

/** What a write did: the policy (or policies) and the recompute job it queued, if any. */
export interface PolicyWrite<T> {
  result: T;
  jobId: string | null;
}

/** Fields whose change moves clocks: editing one queues a recompute. */
const CLOCK_FIELDS = [
  "active",
  "isDefault",
  "conditions",
  "calendarId",
  "targets",
  "pauseStatuses",
  "matrix",
  "noteCountsAsResponse",
  "callCountsAsResponse",
] as const;

export interface CreatePolicyProps {
  /** Every field of the policy; PolicyValidationError names each problem of its conditions and matrix. */
  fields: PolicyFields;
}

/** Creates a policy after the others; an active one queues a recompute (it may now match tickets). */
export async function createPolicy(work: Work, props: CreatePolicyProps): Promise<PolicyWrite<SlaPolicyRow>> {
  const { fields } = props;
  checkPolicy(fields);
  return policyWrite(work, async ({ tx, now }) => {
    await checkReferences(tx, fields);
    await checkHorizon(work, fields);
    if (fields.isDefault) await checkSingleDefault(tx, undefined);
    const policy = await insertPolicyRow(tx, fields, now);
    const job = fields.active ? await queueRecompute(tx, `policy "${policy.name}" created`, now) : undefined;
    return { result: policy, jobId: job?.id ?? null };
  });
}

export interface UpdatePolicyProps {
  /** NotFoundError for an unknown (or malformed) id. */
  id: string;
  /** Undefined fields are left alone; PolicyValidationError names each problem of the conditions and matrix given. */
  changes: Partial<PolicyFields>;
  /** When given, VersionConflictError unless the policy is at this version. */
  expectedVersion?: number | undefined;
}

/** Changes a policy. An empty or unchanged set of fields changes nothing (not even the version) and queues nothing. */
export async function updatePolicy(work: Work, props: UpdatePolicyProps): Promise<PolicyWrite<SlaPolicyRow>> {
  const { id, changes, expectedVersion } = props;
  checkPolicy(changes);
  if (!isPolicyId(id)) throw new NotFoundError("SLA policy", id);
  return policyWrite(work, async ({ tx, now }) => {
    const before = await lockPolicyRow(tx, id);
    if (!before) throw new NotFoundError("SLA policy", id);
    if (expectedVersion !== undefined && expectedVersion !== before.version) throw new VersionConflictError("SLA policy", id, expectedVersion, before.version);
    const changed = Object.fromEntries(
      Object.entries(changes).filter(([key, value]) => value !== undefined && canonicalJson(value) !== canonicalJson(before[key as keyof SlaPolicyRow])),
    ) as Partial<PolicyFields>;
    if (Object.keys(changed).length === 0) return { result: before, jobId: null };
    await checkReferences(tx, changed);
    if (changed.targets || changed.matrix || changed.calendarId !== undefined) await checkHorizon(work, { ...policyOf(before), ...changed });
    if (changed.isDefault) await checkSingleDefault(tx, id);
    const policy = await updatePolicyRow(tx, id, changed, now);
    const moved = CLOCK_FIELDS.filter((field) => field in changed);
    // An inactive policy's matrix or targets touch no ticket.
    const matters = moved.length > 0 && (before.active || policy.active);
    const job = matters ? await queueRecompute(tx, `policy "${policy.name}" changed: ${moved.join(", ")}`, now) : undefined;
    return { result: policy, jobId: job?.id ?? null };
  });
}

export interface ReorderPoliciesProps {
  /** The policies to put first, in this order; an unknown or repeated id is an InvalidReferenceError naming `ids[i]`. */
  ids: readonly string[];
}

/**
 * Puts the policies of `ids` first, in that order, and the others after them in their current
 * order; the policies whose position changes get a new version, and a recompute is queued.
 */
export async function reorderPolicies(work: Work, props: ReorderPoliciesProps): Promise<PolicyWrite<SlaPolicyRow[]>> {
  return policyWrite(work, async ({ tx, now }) => {
    const rows = await listPolicyRows(tx);
    const known = new Map(rows.map((r) => [r.id.toLowerCase(), r]));
    const seen = new Set<string>();
    props.ids.forEach((raw, i) => {
      const id = raw.toLowerCase();
      if (!known.has(id)) throw new InvalidReferenceError(`ids[${i}]`, "is not an SLA policy");
      if (seen.has(id)) throw new InvalidReferenceError(`ids[${i}]`, "is listed twice");
      seen.add(id);
    });
    const ordered = [...props.ids.map((id) => known.get(id.toLowerCase()) as SlaPolicyRow), ...rows.filter((r) => !seen.has(r.id))];
    const moved = ordered.map((row, position) => ({ id: row.id, position, before: row.position })).filter((m) => m.before !== m.position);
    if (moved.length === 0) return { result: rows, jobId: null };
    await movePolicyRows(tx, moved, now);
    const job = await queueRecompute(tx, "SLA policies reordered", now);
    return { result: await listPolicyRows(tx), jobId: job.id };
  });
}

/** Runs a policy write under the policy lock, its database errors named by field. */
async function policyWrite<T>(work: Work, write: (work: Work) => Promise<T>): Promise<T> {
  try {
    await lockPolicies(work.tx);
    return await write(work);
  } catch (error) {
    throw policyWriteError(error);
  }
}
