// The engine benchmark's data, written in bulk SQL (generate_series, one statement per table): a
// Paris office calendar, four teams with leads and managers, a default policy with a reminder and
// four levels, and open tickets each with a running first-response and resolution clock and one
// pending timer per matrix step, all due at least a day after `now` (the phases move some closer).

import type pg from "pg";

/** The matrix of the demo and the SLA scenarios: a reminder 30 business minutes before, levels at breach, +1 h, +2 h, +4 h. */
export const MATRIX = {
  steps: [
    { id: "reminder", kind: "reminder", level: 0, offsetMinutes: 30, clock: "business", recipients: [{ kind: "assignee" }], actions: [{ type: "notify" }] },
    { id: "level-1", kind: "level", level: 1, offsetMinutes: 0, clock: "business", recipients: [{ kind: "team_lead" }], actions: [{ type: "notify" }] },
    { id: "level-2", kind: "level", level: 2, offsetMinutes: 60, clock: "business", recipients: [{ kind: "assignee_manager" }], actions: [{ type: "notify" }] },
    { id: "level-3", kind: "level", level: 3, offsetMinutes: 120, clock: "business", recipients: [{ kind: "region_managers" }], actions: [{ type: "notify" }] },
    {
      id: "level-4",
      kind: "level",
      level: 4,
      offsetMinutes: 240,
      clock: "business",
      recipients: [{ kind: "region_managers" }],
      actions: [{ type: "notify" }, { type: "raise_priority" }],
    },
  ],
};

/** Business minutes per priority and target. */
export const TARGETS = {
  urgent: { first_response: 30, next_response: 60, resolution: 240 },
  high: { first_response: 60, next_response: 120, resolution: 480 },
  normal: { first_response: 120, next_response: 240, resolution: 960 },
  low: { first_response: 240, next_response: 480, resolution: 1920 },
};

const PARIS_OFFICE = {
  timezone: "Europe/Paris",
  hours: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["09:00", "18:00"]]])),
  holidays: [
    "2026-01-01",
    "2026-04-06",
    "2026-05-01",
    "2026-05-08",
    "2026-05-14",
    "2026-05-25",
    "2026-07-14",
    "2026-08-15",
    "2026-11-01",
    "2026-11-11",
    "2026-12-25",
  ],
};

export interface Workspace {
  policyId: string;
  calendarId: string;
  adminId: string;
}

export interface FillTimes {
  /** Seconds per table, and for VACUUM ANALYZE. */
  tickets: number;
  clocks: number;
  timers: number;
  analyze: number;
}

const TEAMS = ["Facturation", "Technique", "Social", "Livraison"];
const AGENTS_PER_TEAM = 10;
const CUSTOMERS = 1000;

/** The directory and the policy: small, in a few statements. */
export async function seedWorkspace(client: pg.Client, now: Date): Promise<Workspace> {
  const q = async <T>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[];
  const [calendar] = await q<{ id: string }>(`insert into calendars (name, spec, created_at, updated_at) values ('Bureau de Paris', $1, $2, $2) returning id`, [
    PARIS_OFFICE,
    now,
  ]);
  const calendarId = calendar?.id as string;
  await q(
    `insert into agents (name, email, role, region, locale, created_at, updated_at)
     values ('Claire Dubois', 'claire.dubois@bench.palier', 'manager', 'france', 'fr', $1, $1),
            ('Pieter Janssens', 'pieter.janssens@bench.palier', 'manager', 'benelux', 'nl', $1, $1),
            ('Emma Taylor', 'emma.taylor@bench.palier', 'manager', 'france', 'en', $1, $1),
            ('Admin Bench', 'admin@bench.palier', 'admin', null, 'en', $1, $1)`,
    [now],
  );
  await q(
    `insert into teams (name, calendar_id, created_at, updated_at) select name, case when n <= 2 then $2::uuid end, $1, $1 from unnest($3::text[]) with ordinality as t(name, n)`,
    [now, calendarId, TEAMS],
  );
  // Agents: per team one lead and nine agents, in three languages and two regions, each reporting to a manager.
  await q(
    `insert into agents (name, email, role, team_id, manager_id, region, locale, created_at, updated_at)
     select 'Agent ' || t.name || ' ' || i, 'agent.' || lower(t.name) || '.' || i || '@bench.palier', case when i = 1 then 'team_lead' else 'agent' end, t.id,
            (select id from agents where role = 'manager' order by email offset (i % 3) limit 1),
            (array['france', 'benelux'])[1 + i % 2], (array['fr', 'nl', 'en'])[1 + i % 3], $1, $1
     from teams t cross join generate_series(1, ${AGENTS_PER_TEAM}) as i`,
    [now],
  );
  await q(`update teams t set lead_id = a.id from agents a where a.team_id = t.id and a.role = 'team_lead'`);
  await q(
    `insert into customers (name, email, language, created_at, updated_at)
     select 'Client ' || i, 'client.' || i || '@exemple.fr', (array['fr', 'nl', 'en'])[1 + i % 3], $1, $1 from generate_series(1, ${CUSTOMERS}) as i`,
    [now],
  );
  const [policy] = await q<{ id: string }>(
    `insert into sla_policies (name, position, is_default, calendar_id, targets, matrix, created_at, updated_at)
     values ('Standard', 0, true, $1, $2, $3, $4, $4) returning id`,
    [calendarId, TARGETS, MATRIX, now],
  );
  const [admin] = await q<{ id: string }>(`select id from agents where email = 'admin@bench.palier'`);
  return { policyId: policy?.id as string, calendarId, adminId: admin?.id as string };
}

/**
 * `count` open tickets (created over the last three days, assigned round-robin), their two
 * running clocks, and a pending timer per clock and step. Returns seconds per statement.
 */
export async function fillTickets(client: pg.Client, workspace: Workspace, count: number, now: Date): Promise<FillTimes> {
  const timed = async (text: string, values: unknown[] = []) => {
    const start = performance.now();
    await client.query(text, values);
    return (performance.now() - start) / 1000;
  };
  const tickets = await timed(
    `with ag as (select array_agg(id order by email) as ids, array_agg(team_id order by email) as teams, count(*)::int as n from agents where role in ('agent', 'team_lead')),
          cu as (select array_agg(id order by email) as ids, count(*)::int as n from customers)
     insert into tickets (subject, status, priority, tier, channel, language, customer_id, team_id, assignee_id, tags, created_at, updated_at)
     select (array['Remboursement non reçu ', 'Betaling mislukt voor bestelling ', 'Refund not received for order ', 'Connexion impossible '])[1 + i % 4] || i,
            'open', (array['low', 'low', 'normal', 'normal', 'normal', 'normal', 'normal', 'high', 'high', 'urgent'])[1 + i % 10], 'L1',
            (array['email', 'web', 'chat', 'phone', 'twitter', 'api'])[1 + i % 6], (array['fr', 'nl', 'en', 'fr'])[1 + i % 4],
            cu.ids[1 + i % cu.n], ag.teams[1 + i % ag.n], ag.ids[1 + i % ag.n], array['t' || (i % 50)],
            $1::timestamptz - make_interval(mins => i % 4320), $1::timestamptz - make_interval(mins => i % 4320)
     from generate_series(0, $2::int - 1) as i, ag, cu`,
    [now, count],
  );
  // Due a day or more ahead, spread over two weeks, so that nothing fires unless a phase moves it.
  const clocks = await timed(
    `insert into sla_clocks (id, ticket_number, target, cycle, policy_id, calendar_id, started_at, budget_seconds, pauses, state, due_at, updated_at)
     select gen_random_uuid(), t.number, g.target, 1, $2::uuid, $3::uuid, t.created_at, (($4::jsonb -> t.priority ->> g.target)::int * 60), '[]', 'running',
            $1::timestamptz + interval '1 day' + make_interval(mins => (t.number % 20000)::int) + g.extra, $1::timestamptz
     from tickets t cross join (values ('first_response', interval '0'), ('resolution', interval '2 days')) as g(target, extra)`,
    [now, workspace.policyId, workspace.calendarId, TARGETS],
  );
  const timers = await timed(
    `insert into timers (ticket_number, clock_id, step_id, kind, level, due_at, state, created_at, updated_at)
     select c.ticket_number, c.id, s.id, s.kind, s.level, c.due_at + make_interval(mins => s.offset_minutes), 'pending', $1::timestamptz, $1::timestamptz
     from sla_clocks c cross join (values ('reminder', 'reminder', 0, -30), ('level-1', 'level', 1, 0), ('level-2', 'level', 2, 60), ('level-3', 'level', 3, 120), ('level-4', 'level', 4, 240))
          as s(id, kind, level, offset_minutes)`,
    [now],
  );
  const analyze = await timed(`vacuum analyze`);
  return { tickets, clocks, timers, analyze };
}
