// The words of a ticket: statuses and their allowed transitions, priorities, tiers, channels.

export const STATUSES = ["new", "open", "pending", "on_hold", "solved", "closed"] as const;
export type Status = (typeof STATUSES)[number];

export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** L0 is self-care; `external` is a vendor or third party. */
export const TIERS = ["L0", "L1", "L2", "L3", "external"] as const;
export type Tier = (typeof TIERS)[number];

export const CHANNELS = ["email", "web", "chat", "phone", "twitter", "facebook", "api"] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGES = ["fr", "nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Message kinds: a public reply by an agent, an internal note, or a message from the customer. */
export const MESSAGE_KINDS = ["reply", "note", "customer"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

const TRANSITIONS: Record<Status, readonly Status[]> = {
  new: ["open", "pending", "on_hold", "solved"],
  open: ["pending", "on_hold", "solved"],
  pending: ["open", "on_hold", "solved"],
  on_hold: ["open", "pending", "solved"],
  // A solved ticket reopens when the customer writes again, or closes for good.
  solved: ["open", "closed"],
  // A closed ticket is final: a follow-up is a new ticket.
  closed: [],
};

/** Thrown for a status change the lifecycle does not allow. */
export class StatusTransitionError extends Error {
  constructor(
    readonly from: Status,
    readonly to: Status,
  ) {
    super(
      TRANSITIONS[from].length === 0
        ? `a ${from} ticket cannot change status (a follow-up is a new ticket)`
        : `status cannot go from ${from} to ${to} (from ${from}: ${TRANSITIONS[from].join(", ")})`,
    );
    this.name = "StatusTransitionError";
  }
}

/** The statuses a ticket in `from` may move to. */
export function nextStatuses(from: Status): readonly Status[] {
  return TRANSITIONS[from];
}

/** Throws {@link StatusTransitionError} unless `from → to` is allowed; staying put is allowed. */
export function checkTransition(from: Status, to: Status): void {
  if (from !== to && !TRANSITIONS[from].includes(to)) throw new StatusTransitionError(from, to);
}
