// Choosing who of a team takes a ticket, as data: the agent and why (the strategy, their load
// against capacity, the skills they matched), or why nobody (the team assigns by hand, or nobody
// available, counted by reason). Pure and deterministic: ties go round the team in id order
// from the agent served last, which spreads equal agents' tickets evenly.

import { type RoutingAgent, type Unavailability, unavailability } from "./availability.js";
import { bindingNeeds, type MatchedSkills, meetsNeeds, type TicketNeeds } from "./skills.js";
import type { AssignmentStrategy } from "./strategy.js";

export interface ChooseAgentProps {
  /** The team's members (inactive ones may be left out beforehand). */
  members: readonly RoutingAgent[];
  strategy: AssignmentStrategy;
  needs: TicketNeeds;
  /** The agent the team served last (round robin goes on after them; ties too); null: nobody yet. */
  lastServedId: string | null;
  /** The instant of the assignment (working hours and out of office are read at it). */
  at: Date;
}

/** Why members were passed over, counted by reason. */
export type PassedOver = Partial<Record<Unavailability | "lacks_skills", number>>;

/** An agent was chosen: who, by which strategy, their load against capacity before the ticket, the needs they met. */
export interface RoutingChoice {
  outcome: "assigned";
  strategy: Exclude<AssignmentStrategy, "manual">;
  agentId: string;
  name: string;
  load: number;
  capacity: number;
  matched: MatchedSkills;
}

/** Nobody was chosen: the team assigns by hand (`manual`) or nobody available can take it now. */
export interface RoutingWait {
  outcome: "waiting";
  strategy: AssignmentStrategy;
  why: "manual" | "nobody_available";
  /** The needs that bound the choice. */
  needs: MatchedSkills;
  /** How many members the team has, and why each was passed over. */
  members: number;
  passedOver: PassedOver;
}

export type RoutingDecision = RoutingChoice | RoutingWait;

/**
 * Chooses the member who takes a ticket: among the available members meeting the binding needs
 * (see bindingNeeds), round robin takes the first after `lastServedId` in id order; load-balanced
 * takes the lowest load against capacity, ties going round like round robin. Manual chooses nobody.
 */
export function chooseAgent(props: ChooseAgentProps): RoutingDecision {
  const { strategy, at, lastServedId } = props;
  const members = [...props.members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const needs = bindingNeeds(
    props.needs,
    members.filter((m) => m.active),
  );
  const waiting = (why: RoutingWait["why"], passedOver: PassedOver): RoutingWait => ({
    outcome: "waiting",
    strategy,
    why,
    needs,
    members: members.length,
    passedOver,
  });
  if (strategy === "manual") return waiting("manual", {});
  const passedOver: PassedOver = {};
  // The ring starts after the last served: members with a greater id first, then from the start.
  const start = lastServedId === null ? 0 : members.findIndex((m) => m.id > lastServedId);
  const ring = start <= 0 ? members : [...members.slice(start), ...members.slice(0, start)];
  let best: RoutingAgent | undefined;
  for (const member of ring) {
    const why = unavailability(member, at) ?? (meetsNeeds(member, needs) ? null : "lacks_skills");
    if (why !== null) {
      passedOver[why] = (passedOver[why] ?? 0) + 1;
      continue;
    }
    if (strategy === "round_robin") {
      best = member;
      break;
    }
    if (best === undefined || lighter(member, best)) best = member;
  }
  if (!best) return waiting("nobody_available", passedOver);
  return {
    outcome: "assigned",
    strategy,
    agentId: best.id,
    name: best.name,
    load: best.load,
    capacity: best.capacity,
    matched: { ...needs, tags: [...needs.tags] },
  };
}

/** Whether `a` carries strictly less than `b` against their capacities (both above zero: they are available). */
function lighter(a: RoutingAgent, b: RoutingAgent): boolean {
  return a.load * b.capacity < b.load * a.capacity;
}
