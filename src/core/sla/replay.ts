// Replaying a ticket's history through the clock rules: the clocks the ticket would have if the
// policy that applies now had always applied, its statuses, priorities and messages as they were.

import type { BusinessCalendar, Instant } from "../calendar/index.js";
import type { MessageKind, Priority, Status } from "../ticket/ticket.js";
import { advanceClocks, type Happening, type SlaClock } from "./clocks.js";
import type { SlaPolicy } from "./policy.js";

/** One thing that happened to a ticket after its creation, as far as clocks care. */
export type HistoryEntry =
  | { type: "message"; at: Instant; kind: MessageKind }
  /** An agent's answered outbound call (docs/phone.md). */
  | { type: "call"; at: Instant }
  /** A change of status or priority (either may be absent), `[from, to]`. */
  | { type: "changed"; at: Instant; status?: [Status, Status]; priority?: [Priority, Priority] };

/** A ticket's timeline reduced to what clocks need. */
export interface ClockHistory {
  created: { at: Instant; status: Status; priority: Priority };
  /** What followed, in the order it was recorded (oldest first). */
  entries: readonly HistoryEntry[];
}

export interface ReplayOptions {
  /** The policy applied over the whole history; undefined: none (no clock). */
  policy: SlaPolicy | undefined;
  /** The calendar of a policy's `calendarId`; null gives the wall clock. */
  calendar(id: string | null): BusinessCalendar;
}

/** The happening of a new message for the clocks. */
export function messageHappening(kind: MessageKind): Happening {
  return kind === "customer" ? { type: "customer_message" } : { type: "agent_message", kind };
}

/**
 * The clocks a ticket has after its history, with `policy` applying from its creation on: its
 * elapsed time and every pause count as if the policy had always applied. Gives what feeding
 * `advanceClocks` each change as it happened gives, in the store's order: a message that opens
 * or reopens the ticket is recorded before that status change (at the same instant), but the
 * clocks follow the change first, and a new ticket's clocks start with the status its first
 * message left it in. An entry dated before the one it follows counts at that one's time.
 */
export function replayClocks(history: ClockHistory, { policy, calendar }: ReplayOptions): SlaClock[] {
  const { created, entries } = history;
  let status = created.status;
  let priority = created.priority;
  let now = created.at;
  let clocks: SlaClock[] = [];
  const step = (happening: Happening) => {
    clocks = advanceClocks(clocks, { now, policy, priority, status, calendar }, happening).clocks;
  };

  const first = entries[0];
  const openedByFirst = first?.type === "message" && first.at <= created.at ? openedBy(entries, 0) : undefined;
  if (openedByFirst?.status) status = openedByFirst.status[1];
  step({ type: "created" });

  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as HistoryEntry;
    now = Math.max(now, entry.at);
    if (entry.type === "changed") {
      step(applyChange(entry));
      continue;
    }
    if (entry.type === "call") {
      step({ type: "agent_message", kind: "call" });
      continue;
    }
    const opened = openedBy(entries, i);
    if (opened) {
      step(applyChange(opened));
      i++;
    }
    step(messageHappening(entry.kind));
  }
  return clocks;

  function applyChange(change: Extract<HistoryEntry, { type: "changed" }>): Happening {
    const statusFrom = status;
    if (change.status) status = change.status[1];
    if (change.priority) priority = change.priority[1];
    return { type: "changed", ...(change.status ? { statusFrom } : {}) };
  }
}

/** The statuses a message opens: a customer's reopens a waiting or solved ticket, an agent's first reply opens a new one. */
const OPENED_BY: Record<MessageKind, readonly Status[]> = { customer: ["pending", "on_hold", "solved"], reply: ["new"], note: [] };

/**
 * The change recorded right after the message at `index` that the message caused: at the same
 * instant, from a status that such a message opens to `open`, and nothing else. (Any other change
 * at that instant came after the message: the message had already opened the ticket.)
 */
function openedBy(entries: readonly HistoryEntry[], index: number): Extract<HistoryEntry, { type: "changed" }> | undefined {
  const message = entries[index];
  const next = entries[index + 1];
  if (message?.type !== "message" || next?.type !== "changed" || next.at !== message.at || next.priority !== undefined || !next.status) return undefined;
  const [from, to] = next.status;
  return to === "open" && OPENED_BY[message.kind].includes(from) ? next : undefined;
}
