import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type MessageKind, type Priority, STATUSES, type Status } from "../ticket/ticket.js";
import { advanceClocks, dueOf, type Happening, type SlaClock } from "./clocks.js";
import type { SlaPolicy } from "./policy.js";
import { type ClockHistory, type HistoryEntry, messageHappening, replayClocks } from "./replay.js";
import { calendar, PARIS, STANDARD, t } from "../../../test/support/slaCore.js";

/** The status a message moves its ticket to, as the store does: a customer reopens, an agent's first reply opens. */
function openedBy(kind: MessageKind, status: Status): Status | undefined {
  if (kind === "customer") return status === "pending" || status === "solved" || status === "on_hold" ? "open" : undefined;
  return kind === "reply" && status === "new" ? "open" : undefined;
}

/**
 * A ticket as the store keeps it: each change advances its clocks at once (a message's status
 * change first, then the message), and its timeline records what happened in the store's order.
 */
class LiveTicket {
  clocks: SlaClock[] = [];
  readonly history: ClockHistory;
  private readonly entries: HistoryEntry[] = [];

  constructor(
    readonly policy: SlaPolicy,
    at: number,
    public status: Status,
    public priority: Priority,
    firstMessage?: MessageKind,
  ) {
    this.history = { created: { at, status, priority }, entries: this.entries };
    const opened = firstMessage ? openedBy(firstMessage, status) : undefined;
    if (firstMessage) this.entries.push({ type: "message", at, kind: firstMessage });
    if (opened) this.entries.push({ type: "changed", at, status: [status, opened] });
    // A new ticket is written as its first message leaves it, then its clocks start.
    if (opened) this.status = opened;
    this.advance(at, { type: "created" });
    if (firstMessage) this.advance(at, messageHappening(firstMessage));
  }

  message(at: number, kind: MessageKind): void {
    const opened = openedBy(kind, this.status);
    this.entries.push({ type: "message", at, kind });
    if (opened) {
      this.entries.push({ type: "changed", at, status: [this.status, opened] });
      const statusFrom = this.status;
      this.status = opened;
      this.advance(at, { type: "changed", statusFrom });
    }
    this.advance(at, messageHappening(kind));
  }

  change(at: number, set: { status?: Status; priority?: Priority }): void {
    const entry: HistoryEntry = { type: "changed", at };
    const statusFrom = this.status;
    if (set.status && set.status !== this.status) entry.status = [this.status, (this.status = set.status)];
    if (set.priority && set.priority !== this.priority) entry.priority = [this.priority, (this.priority = set.priority)];
    if (!entry.status && !entry.priority) return;
    this.entries.push(entry);
    this.advance(at, { type: "changed", ...(entry.status ? { statusFrom } : {}) });
  }

  replayed(policy: SlaPolicy = this.policy): SlaClock[] {
    return replayClocks(this.history, { policy, calendar });
  }

  clock(target: SlaClock["target"], cycle = 1): SlaClock {
    const found = this.clocks.find((c) => c.target === target && c.cycle === cycle);
    if (!found) throw new Error(`no ${target} clock, cycle ${cycle}`);
    return found;
  }

  private advance(at: number, happening: Happening): void {
    this.clocks = advanceClocks(this.clocks, { now: at, policy: this.policy, priority: this.priority, status: this.status, calendar }, happening).clocks;
  }
}

const withoutEmptyPauses = (clocks: SlaClock[]) => clocks.map((c) => ({ ...c, pauses: c.pauses.filter(([from, to]) => to !== from) }));

describe("replaying a ticket's history", () => {
  it("gives the clocks that advancing them step by step gave, whatever the history", () => {
    const operation = fc.oneof(
      fc.record({ op: fc.constant("message" as const), kind: fc.constantFrom<MessageKind>("customer", "reply", "note") }),
      fc.record({ op: fc.constant("status" as const), status: fc.constantFrom(...STATUSES) }),
      fc.record({ op: fc.constant("priority" as const), priority: fc.constantFrom<Priority>("low", "normal", "high") }),
    );
    // Some steps at the same instant, some within the hour, some across nights and weekends.
    const gap = fc.constantFrom(0, 0, 60_000, 45 * 60_000, 3 * 3_600_000, 20 * 3_600_000, 70 * 3_600_000);
    fc.assert(
      fc.property(
        fc.record({
          start: fc.integer({ min: 0, max: 14 * 24 * 4 }).map((quarter) => t("2026-03-16T00:00:00Z") + quarter * 900_000),
          status: fc.constantFrom<Status>("new", "open", "pending"),
          priority: fc.constantFrom<Priority>("low", "normal", "high"),
          first: fc.option(fc.constantFrom<MessageKind>("customer", "reply"), { nil: undefined }),
          wallClock: fc.boolean(),
          noteCountsAsResponse: fc.boolean(),
          steps: fc.array(fc.tuple(gap, operation), { maxLength: 14 }),
        }),
        ({ start, status, priority, first, wallClock, noteCountsAsResponse, steps }) => {
          const policy: SlaPolicy = { ...STANDARD, calendarId: wallClock ? null : "paris", noteCountsAsResponse };
          const ticket = new LiveTicket(policy, start, status, priority, first);
          let at = start;
          for (const [elapsed, step] of steps) {
            at += elapsed;
            if (step.op === "message") {
              if (ticket.status !== "closed") ticket.message(at, step.kind);
            } else if (step.op === "status") ticket.change(at, { status: step.status });
            else ticket.change(at, { priority: step.priority });
          }
          // A message at the creation instant reads as the ticket's first message (the timeline
          // cannot tell it from one written right after): the live clocks may then hold a pause
          // begun and ended at that instant, which changes nothing.
          expect(withoutEmptyPauses(ticket.replayed())).toEqual(withoutEmptyPauses(ticket.clocks));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps the pauses of the history under a policy that did not exist then", () => {
    // The history happened with no policy at all; the policy now measures it as if it always had.
    const none: SlaPolicy = { ...STANDARD, id: "none", targets: {} };
    const ticket = new LiveTicket(none, t("2026-03-24T09:00:00+01:00"), "new", "normal", "customer");
    ticket.change(t("2026-03-24T10:00:00+01:00"), { status: "pending" });
    ticket.message(t("2026-03-25T10:00:00+01:00"), "customer");
    expect(ticket.clocks).toEqual([]);
    const [first, resolution] = ticket.replayed(STANDARD);
    const pending: [number, number] = [t("2026-03-24T10:00:00+01:00"), t("2026-03-25T10:00:00+01:00")];
    expect(first).toMatchObject({
      target: "first_response",
      state: "running",
      startedAt: t("2026-03-24T09:00:00+01:00"),
      pauses: [pending],
      dueAt: t("2026-03-25T11:00:00+01:00"),
    });
    // Fifteen business hours left on Wednesday 10:00: eight on Wednesday, seven on Thursday.
    expect(resolution).toMatchObject({ target: "resolution", state: "running", pauses: [pending], dueAt: t("2026-03-26T16:00:00+01:00") });
  });

  it("starts the clocks of a ticket opened before any policy at its creation, breached when the policy says it is overdue", () => {
    const ticket = new LiveTicket({ ...STANDARD, targets: {} }, t("2026-03-23T09:00:00+01:00"), "new", "high", "customer");
    ticket.change(t("2026-03-23T11:00:00+01:00"), { status: "open" });
    const [first, resolution] = ticket.replayed(STANDARD);
    expect(first).toMatchObject({ state: "running", dueAt: t("2026-03-23T10:00:00+01:00"), policyId: "standard", budgetSeconds: 3600 });
    expect(resolution).toMatchObject({ state: "running", dueAt: t("2026-03-23T17:00:00+01:00") });
  });

  it("meets the resolution of a solved ticket and resumes it when reopened, the solved time a pause", () => {
    const ticket = new LiveTicket(STANDARD, t("2026-03-24T09:00:00+01:00"), "new", "normal", "customer");
    ticket.message(t("2026-03-24T09:30:00+01:00"), "reply");
    ticket.change(t("2026-03-24T11:00:00+01:00"), { status: "solved" });
    ticket.message(t("2026-03-25T09:00:00+01:00"), "customer");
    const clocks = ticket.replayed();
    expect(clocks).toEqual(ticket.clocks);
    expect(clocks.map((c) => [c.target, c.cycle, c.state])).toEqual([
      ["first_response", 1, "met"],
      ["resolution", 1, "running"],
      ["next_response", 1, "running"],
    ]);
    const resolution = clocks[1] as SlaClock;
    expect(resolution.pauses).toEqual([[t("2026-03-24T11:00:00+01:00"), t("2026-03-25T09:00:00+01:00")]]);
    // Two business hours used on Tuesday: fourteen left from Wednesday 09:00.
    expect(resolution.dueAt).toBe(t("2026-03-26T14:00:00+01:00"));
    expect(clocks[2]?.dueAt).toBe(t("2026-03-25T13:00:00+01:00"));
  });

  it("counts next-response cycles, one at a time, and keeps the one still waiting running", () => {
    const ticket = new LiveTicket(STANDARD, t("2026-03-24T09:00:00+01:00"), "new", "normal", "customer");
    ticket.message(t("2026-03-24T09:30:00+01:00"), "reply");
    ticket.message(t("2026-03-24T11:00:00+01:00"), "customer");
    ticket.message(t("2026-03-24T11:30:00+01:00"), "customer");
    ticket.message(t("2026-03-24T12:00:00+01:00"), "reply");
    ticket.message(t("2026-03-24T17:00:00+01:00"), "customer");
    ticket.message(t("2026-03-25T10:00:00+01:00"), "note");
    const cycles = ticket.replayed().filter((c) => c.target === "next_response");
    expect(cycles.map((c) => [c.cycle, c.state, c.startedAt, c.dueAt])).toEqual([
      [1, "met", t("2026-03-24T11:00:00+01:00"), t("2026-03-24T15:00:00+01:00")],
      [2, "running", t("2026-03-24T17:00:00+01:00"), t("2026-03-25T12:00:00+01:00")],
    ]);
    // Under a policy where notes count as responses, the note meets the second cycle.
    const noting = ticket.replayed({ ...STANDARD, noteCountsAsResponse: true }).filter((c) => c.target === "next_response");
    expect(noting.map((c) => [c.cycle, c.state, c.stoppedAt])).toEqual([
      [1, "met", t("2026-03-24T12:00:00+01:00")],
      [2, "met", t("2026-03-25T10:00:00+01:00")],
    ]);
  });

  it("follows the priorities of the history: a target the priority of the time did not set starts no clock later", () => {
    const ticket = new LiveTicket(STANDARD, t("2026-03-24T09:00:00+01:00"), "new", "low", "customer");
    ticket.change(t("2026-03-24T10:00:00+01:00"), { priority: "high" });
    const clocks = ticket.replayed();
    expect(clocks.map((c) => [c.target, c.budgetSeconds])).toEqual([["resolution", 480 * 60]]);
    expect(clocks[0]?.dueAt).toBe(dueOf(clocks[0] as SlaClock, PARIS));
  });

  it("gives no clock without a policy, and counts an entry dated before the previous one at that one's time", () => {
    const history: ClockHistory = {
      created: { at: t("2026-03-24T09:00:00+01:00"), status: "new", priority: "normal" },
      entries: [
        { type: "changed", at: t("2026-03-24T10:00:00+01:00"), status: ["new", "pending"] },
        { type: "changed", at: t("2026-03-24T09:30:00+01:00"), status: ["pending", "open"] },
      ],
    };
    expect(replayClocks(history, { policy: undefined, calendar })).toEqual([]);
    const [first] = replayClocks(history, { policy: STANDARD, calendar });
    expect(first?.pauses).toEqual([[t("2026-03-24T10:00:00+01:00"), t("2026-03-24T10:00:00+01:00")]]);
    expect(first?.dueAt).toBe(t("2026-03-24T11:00:00+01:00"));
  });
});
