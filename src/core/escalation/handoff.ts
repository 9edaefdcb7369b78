// The human escalation's words (docs/escalation.md): an agent hands a ticket to a team or a
// specialist (functional), to a lead or manager (hierarchical) or to a vendor (external), with a
// documented hand-off; the receiver accepts it or bounces it back; a root cause closes it.

export const ESCALATION_KINDS = ["functional", "hierarchical", "external"] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

/** open: waiting for the receiver; accepted: being worked on; bounced: sent back; resolved: the ticket was solved. */
export const ESCALATION_STATUSES = ["open", "accepted", "bounced", "resolved"] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const HANDOFF_URGENCIES = ["low", "normal", "high", "critical"] as const;
export type HandoffUrgency = (typeof HANDOFF_URGENCIES)[number];

/** The hand-off every escalation carries: all four fields are required. */
export interface Handoff {
  /** The problem, in a few sentences. */
  summary: string;
  /** What was already tried. */
  tried: string;
  /** What the customer cannot do, and for how many. */
  impact: string;
  urgency: HandoffUrgency;
}

/** The default list of root causes; a workspace may replace it (settings key `escalation`). */
export const DEFAULT_ROOT_CAUSES = ["agent_overload", "missing_skill", "dependency", "product_defect", "authority_needed", "customer_side", "other"] as const;
