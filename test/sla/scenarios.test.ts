// SLA scenarios on a Paris office calendar, driven by a manual clock through the ticket store:
// deadlines and matrix timers across a night, a weekend, Easter Monday and the spring DST change.

import { beforeAll, expect, it } from "vitest";
import { ManualClock } from "../../src/core/clock.js";
import type { Priority } from "../../src/core/ticket/ticket.js";
import type { Database } from "../../src/store/database.js";
import { listEvents } from "../../src/store/events.js";
import type { TicketClock } from "../../src/core/sla/clockView.js";
import { ticketClocks } from "../../src/store/sla/ticketClockViews.js";
import { addMessage, updateTicket } from "../support/commandsOnDb.js";
import { buildCustomer, buildPolicy, buildTicket } from "../support/factories.js";
import { describeStore } from "../support/testDatabase.js";

/** An instant written in UTC, to compare with what the store answers. */
const utc = (iso: string) => new Date(`${iso}Z`).toISOString();
const timersOf = (clock: TicketClock | undefined) => clock?.timers.map((t) => [t.stepId, t.dueAt.toISOString(), t.state]);

describeStore("SLA scenarios", (get) => {
  let db: Database["db"];
  let customerId: string;
  const clock = new ManualClock(new Date("2026-03-02T08:00:00Z"));
  const agent = { type: "agent" as const };
  const customer = () => ({ type: "customer" as const, id: customerId });

  beforeAll(async () => {
    db = get().db;
    const now = clock.now();
    customerId = (await buildCustomer(db, { language: "fr", now })).id;
    await buildPolicy(db, { name: "Standard", isDefault: true, now });
  });

  /** Opens a ticket at a Paris local time (the offset written out). */
  async function openAt(iso: string, priority: Priority = "normal") {
    clock.set(new Date(iso));
    const { ticket } = await buildTicket(db, { now: clock.now(), customerId, priority });
    return ticket.number;
  }
  const clocksAt = (number: number) => ticketClocks(db, number, clock.now());
  const byTarget = async (number: number, target: string, cycle = 1) => (await clocksAt(number)).find((c) => c.target === target && c.cycle === cycle);

  it("carries a deadline across the night: reminder 30 business minutes before, then levels at breach, +1 h, +2 h, +4 h", async () => {
    const number = await openAt("2026-03-25T17:00:00+01:00");
    const first = await byTarget(number, "first_response");
    expect(first?.dueAt?.toISOString()).toBe(utc("2026-03-26T09:00:00"));
    expect(timersOf(first)).toEqual([
      ["reminder", utc("2026-03-26T08:30:00"), "pending"],
      ["level-1", utc("2026-03-26T09:00:00"), "pending"],
      ["level-2", utc("2026-03-26T10:00:00"), "pending"],
      ["level-3", utc("2026-03-26T11:00:00"), "pending"],
      ["level-4", utc("2026-03-26T13:00:00"), "pending"],
    ]);
  });

  it("carries a deadline across a weekend and the spring DST change, the reminder falling on the Friday", async () => {
    // Friday 17:10 CET with an hour to answer: 50 minutes on Friday, 10 on Monday, now in CEST.
    const number = await openAt("2026-03-27T17:10:00+01:00", "high");
    const first = await byTarget(number, "first_response");
    expect(first?.dueAt?.toISOString()).toBe(utc("2026-03-30T07:10:00"));
    expect(timersOf(first)).toEqual([
      ["reminder", utc("2026-03-27T16:40:00"), "pending"],
      ["level-1", utc("2026-03-30T07:10:00"), "pending"],
      ["level-2", utc("2026-03-30T08:10:00"), "pending"],
      ["level-3", utc("2026-03-30T09:10:00"), "pending"],
      ["level-4", utc("2026-03-30T11:10:00"), "pending"],
    ]);
    // Eight business hours: 50 minutes on Friday, Monday 09:00–16:10 CEST.
    expect((await byTarget(number, "resolution"))?.dueAt?.toISOString()).toBe(utc("2026-03-30T14:10:00"));
  });

  it("skips Easter Monday", async () => {
    const number = await openAt("2026-04-03T17:00:00+02:00");
    const first = await byTarget(number, "first_response");
    expect(first?.dueAt?.toISOString()).toBe(utc("2026-04-07T08:00:00"));
    expect(timersOf(first)?.[0]).toEqual(["reminder", utc("2026-04-07T07:30:00"), "pending"]);
  });

  it("pushes the deadlines by the business time spent pending, and keeps what ran before", async () => {
    const number = await openAt("2026-03-24T09:00:00+01:00");
    clock.set(new Date("2026-03-24T10:00:00+01:00"));
    await updateTicket(db, { now: clock.now(), actor: agent, number, changes: { status: "pending" } });
    expect((await clocksAt(number)).map((c) => [c.state, c.dueAt, c.elapsedSeconds])).toEqual([
      ["paused", null, 3600],
      ["paused", null, 3600],
    ]);
    expect((await byTarget(number, "first_response"))?.timers.every((t) => t.state === "cancelled")).toBe(true);
    // Nine business hours later the customer answers: the ticket reopens and the clocks resume.
    clock.set(new Date("2026-03-25T10:00:00+01:00"));
    await addMessage(db, { now: clock.now(), actor: customer(), number, text: "Voici le numéro de commande" });
    const first = await byTarget(number, "first_response");
    expect(first).toMatchObject({ state: "running", elapsedSeconds: 3600, remainingSeconds: 3600 });
    expect(first?.dueAt?.toISOString()).toBe(utc("2026-03-25T10:00:00"));
    expect(timersOf(first)?.slice(0, 2)).toEqual([
      ["reminder", utc("2026-03-25T09:30:00"), "pending"],
      ["level-1", utc("2026-03-25T10:00:00"), "pending"],
    ]);
    // Sixteen business hours, one used before the pause: Wednesday 10:00–18:00 and Thursday 09:00–16:00.
    expect((await byTarget(number, "resolution"))?.dueAt?.toISOString()).toBe(utc("2026-03-26T15:00:00"));
  });

  it("switches targets on a priority change but keeps the time already elapsed", async () => {
    const number = await openAt("2026-03-23T09:00:00+01:00");
    clock.set(new Date("2026-03-23T09:40:00+01:00"));
    await updateTicket(db, { now: clock.now(), actor: agent, number, changes: { priority: "high" } });
    const first = await byTarget(number, "first_response");
    expect(first).toMatchObject({ budgetSeconds: 3600, elapsedSeconds: 2400, remainingSeconds: 1200, startedAt: new Date("2026-03-23T08:00:00Z") });
    expect(first?.dueAt?.toISOString()).toBe(utc("2026-03-23T09:00:00"));
    expect(timersOf(first)?.slice(0, 3)).toEqual([
      ["reminder", utc("2026-03-23T08:30:00"), "pending"],
      ["level-1", utc("2026-03-23T09:00:00"), "pending"],
      ["level-2", utc("2026-03-23T10:00:00"), "pending"],
    ]);
    const sla = (await listEvents(db, number)).filter((e) => e.type === "sla").at(-1);
    expect(sla?.data).toEqual({
      cause: { cause: "ticket_changed" },
      changes: [
        { target: "first_response", cycle: 1, change: "due_changed", dueAt: utc("2026-03-23T09:00:00.000") },
        { target: "resolution", cycle: 1, change: "due_changed", dueAt: utc("2026-03-23T16:00:00.000") },
      ],
    });
  });

  it("cancels the pending timers when the ticket is solved; they stay cancelled, and a reopening resumes only the resolution", async () => {
    const number = await openAt("2026-03-31T09:00:00+02:00");
    clock.set(new Date("2026-03-31T10:00:00+02:00"));
    await updateTicket(db, { now: clock.now(), actor: agent, number, changes: { status: "solved" } });
    let clocks = await clocksAt(number);
    expect(clocks.map((c) => [c.target, c.state])).toEqual([
      ["first_response", "cancelled"],
      ["resolution", "met"],
    ]);
    expect(clocks.flatMap((c) => c.timers.map((t) => t.state)).every((s) => s === "cancelled")).toBe(true);
    clock.set(new Date("2026-04-01T10:00:00+02:00"));
    await updateTicket(db, { now: clock.now(), actor: agent, number, changes: { tags: ["livraison"] } });
    clocks = await clocksAt(number);
    expect(clocks.flatMap((c) => c.timers.map((t) => t.state)).every((s) => s === "cancelled")).toBe(true);
    // The customer writes again on Thursday at 09:00: the resolution resumes, the solved time paused.
    clock.set(new Date("2026-04-02T09:00:00+02:00"));
    await addMessage(db, { now: clock.now(), actor: customer(), number, text: "Toujours rien reçu" });
    clocks = await clocksAt(number);
    const resolution = clocks.find((c) => c.target === "resolution");
    expect(resolution).toMatchObject({
      state: "running",
      elapsedSeconds: 3600,
      pauses: [[new Date("2026-03-31T08:00:00Z"), new Date("2026-04-02T07:00:00Z")]],
    });
    // Fifteen business hours left from Thursday 09:00: nine on Thursday, then Friday 09:00–15:00.
    expect(resolution?.dueAt?.toISOString()).toBe(utc("2026-04-03T13:00:00"));
    expect(clocks.find((c) => c.target === "first_response")?.timers.every((t) => t.state === "cancelled")).toBe(true);
    expect(resolution?.timers.every((t) => t.state === "pending")).toBe(true);
    // The customer's message after a solved ticket with no response starts a next-response cycle.
    expect(clocks.find((c) => c.target === "next_response")).toMatchObject({ cycle: 1, state: "running" });
  });

  it("runs next-response cycles: one per customer message after a response, each with its own timers", async () => {
    const number = await openAt("2026-04-08T09:00:00+02:00");
    clock.set(new Date("2026-04-08T09:30:00+02:00"));
    await addMessage(db, { now: clock.now(), actor: agent, number, text: "Bonjour, je regarde." });
    clock.set(new Date("2026-04-08T11:00:00+02:00"));
    await addMessage(db, { now: clock.now(), actor: customer(), number, text: "Merci, j'attends." });
    clock.set(new Date("2026-04-08T12:00:00+02:00"));
    await addMessage(db, { now: clock.now(), actor: customer(), number, text: "Alors ?" });
    let cycle1 = await byTarget(number, "next_response", 1);
    expect(cycle1).toMatchObject({ state: "running", startedAt: new Date("2026-04-08T09:00:00Z") });
    expect(cycle1?.dueAt?.toISOString()).toBe(utc("2026-04-08T13:00:00"));
    expect(await byTarget(number, "next_response", 2)).toBeUndefined();
    clock.set(new Date("2026-04-08T14:00:00+02:00"));
    await addMessage(db, { now: clock.now(), actor: agent, number, text: "C'est expédié." });
    clock.set(new Date("2026-04-08T17:00:00+02:00"));
    await addMessage(db, { now: clock.now(), actor: customer(), number, text: "Quel transporteur ?" });
    cycle1 = await byTarget(number, "next_response", 1);
    const cycle2 = await byTarget(number, "next_response", 2);
    expect(cycle1).toMatchObject({ state: "met", breached: false });
    expect(cycle1?.timers.every((t) => t.state === "cancelled")).toBe(true);
    // Four business hours from 17:00: one on Wednesday, three on Thursday.
    expect(cycle2).toMatchObject({ state: "running", startedAt: new Date("2026-04-08T15:00:00Z") });
    expect(cycle2?.dueAt?.toISOString()).toBe(utc("2026-04-09T10:00:00"));
    expect(timersOf(cycle2)?.[0]).toEqual(["reminder", utc("2026-04-09T09:30:00"), "pending"]);
    expect(await byTarget(number, "first_response")).toMatchObject({ state: "met", breached: false });
  });
});
