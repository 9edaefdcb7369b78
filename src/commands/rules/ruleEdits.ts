// Writing rules: create (at a position), update (version checked), delete and reorder, each
// validated against the teams, agents, policies and calendars that exist and serialized with
// other rule writes. Time rules' timers on open tickets are re-planned in the same unit of work.

import type { Rule, RuleDefinition } from "../../core/rules/rule.js";
import { validateRule } from "../../core/rules/validate.js";
import { InvalidReferenceError, NotFoundError, VersionConflictError } from "../../store/errors.js";
import {
  deleteRule as deleteRuleRow,
  insertRule,
  isRuleId,
  knownIds,
  listRules,
  lockRule,
  lockRules,
  moveRules,
  type RuleRow,
  ruleWriteError,
  updateRule as updateRuleRow,
} from "../../store/rules.js";
import { canonicalJson } from "../../store/sla/policyRows.js";
import type { Work } from "../work.js";
import { replanRuleTimers } from "./ruleTimers.js";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * `definition` validated against the ids that exist: every id-like text it holds is looked up,
 * once, among teams, agents, policies and calendars. Throws RuleInvalid naming every problem.
 */
export async function checkRule(work: Work, definition: unknown): Promise<RuleDefinition> {
  const ids = [...new Set(JSON.stringify(definition ?? null).match(UUID) ?? [])];
  const wanted = { teamIds: ids, agentIds: ids, policyIds: ids, calendarIds: ids };
  return validateRule(definition, await knownIds(work.tx, wanted));
}

export interface CreateRuleProps {
  /** The rule as the caller wrote it; RuleInvalid names each problem. */
  definition: unknown;
  /** Its place in the order, 0 first; absent: last. */
  position?: number | undefined;
}

/** Creates a rule at its position (last by default). */
export async function createRule(work: Work, props: CreateRuleProps): Promise<RuleRow> {
  const definition = await checkRule(work, props.definition);
  return ruleWrite(work, async ({ tx, now }) => {
    const rule = await insertRule(tx, definition, now, props.position);
    await replanTimers(work, [rule.id]);
    return rule;
  });
}

export interface UpdateRuleProps {
  /** NotFoundError for an unknown (or malformed) id. */
  id: string;
  /** The fields to change; the rule they make is validated as a whole. */
  changes: Partial<RuleDefinition> & Record<string, unknown>;
  /** When given, VersionConflictError unless the rule is at this version. */
  expectedVersion?: number | undefined;
}

/** Changes a rule. Unchanged fields change nothing, not even the version. */
export async function updateRule(work: Work, props: UpdateRuleProps): Promise<RuleRow> {
  const { id, changes, expectedVersion } = props;
  if (!isRuleId(id)) throw new NotFoundError("rule", id);
  return ruleWrite(work, async ({ tx, now }) => {
    const before = await lockRule(tx, id);
    if (!before) throw new NotFoundError("rule", id);
    if (expectedVersion !== undefined && expectedVersion !== before.version) throw new VersionConflictError("rule", id, expectedVersion, before.version);
    const { id: _id, position: _position, version: _version, createdAt: _created, updatedAt: _updated, ...current } = before;
    const merged: Record<string, unknown> = { ...current };
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) merged[key] = value;
    // A time given as null takes it away (a rule that stops being a time rule).
    if (changes.time === null) delete merged.time;
    const definition = await checkRule(work, merged);
    const changed = Object.fromEntries(
      (Object.keys(definition) as (keyof RuleDefinition)[])
        .filter((key) => canonicalJson(definition[key]) !== canonicalJson(before[key]))
        .map((key) => [key, definition[key]]),
    ) as Partial<RuleDefinition>;
    if (before.time !== undefined && definition.time === undefined) changed.time = undefined;
    if (Object.keys(changed).length === 0) return before;
    const rule = await updateRuleRow(tx, id, changed, now);
    await replanTimers(work, [rule.id]);
    return rule;
  });
}

/** Deletes a rule (and its timers); NotFoundError when there is none. */
export async function deleteRule(work: Work, props: { id: string; expectedVersion?: number | undefined }): Promise<void> {
  if (!isRuleId(props.id)) throw new NotFoundError("rule", props.id);
  await ruleWrite(work, async ({ tx, now }) => {
    const before = await lockRule(tx, props.id);
    if (!before) throw new NotFoundError("rule", props.id);
    if (props.expectedVersion !== undefined && props.expectedVersion !== before.version)
      throw new VersionConflictError("rule", props.id, props.expectedVersion, before.version);
    await deleteRuleRow(tx, props.id, now);
  });
}

export interface ReorderRulesProps {
  /** Every rule's id, in the new order; an unknown, repeated or missing id is an InvalidReferenceError naming it. */
  ids: readonly string[];
}

/** Puts the rules in the order of `ids`; the rules whose position changes get a new version. */
export async function reorderRules(work: Work, props: ReorderRulesProps): Promise<RuleRow[]> {
  return ruleWrite(work, async ({ tx, now }) => {
    const rows = await listRules(tx);
    const known = new Map(rows.map((r) => [r.id.toLowerCase(), r]));
    const seen = new Set<string>();
    props.ids.forEach((raw, i) => {
      const id = raw.toLowerCase();
      if (!known.has(id)) throw new InvalidReferenceError(`ids[${i}]`, "is not a rule");
      if (seen.has(id)) throw new InvalidReferenceError(`ids[${i}]`, "is listed twice");
      seen.add(id);
    });
    const missing = rows.find((r) => !seen.has(r.id));
    if (missing) throw new InvalidReferenceError("ids", `must list every rule: "${missing.name}" (${missing.id}) is missing`);
    const moved = props.ids.map((id, position) => ({ id: id.toLowerCase(), position })).filter((m) => known.get(m.id)?.position !== m.position);
    if (moved.length === 0) return rows;
    await moveRules(tx, moved, now);
    return listRules(tx);
  });
}

/** Re-plans the timers of time rules `ruleIds` on open tickets. */
async function replanTimers(work: Work, ruleIds: readonly string[]): Promise<void> {
  await replanRuleTimers(work, { ruleIds: [...ruleIds] });
}

/** Runs a rule write under the rules' lock, its database errors named by field. */
async function ruleWrite<T>(work: Work, write: (work: Work) => Promise<T>): Promise<T> {
  try {
    await lockRules(work.tx);
    return await write(work);
  } catch (error) {
    throw ruleWriteError(error);
  }
}

export type { Rule };
