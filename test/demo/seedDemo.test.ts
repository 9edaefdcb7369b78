// `palier seed --demo` and the workspace it writes through the product's operations: what the
// app then reads (tickets, messages, timelines, search, logins), and a second seeding refused.
// One seeding is tens of seconds, so the run seeds once, on PostgreSQL when it has it (PGlite
// seeding is also what test/serve.test.ts and the browser tests' first starts do).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandIo } from "../../src/cli/openStore.js";
import { seedCommand } from "../../src/cli/seed.js";
import { ManualClock } from "../../src/core/clock.js";
import { startDeliveryWorker } from "../../src/engine/delivery/deliveryWorker.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { listNotifications } from "../../src/store/notifications.js";
import { backends, createPostgresDatabase, describeStore, selectRows } from "../support/testDatabase.js";
import { teamStore } from "../../src/store/entities.js";
import { listEvents } from "../../src/store/events.js";
import { verifyPassword } from "../../src/store/passwords.js";
import { agents, customers, organizations, rules } from "../../src/store/schema.js";
import { searchArticles } from "../../src/store/kb.js";
import { loadPolicies } from "../../src/store/sla/policies.js";
import { createTicket, recomputeTicket } from "../support/commandsOnDb.js";
import { ticketClocks } from "../../src/store/sla/ticketClockViews.js";
import { countTickets, listTickets } from "../../src/store/tickets/ticketList.js";
import { getTicket } from "../../src/store/tickets/ticketRows.js";
import { PRIORITIES, type Priority } from "../../src/core/ticket/ticket.js";
import { WORDS } from "../../src/demo/conversations/index.js";
import { placeholderIds, planDemoTickets } from "../../src/demo/demoTickets.js";
import { DEMO_WORKER } from "../../src/demo/replayTickets.js";
import { DemoConflictError, hasDemo, SEED_LOCK, seedDemo } from "../../src/demo/seedDemo.js";
import { agentEmail, DEMO_CUSTOMER_LOGIN, DEMO_PASSWORD } from "../../src/demo/workspace.js";
import { HEAD_OF_SUPPORT_LOGIN } from "../../src/demo/demoPolicies.js";
import { onCallAt, type Layer, type Override } from "../../src/core/oncall/index.js";

const NOW = new Date("2026-11-23T09:00:00Z");

/** Runs `palier seed` with `env`, capturing what it prints. */
async function seed(options: { demo?: boolean }, env: NodeJS.ProcessEnv): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CommandIo = { env, out: (text) => (out += text), err: (text) => (err += text) };
  const status = await seedCommand(options, io);
  return { status, out, err };
}

/** Where the run seeds: a new PGlite data directory, or a new PostgreSQL database when the run has one. */
async function seedTarget(backend: string): Promise<{ env: NodeJS.ProcessEnv; open(): Promise<Database>; drop(): Promise<void> }> {
  if (backend === "postgres") {
    const created = await createPostgresDatabase();
    return { env: { DATABASE_URL: created.url }, open: () => openDatabase({ url: created.url, poolSize: 2 }), drop: created.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), "palier-seed-"));
  const dataDir = join(dir, "data");
  return { env: { PALIER_DATA_DIR: dataDir }, open: () => openDatabase({ dataDir }), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

const backend = backends().at(-1) ?? "pglite";

describe(`palier seed --demo (${backend})`, () => {
  let target: Awaited<ReturnType<typeof seedTarget>>;
  let database: Database | undefined;
  let env: NodeJS.ProcessEnv;
  let run: { status: number; out: string; err: string };
  /** What the command said it wrote: "200 tickets (630 messages), 20 agents in 4 teams". */
  let summary: { tickets: number; messages: number; agents: number };
  const get = (): Database => {
    if (!database) throw new Error("the seeded database is not open: use it inside tests or hooks");
    return database;
  };

  beforeAll(async () => {
    target = await seedTarget(backend);
    // On a manual clock, the demo's weeks end at its start: the same workspace on every run.
    env = { ...target.env, PALIER_CLOCK: "manual", PALIER_CLOCK_START: NOW.toISOString() };
    run = await seed({ demo: true }, env);
    const said = /: (\d+) tickets \((\d+) messages\), (\d+) agents in/.exec(run.out);
    summary = { tickets: Number(said?.[1]), messages: Number(said?.[2]), agents: Number(said?.[3]) };
    database = await target.open();
    // Every ticket change and every escalation step goes through the product: many thousand statements.
  }, 240_000);

  afterAll(async () => {
    await database?.close();
    await target?.drop();
  }, 60_000);

  it("says what it seeded, where, and the demo logins", () => {
    expect(run).toMatchObject({ status: 0, err: "" });
    expect(run.out).toMatch(/^Seeded the demo workspace into (PGlite|PostgreSQL) .*: 204 tickets \(\d+ messages\), \d+ agents in 4 teams/);
    expect(run.out).toContain('Demo logins (password "demo-palier")');
    expect(run.out).toContain("lea.martin@demo.palier.local");
    expect(run.out).toContain("marie.dubois@example.com");
  });

  it("has about 200 tickets in French, Dutch and English over every channel and status", async () => {
    // The 200 scripted tickets, and the 4 the demo's social deliveries open (src/demo/seedSocial.ts).
    expect(summary.tickets).toBe(204);
    expect(await countTickets(get().db)).toBe(204);
    const groups = await selectRows<{ language: string; channel: string; status: string; n: number }>(
      get(),
      sql`select language, channel, status, count(*)::int as n from tickets group by cube (language, channel, status)`,
    );
    const values = (column: "language" | "channel" | "status") => [...new Set(groups.map((g) => g[column]).filter((v) => v !== null))].sort();
    expect(values("language")).toEqual(["en", "fr", "nl"]);
    expect(values("channel")).toEqual(["api", "chat", "email", "facebook", "phone", "twitter", "web"]);
    expect(values("status")).toEqual(["closed", "new", "on_hold", "open", "pending", "solved"]);
  });

  it("has social messages with their authors and logged calls, written through their channels", async () => {
    const [row] = await selectRows<{ posts: number; flagged: number; threaded: number; calls: number; events: number }>(
      get(),
      sql`select
            (select count(*)::int from social_posts) as posts,
            (select count(*)::int from social_posts where (author->>'verified')::boolean) as flagged,
            (select count(*)::int from social_posts where kind = 'reply' and ticket_number = (select ticket_number from social_posts where external_id = 'twitter-demo-1')) as threaded,
            (select count(*)::int from phone_calls) as calls,
            (select count(*)::int from ticket_events where type = 'call') as events`,
    );
    expect(row).toEqual({ posts: 5, flagged: 1, threaded: 1, calls: 3, events: 3 });
  });

  it("gives every ticket at least one message, and every message event its message", async () => {
    const [row] = await selectRows<{ without: number; messages: number; orphans: number }>(
      get(),
      sql`select
            (select count(*)::int from tickets t where not exists (select 1 from messages m where m.ticket_number = t.number)) as without,
            (select count(*)::int from messages) as messages,
            (select count(*)::int from ticket_events e where e.type = 'message'
               and not exists (select 1 from messages m where m.id::text = e.data->>'messageId' and m.ticket_number = e.ticket_number)) as orphans`,
    );
    expect(row).toEqual({ without: 0, messages: summary.messages, orphans: 0 });
    expect(summary.messages).toBeGreaterThan(400);
  });

  it("takes the customers' answers on e-mail tickets through the e-mail intake, each threaded onto its ticket", async () => {
    const [row] = await selectRows<{ replies: number; elsewhere: number; unmatched: number; customerEmailMessages: number }>(
      get(),
      sql`select
            (select count(*)::int from mail_messages where direction = 'in' and outcome = 'reply') as replies,
            (select count(*)::int from mail_messages m join tickets t on t.number = m.ticket_number where m.direction = 'in' and t.channel <> 'email') as elsewhere,
            (select count(*)::int from mail_messages m where m.direction = 'in' and not exists (select 1 from messages x where x.id = m.message_id and x.ticket_number = m.ticket_number)) as unmatched,
            (select count(*)::int from messages x join tickets t on t.number = x.ticket_number
               where t.channel = 'email' and x.kind = 'customer' and x.created_at > t.created_at) as "customerEmailMessages"`,
    );
    expect(row!.replies).toBeGreaterThan(10);
    expect(row).toEqual({ replies: row!.customerEmailMessages, elsewhere: 0, unmatched: 0, customerEmailMessages: row!.customerEmailMessages });
  });

  it("stamps each ticket as its messages leave it, and ends it where its script does", async () => {
    const [row] = await selectRows<{ wrong: number }>(
      get(),
      sql`select count(*)::int as wrong from tickets t
          left join lateral (select min(created_at) filter (where kind = 'reply') as first_reply, max(created_at) filter (where kind = 'reply') as last_reply,
                                    max(created_at) filter (where kind = 'customer') as last_customer
                             from messages m where m.ticket_number = t.number) m on true
          where t.first_response_at is distinct from m.first_reply or t.last_agent_message_at is distinct from m.last_reply
             or t.last_customer_message_at is distinct from m.last_customer
             or (t.solved_at is not null) <> (t.status in ('solved', 'closed')) or (t.closed_at is not null) <> (t.status = 'closed')`,
    );
    expect(row!.wrong).toBe(0);
    // Tickets are numbered in the order they were created, the scripts' order: each ends where its
    // script leaves it, its priority raised where a rule made it urgent.
    const scripted = planDemoTickets(NOW, placeholderIds());
    const stored = await selectRows<{ status: string; tier: string; priority: Priority }>(
      get(),
      // The scripted tickets come first; the social deliveries' follow them (src/demo/seedSocial.ts).
      sql`select status, tier, priority from tickets order by number limit ${scripted.length}`,
    );
    expect(stored.map((t) => `${t.status} ${t.tier}`)).toEqual(scripted.map((t) => `${t.status} ${t.tier}`));
    stored.forEach((t, i) => {
      const planned = scripted[i]!.priority;
      if (t.priority !== planned) expect([t.priority, PRIORITIES.indexOf(t.priority) > PRIORITIES.indexOf(planned)]).toEqual(["urgent", true]);
    });
  });

  it("has agents with managers, teams with leads, regions and languages", async () => {
    const rows = await get().db.select().from(agents);
    const demo = rows.filter((a) => a.email.endsWith("@demo.palier.local"));
    expect(demo).toHaveLength(summary.agents);
    const withoutManager = demo.filter((a) => a.managerId === null);
    expect(withoutManager.map((a) => a.email)).toEqual(["isabelle.peeters@demo.palier.local"]);
    expect(new Set(demo.map((a) => a.region))).toEqual(new Set(["Benelux", "France", "International"]));
    // One hash for every demo login (hashing is slow), and it verifies the demo password.
    expect(demo.every((a) => a.languages.length > 0 && a.passwordHash === demo[0]!.passwordHash)).toBe(true);
    expect(await verifyPassword(demo[0]!.passwordHash!, DEMO_PASSWORD)).toBe(true);
    const teams = await selectRows<{ name: string; lead: string }>(
      get(),
      sql`select t.name, a.email as lead from teams t join agents a on a.id = t.lead_id order by t.name`,
    );
    expect(teams.map((t) => t.name)).toEqual(["Escalades L2", "Facturation / Billing", "Social", "Support technique"]);
  });

  it("gives each team an on-call schedule of its agents, someone on call at 3 a.m. on a Sunday", async () => {
    const rows = await selectRows<{ team: string; schedule: string; timezone: string; layers: Layer[]; overrides: Override[] }>(
      get(),
      sql`select t.name as team, s.name as schedule, s.timezone, s.layers, s.overrides from teams t join oncall_schedules s on s.id = t.on_call_schedule_id order by t.name`,
    );
    expect(rows.map((r) => r.team)).toEqual(["Escalades L2", "Facturation / Billing", "Social", "Support technique"]);
    const members = await selectRows<{ id: string; team: string }>(
      get(),
      sql`select a.id, t.name as team from agents a join teams t on t.id = a.team_id where a.role = 'agent'`,
    );
    // Sunday 22 November 2026, 03:00 in Brussels, and Monday 23, 11:00: the offices are open.
    const sunday3am = Date.parse("2026-11-22T02:00:00Z");
    const mondayMorning = Date.parse("2026-11-23T10:00:00Z");
    for (const row of rows) {
      const spec = { timezone: row.timezone, layers: row.layers, overrides: row.overrides };
      const [who] = onCallAt(spec, sunday3am);
      expect(members.find((m) => m.id === who)?.team).toBe(row.team);
      expect(onCallAt(spec, mondayMorning).length).toBe(row.team === "Social" ? 1 : 0);
    }
  });

  it("has a VIP organization with its domains, and customers who can sign in", async () => {
    const vip = (await get().db.select().from(organizations)).filter((o) => o.segment === "vip");
    expect(vip).toHaveLength(1);
    expect(vip[0]!.domains.length).toBeGreaterThan(0);
    const people = await get().db.select().from(customers);
    expect(new Set(people.map((c) => c.language))).toEqual(new Set(["fr", "nl", "en"]));
    expect(people.some((c) => Object.keys(c.social).length > 0)).toBe(true);
    const login = people.find((c) => c.email === DEMO_CUSTOMER_LOGIN);
    expect(await verifyPassword(login!.passwordHash!, DEMO_PASSWORD)).toBe(true);
  });

  it("has a knowledge base in French, Dutch and English that its search finds, accents folded", async () => {
    const versions = await selectRows<{ language: string; status: string; n: number }>(
      get(),
      sql`select language, status, count(*)::int as n from kb_translations group by language, status order by language, status`,
    );
    expect(new Set(versions.filter((v) => v.status === "published").map((v) => v.language))).toEqual(new Set(["fr", "nl", "en"]));
    expect(versions.some((v) => v.status === "draft")).toBe(true);
    const [refund] = await searchArticles(get().db, { text: "rembourse evenement", language: "fr", limit: 3, any: false });
    expect(refund?.slug).toBe("etre-rembourse-apres-une-panne");
    const [box] = await searchArticles(get().db, { text: "box herstarten", language: "nl", limit: 3, any: false });
    expect(box?.slug).toBe("mijn-lumio-box-herstarten");
  });

  it("has guided procedures in three languages, and an outage ticket with its first steps done by its agent", async () => {
    const rows = await selectRows<{ request_type: string; team: string | null; required: boolean; names: Record<string, string> }>(
      get(),
      sql`select p.request_type, t.name as team, p.required, p.names from procedures p left join teams t on t.id = p.team_id order by p.request_type`,
    );
    expect(rows.map((r) => [r.request_type, r.team, r.required])).toEqual([
      ["double-charge", "Facturation / Billing", true],
      ["outage", "Support technique", false],
      ["router", null, false],
    ]);
    for (const row of rows) expect(Object.keys(row.names).sort()).toEqual(["en", "fr", "nl"]);
    const [progress] = await selectRows<{ ticket_number: number; done: string[]; updated_by_id: string; assignee_id: string }>(
      get(),
      sql`select tp.ticket_number, tp.done, tp.updated_by_id, t.assignee_id from ticket_procedures tp join tickets t on t.number = tp.ticket_number`,
    );
    expect(progress?.done).toEqual(["map", "restart"]);
    expect(progress?.updated_by_id).toBe(progress?.assignee_id);
    const events = await listEvents(get().db, progress!.ticket_number);
    expect(events.filter((e) => e.type === "procedure")).toHaveLength(1);
  });

  it("reads back through the ticket store: list, search in each language, timeline", async () => {
    const db = get().db;
    expect((await listTickets(db, { limit: 200 })).items).toHaveLength(200);
    for (const [query, language] of [
      ["remboursement", "fr"],
      ["opzeggen", "nl"],
      ["refund", "en"],
    ] as const) {
      const found = await listTickets(db, { text: query, limit: 200 });
      expect(found.items.length).toBeGreaterThan(0);
      expect(found.items.some((t) => t.language === language)).toBe(true);
    }
    const [escalated] = (await listTickets(db, { tags: ["escalated"], status: ["closed", "solved"], limit: 1 })).items;
    expect(escalated).toBeDefined();
    const ticket = await getTicket(db, escalated!.number);
    expect(ticket).toMatchObject({ tier: "L2", priority: "urgent" });
    const events = await listEvents(db, escalated!.number);
    expect(events[0]!.type).toBe("created");
    expect(events.map((e) => e.at.getTime())).toEqual(events.map((e) => e.at.getTime()).sort((a, b) => a - b));
    const escalatedWord = WORDS[ticket!.language ?? "en"].comments.escalated("");
    expect(events.some((e) => e.reason?.startsWith(escalatedWord))).toBe(true);
    const latest = await selectRows<{ latest: string }>(
      get(),
      sql`select max(greatest(updated_at, coalesce(closed_at, updated_at)))::text as latest from tickets`,
    );
    expect(new Date(latest[0]!.latest).getTime()).toBeLessThan(NOW.getTime());
  });

  it("numbers tickets from the sequence, so new tickets continue after them", async () => {
    const db = get().db;
    const [range] = await selectRows<{ low: number; high: number }>(get(), sql`select min(number)::int as low, max(number)::int as high from tickets`);
    expect(range!.high - range!.low).toBe(203);
    const [customer] = await db.select().from(customers).limit(1);
    const { ticket } = await createTicket(db, {
      now: NOW,
      actor: { type: "customer", id: customer!.id },
      subject: "Après la démo",
      customerId: customer!.id,
      channel: "web",
    });
    expect(ticket.number).toBe(range!.high + 1);
  });

  it("has the SLA policies in order, the default Standard one with the escalation matrix", async () => {
    const policies = await loadPolicies(get().db);
    expect(policies.map((p) => [p.name, p.isDefault, p.calendarId === null])).toEqual([
      ["VIP", false, false],
      ["Paiements / Payment failures", false, false],
      ["Twitter & Facebook", false, true],
      ["Standard", true, false],
    ]);
    const standard = policies.at(-1)!;
    expect(standard.matrix.steps.map((s) => [s.kind, s.level, s.offsetMinutes, s.recipients.map((r) => r.kind).join()])).toEqual([
      ["reminder", 0, 30, "assignee"],
      ["level", 1, 0, "assignee"],
      ["level", 2, 60, "assignee_manager"],
      ["level", 3, 120, "region_managers"],
      ["level", 4, 240, "agent"],
    ]);
    expect(standard.matrix.startLevel).toEqual({ urgent: 3 });
    const [head] = await selectRows<{ email: string }>(
      get(),
      sql`select email from agents where id = ${(standard.matrix.steps[4]!.recipients[0] as { agentId: string }).agentId}`,
    );
    expect(head?.email).toBe("isabelle.peeters@demo.palier.local");
  });

  it("gives open tickets live clocks and finished ones stopped clocks, as their histories leave them", async () => {
    const db = get().db;
    const [states] = await selectRows<{ open_live: number; open: number; finished_live: number; met: number; fired: number; pending: number }>(
      get(),
      sql`select
            (select count(distinct t.number)::int from tickets t join sla_clocks c on c.ticket_number = t.number and c.state in ('running', 'paused') where t.status not in ('solved', 'closed')) as open_live,
            (select count(*)::int from tickets where status not in ('solved', 'closed')) as open,
            (select count(*)::int from sla_clocks c join tickets t on t.number = c.ticket_number where t.status in ('solved', 'closed') and c.state in ('running', 'paused')) as finished_live,
            (select count(*)::int from sla_clocks where state = 'met') as met,
            (select count(*)::int from timers where state = 'fired') as fired,
            (select count(*)::int from timers where state = 'pending') as pending`,
    );
    expect(states!.open_live).toBe(states!.open);
    expect(states!.finished_live).toBe(0);
    expect(states!.met).toBeGreaterThan(50);
    expect(states!.fired).toBeGreaterThan(0);
    expect(states!.pending).toBeGreaterThan(0);
    expect(await countTickets(db, { sla: "escalated", status: ["new", "open", "pending", "on_hold"] })).toBeGreaterThan(0);
    // Recomputing an open ticket under the same policies finds nothing to change.
    const open = (await listTickets(db, { status: ["new", "open", "pending", "on_hold"], limit: 40 })).items.map((t) => t.number);
    const before = await Promise.all(open.map((n) => ticketClocks(db, n, NOW)));
    await db.transaction(async (tx) => {
      for (const number of open) await recomputeTicket(tx as unknown as typeof db, number, NOW);
    });
    expect(await Promise.all(open.map((n) => ticketClocks(db, n, NOW)))).toEqual(before);
  });

  it("shows a breached ticket's escalation steps on its timeline, and the head of support has the notification they sent", async () => {
    const db = get().db;
    // A step that reached the head of support by name (the last level of Standard, level 2 of VIP).
    const head = (await db.select().from(agents)).find((a) => a.email === agentEmail(HEAD_OF_SUPPORT_LOGIN))!;
    const [reached] = await selectRows<{ ticket_number: number }>(
      get(),
      // As an int: node-postgres reads a bigint as a string.
      sql`select ticket_number::int as ticket_number from ticket_events where type = 'escalation' and data->'recipients' @> ${JSON.stringify([{ agentId: head.id }])}::jsonb order by id limit 1`,
    );
    expect(reached).toBeDefined();
    const timeline = await listEvents(db, reached!.ticket_number);
    const escalations = timeline.filter((e) => e.type === "escalation");
    const data = escalations.map(
      (e) =>
        e.data as {
          target: string;
          cycle: number;
          kind: string;
          level: number;
          breached?: boolean;
          late: boolean;
          lagMs: number;
          worker: string;
          dueAt: string;
          timerId: number;
          recipients: { agentId: string }[];
        },
    );
    // A clock breached: its first level says so, and each clock's levels climb in order, each fired on time at its due time.
    expect(data.filter((d) => d.breached)).not.toHaveLength(0);
    for (const clock of new Set(data.map((d) => `${d.target}:${d.cycle}`))) {
      const levels = data.filter((d) => d.kind === "level" && `${d.target}:${d.cycle}` === clock).map((d) => d.level);
      expect(levels).toEqual([...levels].sort((a, b) => a - b));
    }
    for (const [index, d] of data.entries()) {
      expect(d).toMatchObject({ late: false, lagMs: 0, worker: DEMO_WORKER });
      expect(escalations[index]!.at.toISOString()).toBe(d.dueAt);
    }
    // In time order with the rest of the ticket's history.
    expect(timeline.map((e) => e.at.getTime())).toEqual(timeline.map((e) => e.at.getTime()).sort((a, b) => a - b));

    // Palier's first start delivers the outbox: the head of support's bell then holds the step's notification.
    const delivery = startDeliveryWorker({ database: get(), clock: new ManualClock(NOW), background: false });
    try {
      for (let pass = 0; pass < 100 && (await delivery.runOnce()).claimed > 0; pass++);
    } finally {
      await delivery.stop();
    }
    const sent = data.filter((d) => d.recipients.some((r) => r.agentId === head.id)).map((d) => d.timerId);
    const bell = await listNotifications(db, { agentId: head.id, limit: 200 });
    const received = bell.items.filter((n) => n.ticketNumber === reached!.ticket_number).map((n) => (n.data as { timerId?: number }).timerId);
    expect(received.sort()).toEqual(sent.sort());
  }, 120_000);

  it("runs the team's rules on its tickets, each decision on the timeline with the rule's name and what matched", async () => {
    const db = get().db;
    expect(await db.$count(rules)).toBe(6);
    const decisions = await selectRows<{ number: number; rule: string; trigger: string; subject: string; priority: string; tags: string[] }>(
      get(),
      sql`select t.number::int as number, e.data->>'ruleName' as rule, e.data->>'trigger' as trigger, t.subject, t.priority, t.tags
          from ticket_events e join tickets t on t.number = e.ticket_number where e.type = 'rule' order by e.id`,
    );
    const by = (rule: string) => decisions.filter((d) => d.rule === rule);
    // "It does not work" in the subject: urgent from creation, in every language the demo speaks.
    const broken = by("Ça ne marche pas → urgent");
    expect(broken.length).toBeGreaterThan(2);
    for (const decision of broken) {
      expect(decision.trigger).toBe("ticket_created");
      expect(decision.subject).toMatch(/marche pas|fonctionne pas|werkt niet|doet het niet|n[o']t work|not working/i);
    }
    // A legal alarm reached the head of support and tagged the ticket.
    const legal = by("Legal alarm → head of support");
    expect(legal.length).toBeGreaterThan(0);
    for (const decision of legal) expect(decision.tags).toContain("legal-alarm");
    // Time rules fired on the way, at their moment.
    expect(by("Urgent without a reply for 2 business hours → team lead").every((d) => d.trigger === "time")).toBe(true);
    const [first] = broken;
    const timeline = await listEvents(db, first!.number);
    const event = timeline.find((e) => e.type === "rule");
    expect(event?.data).toMatchObject({ ruleName: "Ça ne marche pas → urgent", matched: [{ field: "ticket.subject", op: "matches_words" }] });
  });

  it("refuses a second seeding and changes nothing", async () => {
    expect(await hasDemo(get().db)).toBe(true);
    const before = await countTickets(get().db);
    // PGlite holds its data directory for one process: the command opens it on its own.
    if (backend === "pglite") await database?.close();
    const again = await seed({ demo: true }, env);
    expect(again.status).toBe(1);
    expect(again.err).toBe("palier seed: the demo workspace is already there (agents @demo.palier.local); nothing was changed\n");
    if (backend === "pglite") database = await target.open();
    expect(await countTickets(get().db)).toBe(before);
  }, 60_000);

  it("asks what to seed without --demo", async () => {
    expect(await seed({}, env)).toEqual({ status: 2, out: "", err: "palier seed: say what to seed: --demo (the demo workspace)\n" });
  });
});

describeStore(
  "demo workspace over taken names",
  (get, kind) => {
    it("fails with the name that is taken, writes nothing, and leaves no lock behind", async () => {
      await teamStore.create(get().db, { name: "Social" }, NOW);
      await expect(seedDemo(get().db, { now: NOW, passwordHash: "not-a-hash", secretKey: randomBytes(32) })).rejects.toThrow(DemoConflictError);
      await expect(seedDemo(get().db, { now: NOW, passwordHash: "not-a-hash", secretKey: randomBytes(32) })).rejects.toThrow(/social/i);
      expect(await hasDemo(get().db)).toBe(false);
      expect(await countTickets(get().db)).toBe(0);
      // The seeding lock lasts its transaction: another one takes it at once (on PostgreSQL, on
      // whichever pooled connection; PGlite has one).
      const [row] = await get().db.transaction(async (tx) =>
        selectRows<{ taken: boolean }>({ ...get(), db: tx as unknown as Database["db"] }, sql`select pg_try_advisory_xact_lock(${SEED_LOCK}) as taken`),
      );
      expect(row?.taken).toBe(true);
      expect(kind).toBe(backend);
    }, 120_000);
  },
  { once: true },
);
