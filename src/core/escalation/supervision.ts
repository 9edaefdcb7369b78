// A lead or manager steps in on a ticket: taking it over, or suggesting a reply through an
// internal note that mentions the agent. Which roles may, and a note's mentions checked.

import { MATRIX, type Role } from "../access/permissions.js";
import { EscalationInvalid, type EscalationProblem } from "./escalationInvalid.js";

/** Whether `role` may take a ticket over and suggest replies (permission `tickets.supervise`). */
export function canSupervise(role: string): boolean {
  return (MATRIX["tickets.supervise"] as readonly string[]).includes(role as Role);
}

/** The most agents one note mentions. */
export const MENTIONS_MAX = 20;

/** What a new message says about mentions, as asked. */
export interface MentionInput {
  kind: string;
  mentions?: readonly unknown[] | undefined;
  suggestion?: boolean | undefined;
}

/** An agent a note may mention: one of the workspace's, active or not. */
export interface Mentionable {
  id: string;
  active: boolean;
}

/** A note's mentions checked: the agents' ids (lower-case, each once, in order) and whether it suggests a reply. */
export interface CheckedMentions {
  mentions: string[];
  suggestion: boolean;
}

/**
 * `input`'s mentions checked against the workspace's agents (`known`, by id); throws
 * {@link EscalationInvalid} naming every problem: mentions or a suggestion on anything but an
 * internal note (`internal_only`), an id that names no agent (`mentions[i]`, `unknown_agent`) or
 * an inactive one (`inactive_agent`), too many (`too_many`), a suggestion without a mention
 * (`mention_required`) or from someone who may not supervise (`suggestion`, `not_a_lead`).
 */
export function checkMentions(input: MentionInput, known: ReadonlyMap<string, Mentionable>, authorRole: string | null): CheckedMentions {
  const problems: EscalationProblem[] = [];
  const raw = input.mentions ?? [];
  const suggestion = input.suggestion === true;
  if (input.kind !== "note") {
    if (raw.length > 0) problems.push({ path: "mentions", code: "internal_only" });
    if (suggestion) problems.push({ path: "suggestion", code: "internal_only" });
    if (problems.length > 0) throw new EscalationInvalid(problems);
    return { mentions: [], suggestion: false };
  }
  if (raw.length > MENTIONS_MAX) problems.push({ path: "mentions", code: "too_many", params: { max: MENTIONS_MAX } });
  const mentions: string[] = [];
  raw.forEach((value, i) => {
    const id = typeof value === "string" ? value.trim().toLowerCase() : "";
    const agent = known.get(id);
    if (!agent) problems.push({ path: `mentions[${i}]`, code: "unknown_agent" });
    else if (!agent.active) problems.push({ path: `mentions[${i}]`, code: "inactive_agent" });
    else if (!mentions.includes(id)) mentions.push(id);
  });
  if (suggestion && raw.length === 0) problems.push({ path: "suggestion", code: "mention_required" });
  if (suggestion && (authorRole === null || !canSupervise(authorRole))) problems.push({ path: "suggestion", code: "not_a_lead" });
  if (problems.length > 0) throw new EscalationInvalid(problems);
  return { mentions, suggestion };
}

/** The ids a draft's mentions name, for loading the agents to check them against (malformed ones left out). */
export function mentionedIds(input: Pick<MentionInput, "mentions">): string[] {
  return (input.mentions ?? []).filter((v): v is string => typeof v === "string").map((v) => v.trim().toLowerCase());
}
