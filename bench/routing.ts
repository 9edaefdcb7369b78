// Routing benchmark: what routing adds to creating a ticket, with 1,000 agents in the team, in
// process on PGlite. One database, timed in alternation so that both sides see the same load
// and the same rows: createTicket with a customer's first message for a ticket without a team
// (nothing to route) and for a ticket of a load-balanced team of 1,000 agents (5,000 open
// tickets among them, office hours on the team's calendar, some out of office, languages,
// products and capacities spread) that chooses one of the agents who speak Dutch and know the
// product. Prints p50 and p99 of each, the difference and the
// ratio. `--smoke` (or BENCH_SIZE=smoke): CI size.

import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { createTicket } from "../src/commands/tickets/createTicket.js";
import { inWork } from "../src/commands/work.js";
import { openDatabase } from "../src/store/database.js";
import { calendarStore, customerStore, productStore, teamStore } from "../src/store/entities.js";

const SMOKE = process.argv.includes("--smoke") || process.env.BENCH_SIZE === "smoke";
const ROUNDS = SMOKE ? 50 : 1000;
const WARMUP = SMOKE ? 10 : 100;
const AGENTS = 1000;
const OPEN_PER_AGENT = 5;
// Monday 23 November 2026, 10:00 in Brussels: within office hours.
const START = new Date("2026-11-23T09:00:00Z");
const OFFICE = [["08:00", "18:00"]] as [string, string][];

const dir = mkdtempSync(join(tmpdir(), "palier-bench-routing-"));
const database = await openDatabase({ dataDir: dir });
try {
  await database.migrate();
  const db = database.db;
  const customer = await customerStore.create(db, { name: "Sanne Peeters", email: "sanne@example.be", language: "nl" }, START);
  const product = await productStore.create(db, { name: "Billing", code: "billing" }, START);
  const calendar = await calendarStore.create(
    db,
    { name: "Brussels office", spec: { timezone: "Europe/Brussels", hours: { mon: OFFICE, tue: OFFICE, wed: OFFICE, thu: OFFICE, fri: OFFICE } } },
    START,
  );
  const team = await teamStore.create(db, { name: "Billing", assignment: "load_balanced", calendarId: calendar.id }, START);
  // 1,000 agents: languages and products spread, one in twenty out of office, capacities 10 to 30.
  await db.execute(sql`
    insert into agents (name, email, team_id, languages, products, skills, capacity, out_of_office_from, created_at, updated_at)
    select 'Agent ' || i, 'agent' || i || '@example.org', ${team.id}::uuid,
           case i % 3 when 0 then array['nl', 'en'] when 1 then array['fr', 'en'] else array['nl', 'fr'] end,
           case when i % 2 = 0 then array['billing'] else array[]::text[] end,
           case when i % 5 = 0 then array['api'] else array[]::text[] end,
           10 + (i % 3) * 10,
           case when i % 20 = 0 then ${START.toISOString()}::timestamptz - interval '1 day' else null end,
           ${START.toISOString()}::timestamptz, ${START.toISOString()}::timestamptz
    from generate_series(1, ${AGENTS}) as i`);
  await db.execute(sql`
    insert into tickets (subject, status, channel, customer_id, team_id, assignee_id, created_at, updated_at)
    select 'Open ' || n, 'open', 'email', ${customer.id}::uuid, ${team.id}::uuid, a.id, ${START.toISOString()}::timestamptz, ${START.toISOString()}::timestamptz
    from agents a cross join generate_series(1, ${OPEN_PER_AGENT}) as n`);
  await db.execute(sql`analyze`);

  const times = { without: [] as number[], routed: [] as number[] };
  let tick = 0;
  let assigned = 0;
  const round = async (side: "without" | "routed", record: boolean) => {
    const now = new Date(START.getTime() + ++tick * 1000);
    const started = performance.now();
    const { ticket } = await inWork(db, { now, actor: { type: "customer", id: customer.id } }, (work) =>
      createTicket(work, {
        subject: "Factuur klopt niet",
        channel: "email",
        customerId: customer.id,
        language: "nl",
        productId: product.id,
        ...(side === "routed" ? { teamId: team.id } : {}),
        message: { text: "Goedemiddag, mijn factuur van november klopt niet: het bedrag is te hoog. Kunt u dit nakijken?" },
      }),
    );
    const elapsed = performance.now() - started;
    if (side === "routed" && ticket.assigneeId !== null) assigned += 1;
    if (record) times[side].push(elapsed);
  };

  for (let i = 0; i < WARMUP; i += 1) {
    await round("without", false);
    await round("routed", false);
  }
  for (let i = 0; i < ROUNDS; i += 1) {
    // Alternate which goes first, so neither always runs right after the other's writes.
    const order: ("without" | "routed")[] = i % 2 === 0 ? ["without", "routed"] : ["routed", "without"];
    for (const side of order) await round(side, true);
  }
  if (assigned !== WARMUP + ROUNDS) throw new Error(`routing assigned ${assigned} of ${WARMUP + ROUNDS} tickets`);

  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
  };
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const [a50, a99, b50, b99] = [percentile(times.without, 50), percentile(times.without, 99), percentile(times.routed, 50), percentile(times.routed, 99)];
  console.log(
    `routing bench: ${ROUNDS} rounds after ${WARMUP} warm-up, ${AGENTS} agents, PGlite in process, ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log("| createTicket | p50 | p99 |");
  console.log("|---|---:|---:|");
  console.log(`| without a team (nothing to route) | ${ms(a50)} | ${ms(a99)} |`);
  console.log(`| load-balanced team of ${AGENTS} agents | ${ms(b50)} | ${ms(b99)} |`);
  console.log(`| routing adds | ${ms(b50 - a50)} | ${ms(b99 - a99)} |`);
  console.log(`| ratio | ${(b50 / a50).toFixed(2)}x | ${(b99 / a99).toFixed(2)}x |`);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
