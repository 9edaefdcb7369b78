// The data of the human escalation's events (docs/escalation.md): a hand-off, its acceptance or
// bounce, the reminder of one left without activity, and the root cause recorded when the
// escalated ticket was solved. The matrix's SLA levels are the `escalation` kind, not these.

/** `handoff`: an agent escalated the ticket, to whom, how urgently, and what the customer was told. */
export interface HandoffData {
  escalationId: string;
  kind: "functional" | "hierarchical" | "external";
  toTeamId: string | null;
  toAgentId: string | null;
  vendor: string | null;
  vendorReference: string | null;
  urgency: "low" | "normal" | "high" | "critical";
  /** The expected answer (ISO 8601); null when no date could be given. */
  etaAt: string | null;
  /** Whether a public reply told the customer of the transfer. */
  noticeSent: boolean;
  /** Why escalate so soon, when the guard asked for it. */
  reason?: string;
  /** The ticket's team, assignee and tier before the hand-off, where a bounce sends it back. */
  from: { teamId: string | null; assigneeId: string | null; tier: string };
}

/** `handoff_accepted`: the receiver took the escalation over. */
export interface HandoffAcceptedData {
  escalationId: string;
}

/** `handoff_bounced`: the receiver sent it back, why, to which better team, and how many times the ticket was sent back so far. */
export interface HandoffBouncedData {
  escalationId: string;
  reason: string;
  suggestedTeamId: string | null;
  bounces: number;
}

/** `handoff_reminder`: an escalation without activity for `hours` business hours reminded its owner. */
export interface HandoffReminderData {
  escalationId: string;
  agentId: string;
  hours: number;
}

/** `take_over`: a lead or manager took the ticket over from whoever held it, and why when they said. */
export interface TakeOverData {
  /** Who held the ticket before: they stay a follower; null when nobody did. */
  fromAgentId: string | null;
  toAgentId: string;
  reason: string | null;
}

/** `root_cause`: why the escalated ticket came to be escalated, recorded when it was solved. */
export interface RootCauseData {
  escalationId: string;
  rootCause: string;
  text: string | null;
  /** The workspace's own words for the cause when it set them, per language, as they were when it was recorded. */
  labels?: { fr: string; nl: string; en: string };
}

/** `approval_requested`: an agent asked to grant a refund or a goodwill gesture; granted at once within their authority, else asked of `approverId`. */
export interface ApprovalRequestedData {
  approvalId: string;
  kind: "refund" | "goodwill";
  amountCents: number;
  currency: string;
  approverId: string | null;
  withinAuthority: boolean;
}

/** `approval_decided`: the manager's decision and how long it took. */
export interface ApprovalDecidedData {
  approvalId: string;
  decision: "approved" | "declined";
  delaySeconds: number;
  note: string | null;
}
