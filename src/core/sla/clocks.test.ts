import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Priority, Status } from "../ticket/ticket.js";
import { advanceClocks, type ClockChange, elapsedOf, type Happening, isBreached, type SlaClock } from "./clocks.js";
import type { SlaPolicy, Target } from "./policy.js";
import { calendar, PARIS, STANDARD, t } from "../../../test/support/slaCore.js";

/** A ticket as the clocks see it, moved through time by happenings. */
class TicketClocks {
  clocks: SlaClock[] = [];
  constructor(
    public policy: SlaPolicy | undefined = STANDARD,
    public priority: Priority = "normal",
    public status: Status = "new",
  ) {}

  at(iso: string, happening: Happening, set: { status?: Status; priority?: Priority; policy?: SlaPolicy | undefined } = {}): ClockChange[] {
    if (set.status) this.status = set.status;
    if (set.priority) this.priority = set.priority;
    if ("policy" in set) this.policy = set.policy;
    const result = advanceClocks(this.clocks, { now: t(iso), policy: this.policy, priority: this.priority, status: this.status, calendar }, happening);
    this.clocks = result.clocks;
    return result.changes;
  }

  /** Moves to `status` (a `changed` happening saying where from). */
  status_(iso: string, status: Status): ClockChange[] {
    const from = this.status;
    return this.at(iso, { type: "changed", statusFrom: from }, { status });
  }

  clock(target: Target, cycle = 1): SlaClock {
    const found = this.clocks.find((c) => c.target === target && c.cycle === cycle);
    if (!found) throw new Error(`no ${target} clock, cycle ${cycle}`);
    return found;
  }
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

describe("clocks on a business calendar", () => {
  it("start at creation: first response and resolution, due in business time across the night", () => {
    const ticket = new TicketClocks();
    const changes = ticket.at("2026-03-25T17:00:00+01:00", { type: "created" });
    expect(changes.map((c) => [c.target, c.change, iso(c.dueAt)])).toEqual([
      ["first_response", "started", "2026-03-26T09:00:00.000Z"],
      // Sixteen business hours: one on Wednesday, nine on Thursday, six on Friday.
      ["resolution", "started", "2026-03-27T14:00:00.000Z"],
    ]);
    expect(ticket.clocks.every((c) => c.state === "running" && c.startedAt === t("2026-03-25T16:00:00Z"))).toBe(true);
  });

  it("start only the targets the policy sets for the priority", () => {
    const ticket = new TicketClocks(STANDARD, "low");
    ticket.at("2026-03-25T09:00:00+01:00", { type: "created" });
    expect(ticket.clocks.map((c) => c.target)).toEqual(["resolution"]);
    const unmatched = new TicketClocks();
    expect(unmatched.at("2026-03-25T09:00:00+01:00", { type: "created" }, { policy: undefined })).toEqual([]);
  });

  it("are due across a weekend and the spring DST change, and skip a holiday", () => {
    const friday = new TicketClocks();
    friday.at("2026-03-27T17:00:00+01:00", { type: "created" });
    expect(iso(friday.clock("first_response").dueAt)).toBe("2026-03-30T08:00:00.000Z");
    const easter = new TicketClocks();
    easter.at("2026-04-03T17:00:00+02:00", { type: "created" });
    expect(iso(easter.clock("first_response").dueAt)).toBe("2026-04-07T08:00:00.000Z");
  });
});

describe("pauses", () => {
  it("pause while pending and resume with the due time pushed by the business time paused", () => {
    const ticket = new TicketClocks();
    ticket.at("2026-03-24T09:00:00+01:00", { type: "created" });
    const paused = ticket.status_("2026-03-24T10:00:00+01:00", "pending");
    expect(paused.map((c) => [c.target, c.change, c.dueAt])).toEqual([
      ["first_response", "paused", null],
      ["resolution", "paused", null],
    ]);
    expect(elapsedOf(ticket.clock("first_response"), PARIS, t("2026-03-24T17:00:00+01:00"))).toBe(3600);
    const resumed = ticket.status_("2026-03-25T10:00:00+01:00", "open");
    expect(resumed.map((c) => [c.target, c.change, iso(c.dueAt)])).toEqual([
      ["first_response", "resumed", "2026-03-25T10:00:00.000Z"],
      ["resolution", "resumed", "2026-03-26T15:00:00.000Z"],
    ]);
    expect(ticket.clock("first_response").pauses).toEqual([[t("2026-03-24T09:00:00Z"), t("2026-03-25T09:00:00Z")]]);
  });

  it("pause on on_hold too, and only on the statuses the policy names", () => {
    const ticket = new TicketClocks();
    ticket.at("2026-03-24T09:00:00+01:00", { type: "created" });
    expect(ticket.status_("2026-03-24T10:00:00+01:00", "on_hold").map((c) => c.change)).toEqual(["paused", "paused"]);
    const onlyOnHold = new TicketClocks({ ...STANDARD, pauseStatuses: ["on_hold"] });
    onlyOnHold.at("2026-03-24T09:00:00+01:00", { type: "created" });
    expect(onlyOnHold.status_("2026-03-24T10:00:00+01:00", "pending")).toEqual([]);
    expect(onlyOnHold.clock("first_response").state).toBe("running");
  });

  it("keep a breached clock breached while it pauses, its due time unchanged", () => {
    const ticket = new TicketClocks();
    ticket.at("2026-03-24T09:00:00+01:00", { type: "created" });
    ticket.status_("2026-03-24T12:00:00+01:00", "pending");
    const first = ticket.clock("first_response");
    expect(first).toMatchObject({ state: "paused", dueAt: t("2026-03-24T10:00:00Z") });
    expect(isBreached(first, t("2026-03-24T12:30:00+01:00"))).toBe(true);
    expect(isBreached(ticket.clock("resolution"), t("2026-03-24T12:30:00+01:00"))).toBe(false);
    ticket.status_("2026-03-24T15:00:00+01:00", "open");
    expect(ticket.clock("first_response").dueAt).toBe(t("2026-03-24T10:00:00Z"));
  });
});

describe("responses", () => {
  it("an agent's public reply meets the first response; an internal note does not, unless the policy says so", () => {
    const ticket = new TicketClocks();
    ticket.at("2026-03-24T09:00:00+01:00", { type: "created" });
    expect(ticket.at("2026-03-24T09:10:00+01:00", { type: "agent_message", kind: "note" })).toEqual([]);
    const met = ticket.at("2026-03-24T09:20:00+01:00", { type: "agent_message", kind: "reply" });
    expect(met).toEqual([{ target: "first_response", cycle: 1, change: "met", dueAt: t("2026-03-24T10:00:00Z"), lateBySeconds: 0 }]);
    expect(ticket.clock("first_response")).toMatchObject({ state: "met", stoppedAt: t("2026-03-24T08:20:00Z") });
    const notes = new TicketClocks({ ...STANDARD, noteCountsAsResponse: true });
    notes.at("2026-03-24T09:00:00+01:00", { type: "created" });
    expect(notes.at("2026-03-24T09:10:00+01:00", { type: "agent_message", kind: "note" }).map((c) => c.change)).toEqual(["met"]);
  });

  it("counts a late response's delay in business seconds", () => {
    const ticket = new TicketClocks();
    ticket.at("2026-03-24T16:00:00+01:00", { type: "created" });
    // Due Wednesday 09:00; answered Wednesday 10:30: 90 business minutes late, not 17 h 30.
    const [met] = ticket.at("2026-03-25T10:30:00+01:00", { type: "agent_message", kind: "reply" });
    expect(met).toMatchObject({ change: "met", lateBySeconds: 5400 });
    expect(isBreached(ticket.clock("first_response"), t("2026-03-26T00:00:00Z"))).toBe(true);
  });

  it("starts a next-response cycle at a customer message after a response, one cycle at a time", () => {
    const ticket = new TicketClocks();
    ticket.at("2026-03-24T09:00:00+01:00", { type: "created" });
    expect(ticket.at("2026-03-24T09:05:00+01:00", { type: "customer_message" })).toEqual([]);
    ticket.at("2026-03-24T09:30:00+01:00", { type: "agent_message", kind: "reply" });
    const started = ticket.at("2026-03-24T11:00:00+01:00", { type: "customer_message" });
    expect(started).toEqual([{ target: "next_response", cycle: 1, change: "started", dueAt: t("2026-03-24T14:00:00Z") }]);
    expect(ticket.at("2026-03-24T11:30:00+01:00", { type: "customer_message" })).toEqual([]);
    ticket.at("2026-03-24T12:00:00+01:00", { type: "agent_message", kind: "reply" });
    const second = ticket.at("2026-03-24T17:00:00+01:00", { type: "customer_message" });
    expect(second).toEqual([{ target: "next_response", cycle: 2, change: "started", dueAt: t("2026-03-25T11:00:00Z") }]);
    expect(ticket.clock("next_response", 1).state).toBe("met");
  });
});

describe("solving and reopening", () => {
  it("meets the resolution when solved and cancels the response clocks", () => {
    const ticket = new TicketClocks();
    ticket.at("2026-03-24T09:00:00+01:00", { type: "created" });
    const solved = ticket.status_("2026-03-24T11:00:00+01:00", "solved");
    expect(solved.map((c) => [c.target, c.change])).toEqual([
      ["first_response", "cancelled"],
      ["resolution", "met"],
    ]);
  });

  it("resumes the resolution on reopening, the solved time counted as a pause, by a status change or by the customer writing", () => {
    for (const reopen of ["status", "customer"] as const) {
      const ticket = new TicketClocks();
      ticket.at("2026-03-24T09:00:00+01:00", { type: "created" });
      ticket.status_("2026-03-24T11:00:00+01:00", "solved");
      const changes =
        reopen === "status"
          ? ticket.status_("2026-03-25T09:00:00+01:00", "open")
          : ticket.at("2026-03-25T09:00:00+01:00", { type: "customer_message" }, { status: "open" });
      const resolution = ticket.clock("resolution");
      expect(resolution).toMatchObject({ state: "running", stoppedAt: null, pauses: [[t("2026-03-24T10:00:00Z"), t("2026-03-25T08:00:00Z")]] });
      expect(elapsedOf(resolution, PARIS, t("2026-03-25T09:00:00+01:00"))).toBe(7200);
      // Fourteen business hours left from Wednesday 09:00: nine on Wednesday, five on Thursday.
      expect(changes).toContainEqual({ target: "resolution", cycle: 1, change: "resumed", dueAt: t("2026-03-26T13:00:00Z") });
      expect(ticket.clock("first_response").state).toBe("cancelled");
    }
  });
});

describe("priority and policy changes", () => {
  it("keep the start and the pauses and recompute the due time: a ticket never loses the time it spent pending", () => {
    const ticket = new TicketClocks();
    ticket.at("2026-03-24T09:00:00+01:00", { type: "created" });
    ticket.status_("2026-03-24T09:30:00+01:00", "pending");
    ticket.status_("2026-03-24T13:30:00+01:00", "open");
    const changes = ticket.at("2026-03-24T13:40:00+01:00", { type: "changed" }, { priority: "high" });
    expect(changes.map((c) => [c.target, c.change, iso(c.dueAt)])).toEqual([
      ["first_response", "due_changed", "2026-03-24T13:00:00.000Z"],
      ["resolution", "due_changed", "2026-03-25T11:00:00.000Z"],
    ]);
    const first = ticket.clock("first_response");
    expect(first).toMatchObject({
      startedAt: t("2026-03-24T08:00:00Z"),
      budgetSeconds: 3600,
      pauses: [[t("2026-03-24T08:30:00Z"), t("2026-03-24T12:30:00Z")]],
    });
    expect(elapsedOf(first, PARIS, t("2026-03-24T13:40:00+01:00"))).toBe(2400);
  });

  it("move the clocks to a new policy's calendar and budget, elapsed time carried over", () => {
    const ticket = new TicketClocks();
    ticket.at("2026-03-24T17:00:00+01:00", { type: "created" });
    const wallClock: SlaPolicy = { ...STANDARD, id: "vip", name: "VIP", calendarId: null, targets: { normal: { first_response: 180, resolution: 480 } } };
    const changes = ticket.at("2026-03-24T17:30:00+01:00", { type: "changed" }, { policy: wallClock });
    // Started 17:00 CET: three wall-clock hours later.
    expect(changes.map((c) => [c.target, c.change, iso(c.dueAt)])).toEqual([
      ["first_response", "due_changed", "2026-03-24T19:00:00.000Z"],
      ["resolution", "due_changed", "2026-03-25T00:00:00.000Z"],
    ]);
    expect(ticket.clock("first_response")).toMatchObject({ policyId: "vip", calendarId: null, startedAt: t("2026-03-24T16:00:00Z") });
  });

  it("cancel the live clocks when no policy applies any more, or the new priority has no such target", () => {
    const ticket = new TicketClocks();
    ticket.at("2026-03-24T09:00:00+01:00", { type: "created" });
    expect(ticket.at("2026-03-24T09:10:00+01:00", { type: "changed" }, { priority: "low" }).map((c) => [c.target, c.change])).toEqual([
      ["first_response", "cancelled"],
      ["resolution", "due_changed"],
    ]);
    expect(ticket.at("2026-03-24T09:20:00+01:00", { type: "changed" }, { policy: undefined }).map((c) => [c.target, c.change])).toEqual([
      ["resolution", "cancelled"],
    ]);
  });
});

describe("properties", () => {
  const MINUTE = 60_000;
  const START = t("2026-01-05T00:00:00Z");

  it("whatever the pauses, a running clock's due time is where its elapsed business time equals its budget", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 * 24 * 60 }),
        fc.integer({ min: 1, max: 6000 }),
        fc.array(fc.record({ after: fc.integer({ min: 1, max: 4000 }), pausing: fc.boolean() }), { maxLength: 8 }),
        fc.constantFrom("paris", null),
        (startMinute, budgetMinutes, steps, calendarId) => {
          const policy: SlaPolicy = { ...STANDARD, calendarId, targets: { normal: { first_response: budgetMinutes, resolution: budgetMinutes * 3 } } };
          const ticket = new TicketClocks(policy, "normal", "open");
          let now = START + startMinute * MINUTE;
          ticket.at(new Date(now).toISOString(), { type: "created" });
          for (const step of [...steps, { after: 1, pausing: false }]) {
            now += step.after * MINUTE;
            ticket.status_(new Date(now).toISOString(), step.pausing ? "pending" : "open");
          }
          for (const clock of ticket.clocks) {
            expect(clock.state).toBe("running");
            expect(elapsedOf(clock, calendar(calendarId), clock.dueAt as number)).toBeCloseTo(clock.budgetSeconds, 3);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
