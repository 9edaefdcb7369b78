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

/** A root cause of the default list, or any code a workspace's own list holds. */
export type RootCause = string;

/** A cause's words in each language the catalogue speaks (fr, nl, en): all three, or none (the catalogue's). */
export interface RootCauseLabels {
  fr: string;
  nl: string;
  en: string;
}

/** One root cause of the workspace's list (rootCauseList.ts reads, checks and names them). */
export interface RootCauseEntry {
  code: RootCause;
  /** One of {@link DEFAULT_ROOT_CAUSES}, whose words the catalogue holds. */
  builtIn: boolean;
  /** The workspace's words; null: the catalogue's (built-in causes only). */
  labels: RootCauseLabels | null;
  /** Retired causes are no longer offered when solving; `other` is never retired. */
  retired: boolean;
}

/** How a workspace runs its escalations; the defaults below hold where it set nothing. */
export interface EscalationSettings {
  /** Business minutes the receiving team takes to answer, per urgency: the ETA the customer is told. */
  etaMinutes: Record<HandoffUrgency, number>;
  /** Escalating this many minutes or less after the ticket was created, with no agent reply or note yet, needs a reason. */
  tryFirstMinutes: number;
  /** Business hours an escalation may sit without activity before its owner is reminded. */
  reminderHours: number;
  /** The workspace's root causes, offered and retired; a solved escalated ticket chooses an offered one, and `other` asks for words. */
  rootCauses: readonly RootCauseEntry[];
}

export const DEFAULT_ESCALATION_SETTINGS: EscalationSettings = {
  etaMinutes: { critical: 2 * 60, high: 8 * 60, normal: 16 * 60, low: 40 * 60 },
  tryFirstMinutes: 10,
  reminderHours: 4,
  rootCauses: DEFAULT_ROOT_CAUSES.map((code) => ({ code, builtIn: true, labels: null, retired: false })),
};

/** Roles that receive a hierarchical escalation. */
export const HIERARCHY_ROLES = ["team_lead", "manager", "admin"] as const;
