// A team's way of giving its tickets to its agents (docs/routing.md).

/**
 * - `load_balanced`: the available agent with the needed skills and the lowest load against capacity;
 * - `round_robin`: the next available agent with the needed skills after the last one served;
 * - `manual`: nobody is chosen; the ticket stays with the team, unassigned, for someone to take it.
 */
export const ASSIGNMENT_STRATEGIES = ["load_balanced", "round_robin", "manual"] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];
