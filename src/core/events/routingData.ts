// What routing records on a ticket: who took it and why (the strategy, their load against
// capacity, the skills they matched), or that it waits in its team's queue and why nobody took it.

import type { PassedOver } from "../routing/chooseAgent.js";
import type { AssignmentStrategy } from "../routing/strategy.js";

/** The needs a choice was bound by, as data: the product by code with its name as it was. */
export interface RoutedSkills {
  language?: string;
  product?: { code: string; name: string };
  channel?: string;
  tags: string[];
}

/**
 * Why an urgent ticket went to the team's person on call: the team is outside its business hours
 * (its calendar), or nobody of the team could take it.
 */
export type OnCallWhy = "outside_hours" | "nobody_available";

/**
 * Why nobody on call took an urgent ticket: the team has no schedule (or it is gone or
 * unreadable), nobody is on call, or whoever is on call is inactive or out of office.
 */
export type OnCallSkip = "no_schedule" | "nobody_on_call" | "inactive" | "out_of_office";

/** The on-call schedule an urgent ticket was given through. */
export interface OnCallAssignment {
  scheduleId: string;
  /** The schedule's name then. */
  scheduleName: string;
  why: OnCallWhy;
}

/** The data of an `assignment` event: routing gave the ticket to an agent of its team, or an urgent one to the person on call (`strategy: "on_call"`). */
export interface AssignmentEventData {
  strategy: Exclude<AssignmentStrategy, "manual"> | "on_call";
  agentId: string;
  /** The agent's name when chosen. */
  name: string;
  teamId: string;
  teamName: string;
  /** Open tickets the agent carried before this one, and how many they can carry. */
  load: number;
  capacity: number;
  matched: RoutedSkills;
  /** When the ticket had waited in the queue: since when (ISO 8601). */
  queuedSince?: string;
  /** With `strategy: "on_call"`: the schedule and why the person on call took it. */
  onCall?: OnCallAssignment;
}

/**
 * The data of a `queued` event: nobody of the team could take the ticket, it waits in the team's
 * queue. A team that assigns by hand (`strategy: "manual"`) queues only an urgent ticket that
 * came outside its hours with nobody on call to take it, so that its lead hears of it.
 */
export interface QueuedEventData {
  strategy: AssignmentStrategy;
  teamId: string;
  teamName: string;
  needs: RoutedSkills;
  /** How many members may take tickets at all (active, with a capacity), and why each was passed over. */
  members: number;
  passedOver: PassedOver;
  /** The team lead told of it, when the team has one. */
  leadId?: string;
  /** An urgent ticket nobody on call could take: why (and the schedule read, when there was one). */
  onCall?: { skip: OnCallSkip; scheduleId?: string };
}
