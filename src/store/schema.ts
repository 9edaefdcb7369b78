// The PostgreSQL schema, one table per entity. Migrations in /migrations are generated from
// this file by drizzle-kit (`npm run db:generate`); the same schema serves PGlite and PostgreSQL.

import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLES } from "../core/access/permissions.js";
import type { Handoff } from "../core/escalation/handoff.js";
import { KB_LANGUAGES, KB_STATUSES } from "../core/kb/article.js";
import { APPROVAL_KINDS, APPROVAL_STATUSES } from "../core/escalation/approval.js";
import { ESCALATION_KINDS, ESCALATION_STATUSES } from "../core/escalation/handoff.js";
import type { Layer, Override } from "../core/oncall/schedule.js";
import { ASSIGNMENT_STRATEGIES } from "../core/routing/strategy.js";
import type { Condition, RuleAction, RuleTime } from "../core/rules/rule.js";
import { JOURNEY_KINDS } from "../core/selfcare/journey.js";
import type { ProcedureField, ProcedureStep, Words } from "../core/procedure/procedure.js";
import type { TriageSignals } from "../core/triage/signals.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
/** Raw bytes: a Buffer in, a Buffer out (PostgreSQL's driver gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const id = () => uuid("id").primaryKey().defaultRandom();
const stamps = () => ({
  createdAt: at("created_at").notNull(),
  updatedAt: at("updated_at").notNull(),
  /** Optimistic concurrency: bumped on every update, checked by If-Match. */
  version: integer("version").notNull().default(1),
});

const inList = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

export const calendars = pgTable("calendars", {
  id: id(),
  name: text("name").notNull(),
  /** The calendar as written (see docs/calendar.md), validated before it is stored. */
  spec: jsonb("spec").notNull(),
  ...stamps(),
});

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    name: text("name").notNull(),
    /** e.g. `vip`, `enterprise`, `standard`: SLA policies match on it. */
    segment: text("segment").notNull().default("standard"),
    domains: text("domains")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...stamps(),
  },
  (t) => [uniqueIndex("organizations_name_key").on(sql`lower(${t.name})`)],
);

export const teams = pgTable(
  "teams",
  {
    id: id(),
    name: text("name").notNull(),
    email: text("email"),
    leadId: uuid("lead_id").references((): AnyPgColumn => agents.id, { onDelete: "set null" }),
    calendarId: uuid("calendar_id").references(() => calendars.id),
    /** The tier the team works at (L0 self-care, L1, L2, L3, external); null: not said. */
    tier: text("tier"),
    /** How the team's tickets reach its agents: load_balanced, round_robin or manual. */
    assignment: text("assignment").notNull().default("manual"),
    /** The agent round robin served last; the next one after them is served next. */
    roundRobinLastId: uuid("round_robin_last_id").references((): AnyPgColumn => agents.id, { onDelete: "set null" }),
    /** The schedule saying who of the team is on call (the matrix's `on_call` recipient). */
    onCallScheduleId: uuid("on_call_schedule_id").references((): AnyPgColumn => oncallSchedules.id, { onDelete: "set null" }),
    /** The signature of the team's e-mail replies, per language (fr, nl, en); a language without one signs with none. */
    signatures: jsonb("signatures").$type<Partial<Record<"fr" | "nl" | "en", string>>>().notNull().default({}),
    /** The number the self-care widget shows while the team's calendar is open; null: none shown. */
    phone: text("phone"),
    ...stamps(),
  },
  (t) => [
    uniqueIndex("teams_name_key").on(sql`lower(${t.name})`),
    check("teams_tier_check", inList("tier", ["L0", "L1", "L2", "L3", "external"])),
    check("teams_assignment_check", inList("assignment", ASSIGNMENT_STRATEGIES)),
  ],
);

export const agents = pgTable(
  "agents",
  {
    id: id(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    role: text("role").notNull().default("agent"),
    teamId: uuid("team_id").references(() => teams.id),
    managerId: uuid("manager_id").references((): AnyPgColumn => agents.id, { onDelete: "set null" }),
    region: text("region"),
    languages: text("languages")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Free skill tags ("billing", "api"). */
    skills: text("skills")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The product codes the agent knows. */
    products: text("products")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The channels the agent works; empty: all of them. */
    channels: text("channels")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Out of office from this instant (inclusive) until `out_of_office_until` (exclusive; null: until further notice). */
    outOfOfficeFrom: at("out_of_office_from"),
    outOfOfficeUntil: at("out_of_office_until"),
    /** How many open tickets the agent can carry at once. */
    capacity: integer("capacity").notNull().default(20),
    /**
     * The open tickets (new, open, pending, on hold) assigned to the agent, kept by a trigger on
     * tickets (migration 0006), so that routing reads loads without counting tickets.
     */
    openTickets: integer("open_tickets").notNull().default(0),
    calendarId: uuid("calendar_id").references(() => calendars.id),
    locale: text("locale").notNull().default("en"),
    /** The IANA zone the agent reads instants in; null: their working calendar's, else UTC. */
    timeZone: text("time_zone"),
    active: boolean("active").notNull().default(true),
    passwordHash: text("password_hash"),
    ...stamps(),
  },
  (t) => [uniqueIndex("agents_email_key").on(sql`lower(${t.email})`), index("agents_team_idx").on(t.teamId), check("agents_role_check", inList("role", ROLES))],
);

/**
 * What a team's members who may take tickets (active, capacity above zero) know between them:
 * the needs that bind when routing (the core's bindingNeeds), read in one row rather than from
 * every member. A trigger on agents keeps it (migrations/0018); no row: a team without such members.
 */
export const teamSkills = pgTable("team_skills", {
  teamId: uuid("team_id")
    .primaryKey()
    .references(() => teams.id, { onDelete: "cascade" }),
  languages: text("languages").array().notNull(),
  products: text("products").array().notNull(),
  channels: text("channels").array().notNull(),
  skills: text("skills").array().notNull(),
});

export const customers = pgTable(
  "customers",
  {
    id: id(),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    /** e.g. {"twitter": "@marie", "facebook": "marie.dupont"} */
    social: jsonb("social").$type<Record<string, string>>().notNull().default({}),
    language: text("language"),
    /** The IANA zone the customer reads instants in; null: the browser's (UTC for e-mails). */
    timeZone: text("time_zone"),
    organizationId: uuid("organization_id").references(() => organizations.id),
    passwordHash: text("password_hash"),
    ...stamps(),
  },
  (t) => [
    uniqueIndex("customers_email_key").on(sql`lower(${t.email})`),
    index("customers_organization_idx").on(t.organizationId),
    // A social author is found by their handle on each network (docs/social.md).
    index("customers_twitter_idx").on(sql`lower(${t.social} ->> 'twitter')`),
    index("customers_facebook_idx").on(sql`lower(${t.social} ->> 'facebook')`),
  ],
);

export const products = pgTable(
  "products",
  {
    id: id(),
    name: text("name").notNull(),
    code: text("code").notNull(),
    ...stamps(),
  },
  (t) => [uniqueIndex("products_code_key").on(t.code)],
);

export const tags = pgTable("tags", {
  name: text("name").primaryKey(),
  color: text("color"),
  createdAt: at("created_at").notNull(),
});

export const tickets = pgTable(
  "tickets",
  {
    /** The human-readable number, shown as #1042. */
    number: bigint("number", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity({ startWith: 1000 }),
    subject: text("subject").notNull(),
    status: text("status").notNull().default("new"),
    priority: text("priority").notNull().default("normal"),
    tier: text("tier").notNull().default("L1"),
    channel: text("channel").notNull(),
    language: text("language"),
    productId: uuid("product_id").references(() => products.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    teamId: uuid("team_id").references(() => teams.id),
    assigneeId: uuid("assignee_id").references(() => agents.id),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    customFields: jsonb("custom_fields").$type<Record<string, unknown>>().notNull().default({}),
    firstResponseAt: at("first_response_at"),
    lastCustomerMessageAt: at("last_customer_message_at"),
    lastAgentMessageAt: at("last_agent_message_at"),
    solvedAt: at("solved_at"),
    closedAt: at("closed_at"),
    /** Subject and messages, stemmed in the ticket's language with accents folded. */
    search: tsvector("search"),
    /** The highest frustration of the customer's messages (0 to 1), null before any is triaged. */
    frustration: real("frustration"),
    /** Whether a customer message reached the frustration threshold. */
    frustrated: boolean("frustrated").notNull().default(false),
    /** The alarm kinds the customer's messages raised (legal, churn, money, outage, sales). */
    alarms: text("alarms")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The SLA policy a rule applied to the ticket, above the policies' own conditions; null: none was. */
    slaPolicyId: uuid("sla_policy_id").references((): AnyPgColumn => slaPolicies.id, { onDelete: "set null" }),
    /** Since when the ticket waits in its team's queue for someone available; null: not waiting. */
    queuedAt: at("queued_at"),
    ...stamps(),
  },
  (t) => [
    check("tickets_status_check", inList("status", ["new", "open", "pending", "on_hold", "solved", "closed"])),
    check("tickets_priority_check", inList("priority", ["low", "normal", "high", "urgent"])),
    check("tickets_tier_check", inList("tier", ["L0", "L1", "L2", "L3", "external"])),
    check("tickets_channel_check", inList("channel", ["email", "web", "chat", "phone", "twitter", "facebook", "api"])),
    index("tickets_status_idx").on(t.status, t.updatedAt),
    index("tickets_assignee_idx").on(t.assigneeId, t.status),
    index("tickets_team_idx").on(t.teamId, t.status),
    index("tickets_customer_idx").on(t.customerId),
    index("tickets_created_idx").on(t.createdAt),
    index("tickets_tags_idx").using("gin", t.tags),
    index("tickets_search_idx").using("gin", t.search),
    index("tickets_alarms_idx").using("gin", t.alarms),
    index("tickets_frustrated_idx")
      .on(t.status)
      .where(sql`frustrated`),
    index("tickets_queued_idx")
      .on(t.teamId, t.queuedAt)
      .where(sql`queued_at is not null`),
  ],
);

export const ticketFollowers = pgTable(
  "ticket_followers",
  {
    ticketNumber: bigint("ticket_number", { mode: "number" })
      .notNull()
      .references(() => tickets.number, { onDelete: "cascade" }),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id),
  },
  (t) => [primaryKey({ columns: [t.ticketNumber, t.agentId] })],
);

/** Attachment metadata; the bytes live elsewhere (`attachments` for those Palier received). */
export interface AttachmentMeta {
  name: string;
  contentType: string;
  size: number;
  url?: string;
  /** The `attachments` row holding the bytes. */
  id?: string;
  /** Shown in the body (an image the HTML refers to) rather than offered as a download. */
  inline?: boolean;
  contentId?: string | null;
}

export const messages = pgTable(
  "messages",
  {
    id: id(),
    ticketNumber: bigint("ticket_number", { mode: "number" })
      .notNull()
      .references(() => tickets.number, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    authorAgentId: uuid("author_agent_id").references(() => agents.id),
    authorCustomerId: uuid("author_customer_id").references(() => customers.id),
    channel: text("channel").notNull(),
    bodyText: text("body_text").notNull(),
    /** Sanitized before it is stored. */
    bodyHtml: text("body_html").notNull(),
    attachments: jsonb("attachments").$type<AttachmentMeta[]>().notNull().default([]),
    /** A customer message's triage signals (language, frustration, alarms, reasons); null for staff messages. */
    triage: jsonb("triage").$type<TriageSignals>(),
    /** The agents an internal note mentions (@name), by id: each was told. */
    mentions: uuid("mentions")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** An internal note a lead or manager wrote as a reply the agents it mentions may send. */
    suggestion: boolean("suggestion").notNull().default(false),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("messages_ticket_idx").on(t.ticketNumber, t.createdAt), check("messages_kind_check", inList("kind", ["reply", "note", "customer"]))],
);

/** The bytes of a file a message brought (an e-mail's attachments and inline images). */
export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    ticketNumber: bigint("ticket_number", { mode: "number" }).references(() => tickets.number, { onDelete: "cascade" }),
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "cascade" }),
    /** The e-mail it came in, when it is not on a ticket's message (an automated mail's files). */
    mailId: uuid("mail_id").references((): AnyPgColumn => mailMessages.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    inline: boolean("inline").notNull().default(false),
    contentId: text("content_id"),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("attachments_message_idx").on(t.messageId), index("attachments_ticket_idx").on(t.ticketNumber)],
);

/**
 * Every e-mail in or out (docs/email.md): what became of it, the Message-ID replies thread
 * by, and, for mail received, its raw bytes, so that nothing is lost and an admin can read or
 * reprocess what could not be taken.
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: id(),
    /** `in`: received; `out`: sent by Palier. */
    direction: text("direction").notNull(),
    /** What became of it: in, `ticket` (opened one), `reply` (added to one), `automated` (kept, not answered), `bounce` (recorded on the ticket whose mail bounced), `error` (kept raw); out, `queued`. */
    outcome: text("outcome").notNull(),
    /** The Message-ID header, angle brackets included; null when the message had none. */
    messageIdHeader: text("message_id_header"),
    ticketNumber: bigint("ticket_number", { mode: "number" }).references(() => tickets.number, { onDelete: "set null" }),
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "set null" }),
    fromAddress: text("from_address"),
    toAddresses: text("to_addresses")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    subject: text("subject").notNull().default(""),
    /** For automated mail: its kind and the header or phrase that says so. */
    automated: jsonb("automated").$type<{ kind: string; reason: string }>(),
    /** What could not be read as sent. */
    problems: jsonb("problems").$type<{ code: string; detail: string }[]>().notNull().default([]),
    size: integer("size").notNull(),
    /** The message as received; null for mail Palier sent (its outbox row holds it). */
    raw: bytea("raw"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("mail_messages_message_id_idx").on(t.messageIdHeader),
    index("mail_messages_ticket_idx").on(t.ticketNumber, t.createdAt),
    index("mail_messages_from_idx").on(t.fromAddress, t.createdAt),
    check("mail_messages_direction_check", inList("direction", ["in", "out"])),
    check("mail_messages_outcome_check", inList("outcome", ["ticket", "reply", "automated", "bounce", "error", "queued"])),
  ],
);

/**
 * The append-only history of a ticket: who (`actor_type`/`actor_id`), what (`type`, and
 * `changes` as {field: [before, after]}), and why (`reason`). Timelines and analytics read it.
 */
export const ticketEvents = pgTable(
  "ticket_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ticketNumber: bigint("ticket_number", { mode: "number" })
      .notNull()
      .references(() => tickets.number, { onDelete: "cascade" }),
    at: at("at").notNull(),
    actorType: text("actor_type").notNull(),
    actorId: uuid("actor_id"),
    type: text("type").notNull(),
    changes: jsonb("changes").$type<Record<string, [unknown, unknown]>>().notNull().default({}),
    reason: text("reason"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("ticket_events_ticket_idx").on(t.ticketNumber, t.id),
    index("ticket_events_at_idx").on(t.at),
    check("ticket_events_actor_check", inList("actor_type", ["agent", "customer", "rule", "system"])),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie's token: a stolen table gives no usable session. */
    tokenHash: text("token_hash").primaryKey(),
    agentId: uuid("agent_id").references(() => agents.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: at("created_at").notNull(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [index("sessions_expires_idx").on(t.expiresAt)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** The first characters, to tell tokens apart in a list. */
    prefix: text("prefix").notNull(),
    createdAt: at("created_at").notNull(),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash_key").on(t.tokenHash), index("api_tokens_agent_idx").on(t.agentId)],
);

export const securityEvents = pgTable(
  "security_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: at("at").notNull(),
    type: text("type").notNull(),
    agentId: uuid("agent_id"),
    customerId: uuid("customer_id"),
    ip: text("ip"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("security_events_at_idx").on(t.at)],
);

/** A retried POST with the same Idempotency-Key gets the first answer back. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    principal: text("principal").notNull(),
    key: text("key").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    body: jsonb("body").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] })],
);

/**
 * SLA policies, ordered by `position`; conditions, targets and the escalation matrix are JSON
 * validated by the API (shapes in src/core/sla/policy.ts).
 */
export const slaPolicies = pgTable(
  "sla_policies",
  {
    id: id(),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    active: boolean("active").notNull().default(true),
    isDefault: boolean("is_default").notNull().default(false),
    conditions: jsonb("conditions").notNull().default({}),
    /** Business minutes on this calendar; null: wall-clock minutes (24/7). */
    calendarId: uuid("calendar_id").references(() => calendars.id),
    targets: jsonb("targets").notNull().default({}),
    pauseStatuses: text("pause_statuses")
      .array()
      .notNull()
      .default(sql`'{pending,on_hold}'::text[]`),
    noteCountsAsResponse: boolean("note_counts_as_response").notNull().default(false),
    /** An agent's outbound call to the customer (docs/phone.md) meets the response clocks. */
    callCountsAsResponse: boolean("call_counts_as_response").notNull().default(false),
    matrix: jsonb("matrix").notNull().default({ steps: [] }),
    ...stamps(),
  },
  (t) => [uniqueIndex("sla_policies_name_key").on(sql`lower(${t.name})`), index("sla_policies_position_idx").on(t.position)],
);

/**
 * One SLA clock: a target on a ticket (next response: one row per cycle). `pauses` holds
 * [from, to] pairs in milliseconds since the epoch, the last one open (to = null) while paused.
 */
export const slaClocks = pgTable(
  "sla_clocks",
  {
    id: id(),
    ticketNumber: bigint("ticket_number", { mode: "number" })
      .notNull()
      .references(() => tickets.number, { onDelete: "cascade" }),
    target: text("target").notNull(),
    cycle: integer("cycle").notNull().default(1),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => slaPolicies.id),
    calendarId: uuid("calendar_id").references(() => calendars.id),
    startedAt: at("started_at").notNull(),
    budgetSeconds: integer("budget_seconds").notNull(),
    pauses: jsonb("pauses").$type<[number, number | null][]>().notNull().default([]),
    state: text("state").notNull(),
    dueAt: at("due_at"),
    stoppedAt: at("stopped_at"),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("sla_clocks_ticket_target_key").on(t.ticketNumber, t.target, t.cycle),
    index("sla_clocks_live_due_idx")
      .on(t.dueAt)
      .where(sql`state in ('running', 'paused')`),
    check("sla_clocks_target_check", inList("target", ["first_response", "next_response", "resolution"])),
    check("sla_clocks_state_check", inList("state", ["running", "paused", "met", "cancelled"])),
  ],
);

/**
 * A durable timer: one matrix step on one clock. Written in the transaction that planned it;
 * a worker fires it once (state `fired`, in the transaction that acts), or a later change
 * cancels it. Unique per clock and step: a step never fires twice on one clock.
 */
export const timers = pgTable(
  "timers",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ticketNumber: bigint("ticket_number", { mode: "number" })
      .notNull()
      .references(() => tickets.number, { onDelete: "cascade" }),
    clockId: uuid("clock_id")
      .notNull()
      .references(() => slaClocks.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    kind: text("kind").notNull(),
    level: integer("level").notNull(),
    dueAt: at("due_at").notNull(),
    state: text("state").notNull().default("pending"),
    firedAt: at("fired_at"),
    /** Milliseconds between due and fired (a catch-up after weeks down exceeds an integer's range). */
    lagMs: bigint("lag_ms", { mode: "number" }),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("timers_clock_step_key").on(t.clockId, t.stepId),
    index("timers_pending_due_idx")
      .on(t.dueAt)
      .where(sql`state = 'pending'`),
    index("timers_ticket_idx").on(t.ticketNumber),
    check("timers_kind_check", inList("kind", ["reminder", "level"])),
    check("timers_state_check", inList("state", ["pending", "fired", "cancelled"])),
  ],
);

/**
 * The transactional outbox: a notification written with the change that caused it, delivered
 * later by a worker with retries. `kind`: email, webhook or inapp. Dead after too many attempts,
 * until an admin replays it.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Sent with webhooks (and e-mails) so that receivers can drop duplicates. */
    deliveryId: uuid("delivery_id").notNull().defaultRandom(),
    kind: text("kind").notNull(),
    ticketNumber: bigint("ticket_number", { mode: "number" }).references(() => tickets.number, { onDelete: "set null" }),
    agentId: uuid("agent_id").references(() => agents.id, { onDelete: "set null" }),
    /** An e-mail address or a webhook URL; null for in-app. */
    address: text("address"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    state: text("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** Not before this instant: retries back off, and quiet hours hold a message until its recipient's next opening. */
    nextAttemptAt: at("next_attempt_at").notNull(),
    /** A worker's claim; an expired lease (crashed worker) is claimed again. */
    leaseUntil: at("lease_until"),
    lastError: text("last_error"),
    /** How it went out: smtp, mailbox (no SMTP configured), webhook, inapp. */
    transport: text("transport"),
    createdAt: at("created_at").notNull(),
    deliveredAt: at("delivered_at"),
  },
  (t) => [
    index("outbox_pending_idx")
      .on(t.nextAttemptAt)
      .where(sql`state = 'pending'`),
    index("outbox_state_idx").on(t.state, t.id),
    check("outbox_kind_check", inList("kind", ["email", "webhook", "inapp", "social"])),
    check("outbox_state_check", inList("state", ["pending", "delivered", "dead"])),
  ],
);

/** In-app notifications: what an agent's bell shows, streamed live to the browser. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    ticketNumber: bigint("ticket_number", { mode: "number" }).references(() => tickets.number, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: at("created_at").notNull(),
    readAt: at("read_at"),
  },
  (t) => [index("notifications_agent_idx").on(t.agentId, t.id)],
);

/**
 * IMAP mailboxes fetched into a team (docs/email.md, "IMAP mailboxes"): where to connect, the
 * password encrypted (AES-256-GCM, never returned), how far the mailbox was taken (its
 * UIDVALIDITY and the last UID taken, moved in the unit of work of the message), its state as
 * admins see it, and the lease of the process fetching it.
 */
export const mailboxes = pgTable(
  "mailboxes",
  {
    id: id(),
    name: text("name").notNull(),
    host: text("host").notNull(),
    port: integer("port").notNull(),
    /** `tls` (implicit TLS, 993), `starttls`, or `none` (plaintext: loopback and tests). */
    tls: text("tls").notNull().default("tls"),
    username: text("username").notNull(),
    /** `v1:<iv>:<tag>:<ciphertext>` in base64, AES-256-GCM; null: none set. */
    passwordSecret: text("password_secret"),
    folder: text("folder").notNull().default("INBOX"),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    /** The address mail to this mailbox is sent to: the message's recipient as Palier records it. */
    address: text("address").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    uidValidity: bigint("uid_validity", { mode: "number" }),
    lastUid: bigint("last_uid", { mode: "number" }).notNull().default(0),
    /** `idle` (connected, waiting with IDLE), `polling` (connected, no IDLE), `connecting`, `failing`, `disabled`. */
    state: text("state").notNull().default("connecting"),
    failingSince: at("failing_since"),
    /** The last failure's kind (auth, unreachable, certificate, folder, other) and the server's words. */
    lastErrorCode: text("last_error_code"),
    lastError: text("last_error"),
    lastConnectedAt: at("last_connected_at"),
    lastMessageAt: at("last_message_at"),
    leaseOwner: text("lease_owner"),
    leaseUntil: at("lease_until"),
    ...stamps(),
  },
  (t) => [
    uniqueIndex("mailboxes_name_key").on(sql`lower(${t.name})`),
    check("mailboxes_tls_check", inList("tls", ["tls", "starttls", "none"])),
    check("mailboxes_state_check", inList("state", ["connecting", "idle", "polling", "failing", "disabled"])),
  ],
);

/** Background work with visible progress: recomputing open tickets after a policy or calendar edit. */
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    kind: text("kind").notNull(),
    reason: text("reason").notNull(),
    state: text("state").notNull().default("queued"),
    total: integer("total").notNull().default(0),
    done: integer("done").notNull().default(0),
    /** Where a batch resumes (the last ticket number done). */
    cursor: bigint("cursor", { mode: "number" }).notNull().default(0),
    error: text("error"),
    createdAt: at("created_at").notNull(),
    startedAt: at("started_at"),
    finishedAt: at("finished_at"),
    leaseUntil: at("lease_until"),
  },
  (t) => [index("jobs_state_idx").on(t.state, t.createdAt), check("jobs_state_check", inList("state", ["queued", "running", "done", "failed"]))],
);

/**
 * The team's own rules, run in `position` order on the events in `triggers` (docs/rules.md).
 * `time` is set for time rules; `conditions` and `actions` as the core's `Rule` types them.
 */
export const rules = pgTable(
  "rules",
  {
    id: id(),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    triggers: text("triggers").array().notNull(),
    time: jsonb("time").$type<RuleTime>(),
    conditions: jsonb("conditions").$type<Condition>().notNull(),
    actions: jsonb("actions").$type<RuleAction[]>().notNull(),
    stop: boolean("stop").notNull().default(false),
    ...stamps(),
  },
  (t) => [uniqueIndex("rules_name_key").on(sql`lower(${t.name})`), index("rules_position_idx").on(t.position)],
);

/**
 * A time rule's next moment on one ticket ("pending for 3 business days"): fired by the engine's
 * timer loop within a second of `due_at`, re-planned when the ticket or the rule changes.
 */
export const ruleTimers = pgTable(
  "rule_timers",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ruleId: uuid("rule_id")
      .notNull()
      .references(() => rules.id, { onDelete: "cascade" }),
    ticketNumber: bigint("ticket_number", { mode: "number" })
      .notNull()
      .references(() => tickets.number, { onDelete: "cascade" }),
    /** The anchor instant the moment was counted from: a timer fires once per anchor. */
    anchorAt: at("anchor_at").notNull(),
    dueAt: at("due_at").notNull(),
    state: text("state").notNull().default("pending"),
    firedAt: at("fired_at"),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("rule_timers_rule_ticket_key").on(t.ruleId, t.ticketNumber),
    index("rule_timers_pending_due_idx")
      .on(t.dueAt)
      .where(sql`state = 'pending'`),
    index("rule_timers_ticket_idx").on(t.ticketNumber),
    check("rule_timers_state_check", inList("state", ["pending", "fired", "cancelled"])),
  ],
);

/** Workspace settings by key (e.g. `triage`: the alarm phrases and the frustration threshold). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<Record<string, unknown>>().notNull(),
  ...stamps(),
});

/** An on-call schedule (docs/oncall.md): participants are agent ids. */
export const oncallSchedules = pgTable(
  "oncall_schedules",
  {
    id: id(),
    name: text("name").notNull(),
    timezone: text("timezone").notNull(),
    layers: jsonb("layers").$type<Layer[]>().notNull(),
    overrides: jsonb("overrides").$type<Override[]>().notNull().default([]),
    /** Hand-offs up to this instant have had their notice sent to the incoming person. */
    noticesUntil: at("notices_until"),
    ...stamps(),
  },
  (t) => [uniqueIndex("oncall_schedules_name_key").on(sql`lower(${t.name})`)],
);

/**
 * A human escalation (docs/escalation.md): who handed the ticket to whom, with which hand-off,
 * what the customer was told, and how the receiver answered. A ticket may hold several over its
 * life; at most one is open or accepted at a time.
 */
export const escalations = pgTable(
  "escalations",
  {
    id: id(),
    ticketNumber: bigint("ticket_number", { mode: "number" })
      .notNull()
      .references(() => tickets.number, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    status: text("status").notNull().default("open"),
    fromAgentId: uuid("from_agent_id").references(() => agents.id, { onDelete: "set null" }),
    fromTeamId: uuid("from_team_id").references(() => teams.id, { onDelete: "set null" }),
    toTeamId: uuid("to_team_id").references(() => teams.id, { onDelete: "set null" }),
    toAgentId: uuid("to_agent_id").references(() => agents.id, { onDelete: "set null" }),
    /** External: the vendor or partner, their reference and the date they promised. */
    vendor: text("vendor"),
    vendorReference: text("vendor_reference"),
    promisedAt: at("promised_at"),
    handoff: jsonb("handoff").$type<Handoff>().notNull(),
    /** The expected answer the customer was told, on the receiving team's business calendar. */
    etaAt: at("eta_at"),
    /** The public reply that told the customer of the transfer; null: not told. */
    noticeMessageId: uuid("notice_message_id").references(() => messages.id, { onDelete: "set null" }),
    decidedById: uuid("decided_by_id").references(() => agents.id, { onDelete: "set null" }),
    decidedAt: at("decided_at"),
    bounceReason: text("bounce_reason"),
    /** A bounce may name a better team. */
    suggestedTeamId: uuid("suggested_team_id").references(() => teams.id, { onDelete: "set null" }),
    rootCause: text("root_cause"),
    rootCauseText: text("root_cause_text"),
    resolvedAt: at("resolved_at"),
    /** The last reminder to its owner for an escalation without activity. */
    remindedAt: at("reminded_at"),
    ...stamps(),
  },
  (t) => [
    index("escalations_ticket_idx").on(t.ticketNumber, t.createdAt),
    index("escalations_status_idx").on(t.status, t.createdAt),
    index("escalations_to_team_idx").on(t.toTeamId, t.status),
    index("escalations_from_agent_idx").on(t.fromAgentId, t.status),
    uniqueIndex("escalations_one_active_key")
      .on(t.ticketNumber)
      .where(sql`status in ('open', 'accepted')`),
    check("escalations_kind_check", inList("kind", ESCALATION_KINDS)),
    check("escalations_status_check", inList("status", ESCALATION_STATUSES)),
  ],
);

/**
 * An action beyond an agent's authority (a refund, a goodwill gesture) asked of a manager
 * (docs/escalation.md): the request, the manager asked, the decision and when it came.
 */
export const approvals = pgTable(
  "approvals",
  {
    id: id(),
    ticketNumber: bigint("ticket_number", { mode: "number" })
      .notNull()
      .references(() => tickets.number, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** Whole cents of `currency`. */
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull().default("EUR"),
    reason: text("reason").notNull(),
    requestedById: uuid("requested_by_id").references(() => agents.id, { onDelete: "set null" }),
    /** The manager asked; null: granted within the requester's own authority. */
    approverId: uuid("approver_id").references(() => agents.id, { onDelete: "set null" }),
    status: text("status").notNull().default("pending"),
    decidedById: uuid("decided_by_id").references(() => agents.id, { onDelete: "set null" }),
    decidedAt: at("decided_at"),
    decisionNote: text("decision_note"),
    ...stamps(),
  },
  (t) => [
    index("approvals_ticket_idx").on(t.ticketNumber, t.createdAt),
    index("approvals_approver_idx").on(t.approverId, t.status),
    check("approvals_kind_check", inList("kind", APPROVAL_KINDS)),
    check("approvals_status_check", inList("status", APPROVAL_STATUSES)),
    check("approvals_amount_check", sql`amount_cents > 0`),
  ],
);

/**
 * One step of a visitor's self-care journey in the widget: a search, an article opened, whether
 * it answered their question, a request written. The steps before a request are attached to its ticket.
 */
export const selfcareSteps = pgTable(
  "selfcare_steps",
  {
    id: id(),
    /** The widget's random id for one browser; not a person. */
    visitorId: text("visitor_id").notNull(),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    /** The words searched (search). */
    query: text("query"),
    /** How many articles the search found (search). */
    results: integer("results"),
    /** The article (article, answered), as the knowledge base named it then. */
    articleSlug: text("article_slug"),
    articleTitle: text("article_title"),
    /** Whether the article answered the question (answered). */
    helpful: boolean("helpful"),
    /** The language the widget spoke. */
    language: text("language"),
    /** The page of the customer's site the widget was on. */
    pageUrl: text("page_url"),
    /** The ticket the visitor's request became (request), or that a step was attached to. */
    ticketNumber: bigint("ticket_number", { mode: "number" }).references(() => tickets.number, { onDelete: "set null" }),
    at: at("at").notNull(),
  },
  (t) => [
    index("selfcare_steps_visitor_idx").on(t.visitorId, t.at),
    index("selfcare_steps_ticket_idx").on(t.ticketNumber),
    index("selfcare_steps_kind_idx").on(t.kind, t.at),
    check("selfcare_steps_kind_check", inList("kind", JOURNEY_KINDS)),
  ],
);
/** A knowledge-base category, named in every language (docs/knowledge-base.md). */
export const kbCategories = pgTable("kb_categories", {
  id: id(),
  slug: text("slug").notNull().unique(),
  /** `{ fr, nl, en }`. */
  names: jsonb("names").$type<Record<string, string>>().notNull(),
  position: integer("position").notNull().default(0),
  ...stamps(),
});

/** A knowledge-base article: what its language versions share. */
export const kbArticles = pgTable(
  "kb_articles",
  {
    id: id(),
    categoryId: uuid("category_id").references(() => kbCategories.id, { onDelete: "set null" }),
    /** The version a reader whose language the article lacks is shown. */
    fallbackLanguage: text("fallback_language").notNull(),
    ...stamps(),
  },
  (t) => [index("kb_articles_category_idx").on(t.categoryId), check("kb_articles_fallback_check", inList("fallback_language", KB_LANGUAGES))],
);

/** One language version of an article, with its search vector (stemmed in its language, accents folded). */
export const kbTranslations = pgTable(
  "kb_translations",
  {
    id: id(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => kbArticles.id, { onDelete: "cascade" }),
    language: text("language").notNull(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    /** Markdown as written. */
    body: text("body").notNull(),
    /** The body as plain text: what snippets are cut from. */
    bodyText: text("body_text").notNull(),
    status: text("status").notNull(),
    search: tsvector("search").notNull(),
    publishedAt: at("published_at"),
    ...stamps(),
  },
  (t) => [
    uniqueIndex("kb_translations_article_language_idx").on(t.articleId, t.language),
    // One index per language: a language's query reads only its own versions (src/store/kb.ts).
    // No pending list (`fastupdate` off): every search would read it in full, and PGlite has no
    // autovacuum to merge it; a version is written far less often than searched.
    ...KB_LANGUAGES.map((language) =>
      index(`kb_translations_search_${language}_idx`)
        .using("gin", t.search)
        .with({ fastupdate: false })
        .where(sql.raw(`language = '${language}'`)),
    ),
    check("kb_translations_language_check", inList("language", KB_LANGUAGES)),
    check("kb_translations_status_check", inList("status", KB_STATUSES)),
  ],
);

/**
 * A file attached to an article's language version (docs/knowledge-base.md): its bytes as
 * uploaded, stored like messages' files (`attachments`), and the text search indexes from it.
 */
export const kbAttachments = pgTable(
  "kb_attachments",
  {
    id: id(),
    translationId: uuid("translation_id")
      .notNull()
      .references(() => kbTranslations.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    /** Its name and, for text, Markdown and HTML, its words: what the version's search vector adds (weight C). */
    searchText: text("search_text").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("kb_attachments_translation_idx").on(t.translationId)],
);

/** Every word of every article version, accents folded: what a misspelt query word is corrected to (pg_trgm). */
export const kbWords = pgTable("kb_words", { word: text("word").primaryKey() }, (t) => [
  // GIN: the words sharing enough trigrams (`%`) are found far faster than GiST's nearest-first scan.
  // No pending list (`fastupdate` off), as for the search vectors: a typo lookup would read it all.
  index("kb_words_trgm_idx").using("gin", t.word.op("gin_trgm_ops")).with({ fastupdate: false }),
]);

/**
 * One row: how many times words were added to `kb_words`. A process remembers the typo
 * corrections it looked up with the generation they were read at, and forgets them when a
 * search sees another (src/store/kbTermCache.ts).
 */
export const kbVocabulary = pgTable("kb_vocabulary", { id: integer("id").primaryKey(), generation: bigint("generation", { mode: "number" }).notNull() }, () => [
  check("kb_vocabulary_one_row", sql`id = 1`),
]);

/** A search made from outside (the widget, a contact form): what managers see of searches that find nothing. */
export const kbSearches = pgTable(
  "kb_searches",
  {
    id: id(),
    query: text("query").notNull(),
    language: text("language").notNull(),
    /** `search` or `suggest`. */
    kind: text("kind").notNull(),
    hits: integer("hits").notNull(),
    at: at("at").notNull(),
  },
  (t) => [index("kb_searches_at_idx").on(t.at)],
);

/** An article version read through the public endpoints. */
export const kbReads = pgTable(
  "kb_reads",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    translationId: uuid("translation_id")
      .notNull()
      .references(() => kbTranslations.id, { onDelete: "cascade" }),
    at: at("at").notNull(),
  },
  (t) => [index("kb_reads_at_idx").on(t.at)],
);

/**
 * A social network's connection (docs/social.md): the shared secret that signs its webhooks both
 * ways (never returned by the API), the connector URL public replies are POSTed to, and the
 * follower count from which an author is flagged as influential.
 */
export const socialNetworks = pgTable(
  "social_networks",
  {
    network: text("network").primaryKey(),
    secret: text("secret").notNull(),
    connectorUrl: text("connector_url"),
    influenceThreshold: integer("influence_threshold").notNull().default(10000),
    ...stamps(),
  },
  () => [check("social_networks_network_check", inList("network", ["twitter", "facebook"]))],
);

/** The social deliveries taken, remembered for the signature window so that a replayed one is refused. */
export const socialDeliveries = pgTable(
  "social_deliveries",
  {
    network: text("network").notNull(),
    deliveryId: text("delivery_id").notNull(),
    receivedAt: at("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.network, t.deliveryId] }), index("social_deliveries_received_idx").on(t.receivedAt)],
);

/** One message taken from a social network, with its author's profile as it was, and the ticket it went to. */
export const socialPosts = pgTable(
  "social_posts",
  {
    id: id(),
    network: text("network").notNull(),
    /** The network's id of the message. */
    externalId: text("external_id").notNull(),
    kind: text("kind").notNull(),
    threadId: text("thread_id").notNull(),
    authorId: text("author_id").notNull(),
    author: jsonb("author").$type<{ id: string; handle: string; name: string; verified: boolean; followers: number; bio: string }>().notNull(),
    text: text("text").notNull(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    ticketNumber: bigint("ticket_number", { mode: "number" }).references(() => tickets.number, { onDelete: "set null" }),
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "set null" }),
    /** Triage read it as frustrated. */
    negative: boolean("negative").notNull().default(false),
    /** When the network says it was written. */
    writtenAt: at("written_at").notNull(),
    /** Sent to support as a priority ticket from the social triage view. */
    escalatedAt: at("escalated_at"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("social_posts_external_key").on(t.network, t.externalId),
    index("social_posts_thread_idx").on(t.network, t.threadId),
    index("social_posts_author_idx").on(t.network, t.authorId, t.createdAt),
    index("social_posts_created_idx").on(t.createdAt),
    check("social_posts_kind_check", inList("kind", ["mention", "reply", "direct_message"])),
  ],
);

/** Something going wrong at scale, raised by Palier (a burst of negative mentions) for managers to see. */
export const incidents = pgTable(
  "incidents",
  {
    id: id(),
    kind: text("kind").notNull(),
    /** The channel it was seen on. */
    channel: text("channel").notNull(),
    /** What was counted: {count, since, until, windowMinutes, threshold}. */
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    raisedAt: at("raised_at").notNull(),
    closedAt: at("closed_at"),
  },
  (t) => [index("incidents_raised_idx").on(t.raisedAt), check("incidents_kind_check", inList("kind", ["social_burst"]))],
);

/** A phone call an agent logged on a ticket (docs/phone.md), beside the message that tells it. */
export const phoneCalls = pgTable(
  "phone_calls",
  {
    id: id(),
    ticketNumber: bigint("ticket_number", { mode: "number" })
      .notNull()
      .references(() => tickets.number, { onDelete: "cascade" }),
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "cascade" }),
    direction: text("direction").notNull(),
    number: text("number").notNull(),
    durationSeconds: integer("duration_seconds").notNull(),
    outcome: text("outcome").notNull(),
    notes: text("notes").notNull().default(""),
    agentId: uuid("agent_id").references(() => agents.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("phone_calls_ticket_idx").on(t.ticketNumber, t.createdAt),
    check("phone_calls_direction_check", inList("direction", ["in", "out"])),
    check("phone_calls_outcome_check", inList("outcome", ["answered", "no_answer", "voicemail", "busy", "failed"])),
    check("phone_calls_duration_check", sql`duration_seconds >= 0`),
  ],
);

/**
 * A guided procedure (docs/procedures.md): for tickets tagged `request_type`, in one team or in
 * every team (`team_id` null), the steps to try and the information to collect before a hand-off.
 */
export const procedures = pgTable(
  "procedures",
  {
    id: id(),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    requestType: text("request_type").notNull(),
    /** `{ fr, nl, en }`. */
    names: jsonb("names").$type<Words>().notNull(),
    /** Escalating with a required field missing is refused, not only warned about. */
    required: boolean("required").notNull().default(false),
    steps: jsonb("steps").$type<ProcedureStep[]>().notNull(),
    fields: jsonb("fields").$type<ProcedureField[]>().notNull(),
    ...stamps(),
  },
  (t) => [index("procedures_request_type_idx").on(t.requestType), index("procedures_team_idx").on(t.teamId)],
);

/** A ticket's progress through one procedure: the steps done and the information collected, and who saved it last. */
export const ticketProcedures = pgTable(
  "ticket_procedures",
  {
    ticketNumber: bigint("ticket_number", { mode: "number" })
      .notNull()
      .references(() => tickets.number, { onDelete: "cascade" }),
    procedureId: uuid("procedure_id")
      .notNull()
      .references(() => procedures.id, { onDelete: "cascade" }),
    done: jsonb("done").$type<string[]>().notNull(),
    values: jsonb("values").$type<Record<string, string | number>>().notNull(),
    updatedById: uuid("updated_by_id").references(() => agents.id, { onDelete: "set null" }),
    ...stamps(),
  },
  (t) => [primaryKey({ columns: [t.ticketNumber, t.procedureId] }), index("ticket_procedures_procedure_idx").on(t.procedureId)],
);
