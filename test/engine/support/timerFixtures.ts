// Test data for the timer engine: a small workspace (calendars, teams, agents in three
// languages and two regions), policies with a given matrix, and tickets with a running clock
// and pending timers written straight into the tables, in bulk, as the ticket store would.

import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { MatrixStep } from "../../../src/core/sla/policy.js";
import type { Db } from "../../../src/store/database.js";
import { agents, calendars, customers, slaClocks, slaPolicies, teams, tickets, timers } from "../../../src/store/schema.js";
import { TIMERS_CHANNEL } from "../../../src/store/sla/clockRows.js";

export const START = new Date("2026-11-23T09:00:00Z"); // a Monday, 10:00 in Paris
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const at = (ms: number) => new Date(START.getTime() + ms);

export interface World {
  customerId: string;
  /** Paris office hours, Monday to Friday 09:00–18:00 (Europe/Paris). */
  parisHoursId: string;
  /** Montreal office hours, Monday to Friday 09:00–17:00 (America/Montreal). */
  montrealHoursId: string;
  billing: { id: string; name: string };
  tech: { id: string; name: string };
  /** French agent on the billing team (Paris hours), managed by `manager`. */
  lea: Agent;
  /** Dutch lead of billing, region benelux, Paris hours through the team. */
  joost: Agent;
  /** English manager in region benelux. */
  manager: Agent;
  /** Another manager in region benelux, inactive. */
  retired: Agent;
  /** A tech agent in Montreal hours, English. */
  sam: Agent;
  /** A tech agent without an e-mail address of note (still has one: the column is required). */
  nina: Agent;
}

export interface Agent {
  id: string;
  name: string;
  email: string;
}

let uniq = 0;

/** Creates the workspace; names carry a suffix so that several worlds fit in one database. */
export async function seedWorld(db: Db): Promise<World> {
  const run = `${process.pid}-${++uniq}`;
  const now = START;
  const stamp = { createdAt: now, updatedAt: now };
  const [paris, montreal] = await db
    .insert(calendars)
    .values([
      { name: `Paris ${run}`, spec: { timezone: "Europe/Paris", hours: weekdays("09:00", "18:00") }, ...stamp },
      { name: `Montreal ${run}`, spec: { timezone: "America/Montreal", hours: weekdays("09:00", "17:00") }, ...stamp },
    ])
    .returning({ id: calendars.id });
  const [billing, tech] = await db
    .insert(teams)
    .values([
      { name: `Facturation ${run}`, calendarId: paris?.id, ...stamp },
      { name: `Technique ${run}`, ...stamp },
    ])
    .returning({ id: teams.id, name: teams.name });
  const agent = (name: string, extra: Partial<typeof agents.$inferInsert>) => ({
    name: `${name} ${run}`,
    email: `${name.toLowerCase().replace(/\W+/g, ".")}.${run}@example.org`,
    ...stamp,
    ...extra,
  });
  const [manager] = await db
    .insert(agents)
    .values(agent("Claire Manager", { role: "manager", region: "benelux", locale: "en" }))
    .returning();
  const rows = await db
    .insert(agents)
    .values([
      agent("Léa Martin", { teamId: billing?.id, managerId: manager?.id, region: "benelux", locale: "fr" }),
      agent("Joost Peeters", { role: "team_lead", teamId: billing?.id, region: "benelux", locale: "nl" }),
      agent("Old Manager", { role: "manager", region: "benelux", active: false }),
      agent("Sam Taylor", { teamId: tech?.id, calendarId: montreal?.id, locale: "en" }),
      agent("Nina Smits", { teamId: tech?.id, locale: "nl" }),
    ])
    .returning();
  const [lea, joost, retired, sam, nina] = rows;
  await db.execute(sql`update ${teams} set lead_id = ${joost?.id} where id = ${billing?.id}`);
  const [customer] = await db
    .insert(customers)
    .values({ name: `Marie ${run}`, email: `marie.${run}@example.fr`, ...stamp })
    .returning({ id: customers.id });
  const pick = (row: typeof manager): Agent => ({ id: row?.id as string, name: row?.name as string, email: row?.email as string });
  return {
    customerId: customer?.id as string,
    parisHoursId: paris?.id as string,
    montrealHoursId: montreal?.id as string,
    billing: billing as { id: string; name: string },
    tech: tech as { id: string; name: string },
    lea: pick(lea),
    joost: pick(joost),
    manager: pick(manager),
    retired: pick(retired),
    sam: pick(sam),
    nina: pick(nina),
  };
}

function weekdays(from: string, to: string): Record<string, [string, string][]> {
  return Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [[from, to]]]));
}

/** A policy with these matrix steps (wall-clock targets unless `calendarId`). */
export async function addPolicy(
  db: Db,
  steps: MatrixStep[],
  name = `Standard ${++uniq}`,
  calendarId: string | null = null,
): Promise<{ id: string; name: string }> {
  const [row] = await db
    .insert(slaPolicies)
    .values({
      name,
      position: uniq,
      calendarId,
      targets: { normal: { first_response: 60, resolution: 480 } },
      matrix: { steps },
      createdAt: START,
      updatedAt: START,
    })
    .returning({ id: slaPolicies.id, name: slaPolicies.name });
  return row as { id: string; name: string };
}

/** A matrix step with defaults: a level 1 at the deadline that notifies the assignee. */
export function step(extra: Partial<MatrixStep> & { id: string }): MatrixStep {
  return { kind: "level", level: 1, offsetMinutes: 0, clock: "wall", recipients: [{ kind: "assignee" }], actions: [{ type: "notify" }], ...extra };
}

export interface SeededTicket {
  number: number;
  clockId: string;
  timerIds: Record<string, number>;
}

export interface SeedTicketsProps {
  world: World;
  policy: { id: string };
  count: number;
  /** The clock's deadline. */
  deadline: Date;
  /** Step id → due instant of its timer. */
  timers: Record<string, Date>;
  ticket?: Partial<typeof tickets.$inferInsert>;
  clockState?: "running" | "paused" | "met" | "cancelled";
}

/** `count` tickets, each with a running first-response clock and one pending timer per step, in bulk. */
export async function seedTickets(db: Db, props: SeedTicketsProps): Promise<SeededTicket[]> {
  const { world } = props;
  const seeded: SeededTicket[] = [];
  for (let offset = 0; offset < props.count; offset += 1000) {
    const size = Math.min(1000, props.count - offset);
    const rows = await db
      .insert(tickets)
      .values(
        Array.from({ length: size }, (_, i) => ({
          subject: `Facture en double ${offset + i}`,
          channel: "email",
          customerId: world.customerId,
          teamId: world.billing.id,
          assigneeId: world.lea.id,
          status: "open",
          createdAt: START,
          updatedAt: START,
          ...props.ticket,
        })),
      )
      .returning({ number: tickets.number });
    const clocks = rows.map((r) => ({
      id: randomUUID(),
      ticketNumber: r.number,
      target: "first_response",
      policyId: props.policy.id,
      startedAt: START,
      budgetSeconds: 3600,
      state: props.clockState ?? "running",
      dueAt: props.deadline,
      updatedAt: START,
    }));
    await db.insert(slaClocks).values(clocks);
    const timerRows = clocks.flatMap((c) =>
      Object.entries(props.timers).map(([stepId, dueAt]) => ({
        ticketNumber: c.ticketNumber,
        clockId: c.id,
        stepId,
        kind: stepId.startsWith("r") ? "reminder" : "level",
        level: levelOf(stepId),
        dueAt,
        createdAt: START,
        updatedAt: START,
      })),
    );
    const inserted = [];
    for (let i = 0; i < timerRows.length; i += 2000)
      inserted.push(
        ...(await db
          .insert(timers)
          .values(timerRows.slice(i, i + 2000))
          .returning({ id: timers.id, clockId: timers.clockId, stepId: timers.stepId })),
      );
    for (const clock of clocks) {
      const ids = Object.fromEntries(inserted.filter((t) => t.clockId === clock.id).map((t) => [t.stepId, t.id]));
      seeded.push({ number: clock.ticketNumber, clockId: clock.id, timerIds: ids });
    }
  }
  await db.execute(sql`select pg_notify(${TIMERS_CHANNEL}, '')`);
  return seeded;
}

/** `l2` → 2, `r1` → 0 (reminders have level 0). */
function levelOf(stepId: string): number {
  const match = /^l(\d+)/.exec(stepId);
  return match ? Number(match[1]) : 0;
}
