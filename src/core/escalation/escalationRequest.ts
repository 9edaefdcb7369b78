// Validating a request to escalate a ticket before anything is written: the kind and its target
// (functional: a team or a specialist; hierarchical: a lead or a manager; external: a vendor,
// their reference and the date they promised), the hand-off's four required fields, and the
// escalate-without-trying guard. Every problem is named at once, with its path.

import { parseInstant } from "../time/iso.js";
import { EscalationInvalid, type EscalationProblem } from "./escalationInvalid.js";
import { ESCALATION_KINDS, type EscalationKind, type EscalationSettings, HANDOFF_URGENCIES, type Handoff, HIERARCHY_ROLES } from "./handoff.js";

/** An escalation as a caller asks for it: anything may be missing or wrong. */
export interface EscalationInput {
  kind?: string | undefined;
  toTeamId?: string | null | undefined;
  toAgentId?: string | null | undefined;
  vendor?: string | null | undefined;
  vendorReference?: string | null | undefined;
  /** ISO 8601 with an offset. */
  promisedAt?: string | null | undefined;
  handoff?: Partial<Record<keyof Handoff, string | null | undefined>> | undefined;
  /** Why escalate so soon, when the guard asks (see EscalationSettings.tryFirstMinutes). */
  reason?: string | null | undefined;
}

/** An escalation that may be made: its kind, target and hand-off, checked. */
export interface EscalationRequest {
  kind: EscalationKind;
  /** The team that receives the ticket (a specialist's own team when only they were named); null for external. */
  toTeamId: string | null;
  toAgentId: string | null;
  vendor: string | null;
  vendorReference: string | null;
  promisedAt: Date | null;
  handoff: Handoff;
  reason: string | null;
}

/** What validation needs to know of the agents and teams named, and of the ticket. */
export interface EscalationFacts {
  agent(id: string): { role: string; teamId: string | null; active: boolean } | undefined;
  teamExists(id: string): boolean;
  ticket: { createdAt: Date; teamId: string | null; assigneeId: string | null };
  /** Whether an agent already replied to the ticket or wrote a note on it. */
  agentActivity: boolean;
  now: Date;
  settings: Pick<EscalationSettings, "tryFirstMinutes">;
}

const HANDOFF_FIELDS = ["summary", "tried", "impact", "urgency"] as const;

const text = (value: string | null | undefined): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

/** `input` as a request to escalate; throws {@link EscalationInvalid} naming every problem. */
export function validateEscalation(input: EscalationInput, facts: EscalationFacts): EscalationRequest {
  const problems: EscalationProblem[] = [];
  const kind = input.kind;
  if (kind === undefined || kind === "") problems.push({ path: "kind", code: "required" });
  else if (!(ESCALATION_KINDS as readonly string[]).includes(kind))
    problems.push({ path: "kind", code: "not_allowed_value", params: { values: ESCALATION_KINDS.join(", ") } });

  const handoff = handoffOf(input.handoff ?? {}, problems);
  let toTeamId = text(input.toTeamId)?.toLowerCase() ?? null;
  let toAgentId = text(input.toAgentId)?.toLowerCase() ?? null;
  const vendor = text(input.vendor);
  const vendorReference = text(input.vendorReference);
  let promisedAt: Date | null = null;

  if (kind === "functional") {
    if (toTeamId === null && toAgentId === null) problems.push({ path: "toTeamId", code: "required" });
    if (toTeamId !== null && !facts.teamExists(toTeamId)) problems.push({ path: "toTeamId", code: "unknown_team" });
    const agent = toAgentId !== null ? checkAgent(facts, toAgentId, problems) : undefined;
    if (agent && toTeamId === null) toTeamId = agent.teamId;
    const same = toAgentId !== null ? toAgentId === facts.ticket.assigneeId : toTeamId === facts.ticket.teamId && facts.ticket.assigneeId === null;
    if (same && problems.length === 0) problems.push({ path: toAgentId !== null ? "toAgentId" : "toTeamId", code: "already_there" });
  } else if (kind === "hierarchical") {
    if (toAgentId === null) problems.push({ path: "toAgentId", code: "required" });
    else {
      const agent = checkAgent(facts, toAgentId, problems);
      if (agent && !(HIERARCHY_ROLES as readonly string[]).includes(agent.role)) problems.push({ path: "toAgentId", code: "not_a_lead" });
      if (agent) toTeamId = agent.teamId;
    }
  } else if (kind === "external") {
    toTeamId = null;
    toAgentId = null;
    if (vendor === null) problems.push({ path: "vendor", code: "required" });
    if (vendorReference === null) problems.push({ path: "vendorReference", code: "required" });
    const promised = text(input.promisedAt);
    if (promised === null) problems.push({ path: "promisedAt", code: "required" });
    else {
      try {
        promisedAt = new Date(parseInstant(promised));
      } catch {
        problems.push({ path: "promisedAt", code: "wrong_date" });
      }
    }
  }

  const reason = text(input.reason);
  const minutes = facts.settings.tryFirstMinutes;
  const soon = facts.now.getTime() - facts.ticket.createdAt.getTime() <= minutes * 60_000;
  if (soon && !facts.agentActivity && reason === null) problems.push({ path: "reason", code: "tried_nothing", params: { minutes } });

  if (problems.length > 0) throw new EscalationInvalid(problems);
  return { kind: kind as EscalationKind, toTeamId, toAgentId, vendor, vendorReference, promisedAt, handoff: handoff as Handoff, reason };
}

/** The hand-off's four fields, each missing one named (`handoff.summary`…). */
function handoffOf(input: Partial<Record<keyof Handoff, string | null | undefined>>, problems: EscalationProblem[]): Partial<Handoff> {
  const handoff: Partial<Handoff> = {};
  for (const field of HANDOFF_FIELDS) {
    const value = text(input[field]);
    if (value === null) {
      problems.push({ path: `handoff.${field}`, code: "required" });
    } else if (field === "urgency") {
      if ((HANDOFF_URGENCIES as readonly string[]).includes(value)) handoff.urgency = value as Handoff["urgency"];
      else problems.push({ path: "handoff.urgency", code: "not_allowed_value", params: { values: HANDOFF_URGENCIES.join(", ") } });
    } else {
      handoff[field] = value;
    }
  }
  return handoff;
}

function checkAgent(facts: EscalationFacts, id: string, problems: EscalationProblem[]) {
  const agent = facts.agent(id);
  if (!agent) problems.push({ path: "toAgentId", code: "unknown_agent" });
  else if (!agent.active) problems.push({ path: "toAgentId", code: "inactive_agent" });
  return agent?.active ? agent : undefined;
}
