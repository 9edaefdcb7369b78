// Who caused a ticket event: the person or the part of Palier that acted.

/** Who caused a change: an agent, a customer, a rule, or the system (timers, imports). */
export interface Actor {
  type: "agent" | "customer" | "rule" | "system";
  id?: string | null;
}

/** The actor of what Palier does by itself: timers, recomputes, imports. */
export const SYSTEM_ACTOR: Actor = { type: "system" };
