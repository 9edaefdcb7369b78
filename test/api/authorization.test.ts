// The authorization matrix over HTTP: every endpoint (with real ids) called by every role, by
// nobody and by a signed-in customer, against what MATRIX in permissions.ts allows (2xx) or
// denies (401/403); and the table must cover every route registered under /api/v1.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestApproval } from "../../src/commands/handoff/approvals.js";
import { escalateTicket } from "../../src/commands/handoff/escalateTicket.js";
import { createArticle } from "../../src/commands/kb/articles.js";
import { inWork } from "../../src/commands/work.js";
import { can, type Permission, ROLES, type Role } from "../../src/core/access/permissions.js";
import type { CalendarSpec } from "../../src/core/calendar/index.js";
import type { RuleDefinition } from "../../src/core/rules/rule.js";
import { createApiToken } from "../../src/store/accounts.js";
import { oncallScheduleStore } from "../../src/store/entities.js";
import { queueRecompute } from "../../src/store/jobs.js";
import { insertRule, listRules } from "../../src/store/rules.js";
import { buildAgent, buildCalendar, buildCustomer, buildOrganization, buildPolicy, buildProduct, buildTeam, buildTicket } from "../support/factories.js";
import { insertMailbox } from "../../src/store/mailboxes.js";
import { insertMail } from "../../src/store/mail.js";
import { attachments, outbox } from "../../src/store/schema.js";
import { describeStore } from "../support/testDatabase.js";
import { type ApiHarness, type Caller, type CustomerSession, openApi } from "./harness.js";
import { registeredRoutes } from "./routes.js";

/** Who calls: a role, a signed-in customer, or nobody. */
type Who = Role | "customer" | "anonymous";

interface Fixtures {
  /** A ticket of a customer other than the signed-in one, and one of the signed-in customer. */
  staffTicket: number;
  ownTicket: number;
  customerId: string;
  organizationId: string;
  agentId: string;
  teamId: string;
  productId: string;
  calendarId: string;
  policyId: string;
  jobId: string;
  ruleId: string;
  scheduleId: string;
  /** The team every role's agent belongs to, where escalations are handed. */
  rolesTeamId: string;
  /** Every rule's id when reorder is called (the matrix creates rules as it goes). */
  ruleIds: string[];
}

interface Endpoint {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** The route as registered, in OpenAPI style. */
  route: string;
  /** Every permission the call needs. */
  needs: Permission[];
  /** The customer scope denies what the matrix alone would allow (events, replies, notes). */
  customerDenied?: true;
  url(f: Fixtures, who: Who, n: number): string | Promise<string>;
  body?(f: Fixtures, who: Who, n: number): unknown;
}

let api: ApiHarness;

const MATRIX_RULE: RuleDefinition = {
  name: "Matrix rule",
  enabled: true,
  triggers: ["customer_message"],
  conditions: { field: "message.text", op: "matches_words", value: "ne marche pas" },
  actions: [{ type: "set_priority", priority: "high" }],
  stop: false,
};

const MATRIX_HANDOFF = { summary: "Matrix", tried: "Everything", impact: "One customer", urgency: "normal" };

/** A ticket of the fixtures' team that nobody escalated yet. */
async function unescalatedTicket(f: Fixtures): Promise<number> {
  return (await buildTicket(api.db, { now: api.clock.now(), actor: { type: "system" }, customerId: f.customerId, teamId: f.teamId, message: null })).ticket
    .number;
}

/** An open escalation of a new ticket, handed to the team every role's agent belongs to. */
async function openEscalation(f: Fixtures): Promise<string> {
  const number = await unescalatedTicket(f);
  const made = await inWork(api.db, { now: api.clock.now(), actor: { type: "system" } }, (work) =>
    escalateTicket(work, { number, request: { kind: "functional", toTeamId: api.teamId, handoff: MATRIX_HANDOFF, reason: "Matrix" } }),
  );
  return made.escalation.id;
}

/** A refund beyond every limit but a manager's, asked by the system. */
async function pendingApproval(f: Fixtures): Promise<string> {
  const number = await unescalatedTicket(f);
  const approval = await inWork(api.db, { now: api.clock.now(), actor: { type: "system" } }, (work) =>
    requestApproval(work, { number, kind: "refund", amountCents: 1_000_00, reason: "Matrix" }),
  );
  return approval.id;
}

const MATRIX_CALENDAR: CalendarSpec = { timezone: "Europe/Brussels", hours: { mon: [["08:30", "17:30"]] } };

// For customers, a ticket route addresses their own ticket: someone else's is a 404 by design.
const ticketOf = (f: Fixtures, who: Who) => (who === "customer" ? f.ownTicket : f.staffTicket);

/** A received message kept as error (no sender), its id. */
async function keptMail(): Promise<string> {
  const raw = Buffer.from("Subject: kept\r\n\r\nno sender");
  const row = await insertMail(api.db, {
    direction: "in",
    outcome: "error",
    subject: "kept",
    problems: [{ code: "no_from", detail: "no From header" }],
    size: raw.length,
    raw,
    createdAt: api.clock.now(),
  });
  return row.id;
}

/** A new article of one French draft, its id (`n` keeps slugs apart). */
async function newArticle(n: number): Promise<string> {
  const made = await inWork(api.db, { now: api.clock.now(), actor: { type: "system" } }, (work) =>
    createArticle(work, {
      categoryId: null,
      fallbackLanguage: "fr",
      translations: [{ language: "fr", slug: `matrice-${n}`, title: "Matrice", body: "Texte", status: "draft" }],
    }),
  );
  return made.article.id;
}

const KB_ARTICLE = (n: number, status: "draft" | "published" = "draft") => ({
  categoryId: null,
  fallbackLanguage: "fr",
  translations: [{ language: "fr", slug: `matrice-ecrite-${n}`, title: "Matrice", body: "Texte", status }],
});

let mailboxes = 0;
/** An IMAP mailbox's settings with a name of its own (nothing listens on port 1: a test connection is refused at once). */
function mailboxBody(f: Fixtures): Record<string, unknown> {
  return {
    name: `Mailbox ${++mailboxes}`,
    host: "127.0.0.1",
    port: 1,
    tls: "none",
    username: "u",
    password: "p",
    teamId: f.teamId ?? "00000000-0000-4000-8000-000000000000",
    address: "box@acme.test",
  };
}

/** A mailbox of its own per call. */
async function aMailbox(f: Fixtures): Promise<string> {
  const row = await insertMailbox(
    api.db,
    {
      name: `Stored mailbox ${++mailboxes}`,
      host: "127.0.0.1",
      port: 1,
      tls: "none",
      username: "u",
      passwordSecret: null,
      folder: "INBOX",
      teamId: f.teamId,
      address: "box@acme.test",
      enabled: false,
    },
    api.clock.now(),
  );
  return row.id;
}

const ENDPOINTS: Endpoint[] = [
  { method: "GET", route: "/api/v1/kb/categories", needs: ["kb.read"], url: () => "/api/v1/kb/categories" },
  {
    method: "POST",
    route: "/api/v1/kb/categories",
    needs: ["kb.write"],
    url: () => "/api/v1/kb/categories",
    body: (_f, _who, n) => ({ slug: `matrice-${n}`, names: { fr: "Matrice", nl: "Matrix", en: "Matrix" } }),
  },
  { method: "GET", route: "/api/v1/kb/articles", needs: ["kb.read"], url: () => "/api/v1/kb/articles" },
  { method: "POST", route: "/api/v1/kb/articles", needs: ["kb.write"], url: () => "/api/v1/kb/articles", body: (_f, _who, n) => KB_ARTICLE(n) },
  { method: "GET", route: "/api/v1/kb/articles/{id}", needs: ["kb.read"], url: async (_f, _who, n) => `/api/v1/kb/articles/${await newArticle(n)}` },
  {
    method: "PUT",
    route: "/api/v1/kb/articles/{id}",
    needs: ["kb.write"],
    url: async (_f, _who, n) => `/api/v1/kb/articles/${await newArticle(n)}`,
    body: (_f, _who, n) => KB_ARTICLE(n, "published"),
  },
  { method: "DELETE", route: "/api/v1/kb/articles/{id}", needs: ["kb.write"], url: async (_f, _who, n) => `/api/v1/kb/articles/${await newArticle(n)}` },
  { method: "POST", route: "/api/v1/kb/preview", needs: ["kb.read"], url: () => "/api/v1/kb/preview", body: () => ({ body: "**Matrice**" }) },
  { method: "GET", route: "/api/v1/kb/search", needs: ["kb.read"], url: () => "/api/v1/kb/search?q=matrice" },
  { method: "GET", route: "/api/v1/kb/report", needs: ["kb.report"], url: () => "/api/v1/kb/report" },
  {
    method: "GET",
    route: "/api/v1/tickets/{number}/kb-suggestions",
    needs: ["kb.read"],
    url: (f, who) => `/api/v1/tickets/${ticketOf(f, who)}/kb-suggestions`,
  },
  { method: "GET", route: "/api/v1/tickets", needs: ["tickets.read"], url: () => "/api/v1/tickets?view=all&status=new,open" },
  { method: "GET", route: "/api/v1/tickets/counts", needs: ["tickets.read"], url: () => "/api/v1/tickets/counts" },
  {
    method: "POST",
    route: "/api/v1/tickets",
    needs: ["tickets.create"],
    url: () => "/api/v1/tickets",
    body: (f, who, n) => ({ subject: `Matrix ${who} ${n}`, channel: "web", ...(who === "customer" ? {} : { customerId: f.customerId }) }),
  },
  { method: "GET", route: "/api/v1/tickets/{number}", needs: ["tickets.read"], url: (f, who) => `/api/v1/tickets/${ticketOf(f, who)}` },
  {
    method: "PATCH",
    route: "/api/v1/tickets/{number}",
    needs: ["tickets.update"],
    url: (f, who) => `/api/v1/tickets/${ticketOf(f, who)}`,
    body: () => ({ priority: "high" }),
  },
  { method: "GET", route: "/api/v1/tickets/{number}/messages", needs: ["tickets.read"], url: (f, who) => `/api/v1/tickets/${ticketOf(f, who)}/messages` },
  {
    method: "POST",
    route: "/api/v1/tickets/{number}/messages",
    needs: ["tickets.reply"],
    url: (f, who) => `/api/v1/tickets/${ticketOf(f, who)}/messages`,
    body: () => ({ kind: "customer", text: "Logged or written by the customer" }),
  },
  {
    method: "POST",
    route: "/api/v1/tickets/{number}/messages",
    needs: ["tickets.reply"],
    customerDenied: true,
    url: (f, who) => `/api/v1/tickets/${ticketOf(f, who)}/messages`,
    body: () => ({ kind: "reply", text: "A public reply" }),
  },
  {
    method: "POST",
    route: "/api/v1/tickets/{number}/messages",
    needs: ["tickets.note"],
    url: (f, who) => `/api/v1/tickets/${ticketOf(f, who)}/messages`,
    body: () => ({ kind: "note", text: "An internal note" }),
  },
  {
    method: "GET",
    route: "/api/v1/tickets/{number}/events",
    needs: ["tickets.read"],
    customerDenied: true,
    url: (f, who) => `/api/v1/tickets/${ticketOf(f, who)}/events`,
  },

  { method: "GET", route: "/api/v1/customers", needs: ["customers.read"], url: () => "/api/v1/customers" },
  {
    method: "POST",
    route: "/api/v1/customers",
    needs: ["customers.write"],
    url: () => "/api/v1/customers",
    body: (_f, who, n) => ({ name: `Matrix customer ${who} ${n}` }),
  },
  { method: "GET", route: "/api/v1/customers/{id}", needs: ["customers.read"], url: (f) => `/api/v1/customers/${f.customerId}` },
  {
    method: "PATCH",
    route: "/api/v1/customers/{id}",
    needs: ["customers.write"],
    url: (f) => `/api/v1/customers/${f.customerId}`,
    body: (_f, who) => ({ phone: `+32 ${who}` }),
  },
  {
    method: "GET",
    route: "/api/v1/customers/{id}/tickets",
    needs: ["customers.read", "tickets.read"],
    url: (f) => `/api/v1/customers/${f.customerId}/tickets`,
  },

  { method: "GET", route: "/api/v1/organizations", needs: ["organizations.read"], url: () => "/api/v1/organizations" },
  {
    method: "POST",
    route: "/api/v1/organizations",
    needs: ["organizations.write"],
    url: () => "/api/v1/organizations",
    body: (_f, who, n) => ({ name: `Matrix org ${who} ${n}` }),
  },
  { method: "GET", route: "/api/v1/organizations/{id}", needs: ["organizations.read"], url: (f) => `/api/v1/organizations/${f.organizationId}` },
  {
    method: "PATCH",
    route: "/api/v1/organizations/{id}",
    needs: ["organizations.write"],
    url: (f) => `/api/v1/organizations/${f.organizationId}`,
    body: () => ({ segment: "vip" }),
  },

  { method: "GET", route: "/api/v1/agents", needs: ["agents.read"], url: () => "/api/v1/agents" },
  {
    method: "POST",
    route: "/api/v1/agents",
    needs: ["agents.write"],
    url: () => "/api/v1/agents",
    body: (_f, who, n) => ({ name: `Matrix agent ${n}`, email: `matrix.${who}.${n}@example.org` }),
  },
  { method: "GET", route: "/api/v1/agents/{id}", needs: ["agents.read"], url: (f) => `/api/v1/agents/${f.agentId}` },
  {
    method: "PATCH",
    route: "/api/v1/agents/{id}",
    needs: ["agents.write"],
    url: (f) => `/api/v1/agents/${f.agentId}`,
    body: (_f, _who, n) => ({ capacity: n % 100 }),
  },
  { method: "POST", route: "/api/v1/agents/{id}/password", needs: ["agents.write"], url: (f) => `/api/v1/agents/${f.agentId}/password` },

  { method: "GET", route: "/api/v1/teams", needs: ["teams.read"], url: () => "/api/v1/teams" },
  { method: "POST", route: "/api/v1/teams", needs: ["teams.write"], url: () => "/api/v1/teams", body: (_f, who, n) => ({ name: `Matrix team ${who} ${n}` }) },
  { method: "GET", route: "/api/v1/teams/{id}", needs: ["teams.read"], url: (f) => `/api/v1/teams/${f.teamId}` },
  {
    method: "PATCH",
    route: "/api/v1/teams/{id}",
    needs: ["teams.write"],
    url: (f) => `/api/v1/teams/${f.teamId}`,
    body: (_f, who) => ({ email: `${who}@example.org` }),
  },
  { method: "GET", route: "/api/v1/teams/{id}/queue", needs: ["teams.read"], url: (f) => `/api/v1/teams/${f.teamId}/queue` },

  { method: "GET", route: "/api/v1/products", needs: ["products.read"], url: () => "/api/v1/products" },
  {
    method: "POST",
    route: "/api/v1/products",
    needs: ["products.write"],
    url: () => "/api/v1/products",
    body: (_f, who, n) => ({ name: "Matrix product", code: `M-${who}-${n}` }),
  },
  { method: "GET", route: "/api/v1/products/{id}", needs: ["products.read"], url: (f) => `/api/v1/products/${f.productId}` },
  {
    method: "PATCH",
    route: "/api/v1/products/{id}",
    needs: ["products.write"],
    url: (f) => `/api/v1/products/${f.productId}`,
    body: (_f, who) => ({ name: `Renamed by ${who}` }),
  },

  { method: "GET", route: "/api/v1/tags", needs: ["tags.read"], url: () => "/api/v1/tags" },
  { method: "POST", route: "/api/v1/tags", needs: ["tags.write"], url: () => "/api/v1/tags", body: (_f, who, n) => ({ name: `matrix-${who}-${n}` }) },

  { method: "GET", route: "/api/v1/tokens", needs: ["tokens.own"], url: () => "/api/v1/tokens" },
  { method: "POST", route: "/api/v1/tokens", needs: ["tokens.own"], url: () => "/api/v1/tokens", body: (_f, who) => ({ name: `matrix ${who}` }) },
  {
    method: "DELETE",
    route: "/api/v1/tokens/{id}",
    needs: ["tokens.own"],
    // A token of the caller's own (the owner of any other token would make it a 404).
    url: async (_f, who) => {
      const agentId = ROLES.includes(who as Role) ? api.agents[who as Role].id : api.agents.agent.id;
      const { id } = await createApiToken(api.db, { agentId, name: "to revoke", now: api.clock.now() });
      return `/api/v1/tokens/${id}`;
    },
  },
  { method: "GET", route: "/api/v1/security-events", needs: ["security.read"], url: () => "/api/v1/security-events" },

  { method: "GET", route: "/api/v1/notifications", needs: ["notifications.own"], url: () => "/api/v1/notifications?unread=true" },
  { method: "POST", route: "/api/v1/notifications/read", needs: ["notifications.own"], url: () => "/api/v1/notifications/read", body: () => ({ all: true }) },
  { method: "GET", route: "/api/v1/admin/outbox", needs: ["outbox.admin"], url: () => "/api/v1/admin/outbox?state=dead" },
  {
    method: "POST",
    route: "/api/v1/admin/outbox/{id}/replay",
    needs: ["outbox.admin"],
    // A dead row of its own per call: replaying a pending one would be a 409.
    url: async () => {
      const [row] = await api.db
        .insert(outbox)
        .values({ kind: "webhook", address: "http://127.0.0.1:9/", payload: {}, state: "dead", nextAttemptAt: api.clock.now(), createdAt: api.clock.now() })
        .returning();
      return `/api/v1/admin/outbox/${row?.id}/replay`;
    },
    body: () => ({}),
  },
  { method: "GET", route: "/api/v1/admin/mailbox", needs: ["outbox.admin"], url: () => "/api/v1/admin/mailbox" },
  { method: "GET", route: "/api/v1/admin/mailboxes", needs: ["outbox.admin"], url: () => "/api/v1/admin/mailboxes" },
  { method: "POST", route: "/api/v1/admin/mailboxes", needs: ["outbox.admin"], url: () => "/api/v1/admin/mailboxes", body: mailboxBody },
  { method: "POST", route: "/api/v1/admin/mailboxes/test", needs: ["outbox.admin"], url: () => "/api/v1/admin/mailboxes/test", body: mailboxBody },
  { method: "GET", route: "/api/v1/admin/mailboxes/{id}", needs: ["outbox.admin"], url: async (f) => `/api/v1/admin/mailboxes/${await aMailbox(f)}` },
  {
    method: "PUT",
    route: "/api/v1/admin/mailboxes/{id}",
    needs: ["outbox.admin"],
    url: async (f) => `/api/v1/admin/mailboxes/${await aMailbox(f)}`,
    body: mailboxBody,
  },
  { method: "DELETE", route: "/api/v1/admin/mailboxes/{id}", needs: ["outbox.admin"], url: async (f) => `/api/v1/admin/mailboxes/${await aMailbox(f)}` },
  { method: "GET", route: "/api/v1/admin/mail", needs: ["outbox.admin"], url: () => "/api/v1/admin/mail?outcome=error" },
  { method: "GET", route: "/api/v1/admin/mail/{id}/raw", needs: ["outbox.admin"], url: async () => `/api/v1/admin/mail/${await keptMail()}/raw` },
  {
    method: "POST",
    route: "/api/v1/admin/mail/{id}/reprocess",
    needs: ["outbox.admin"],
    // A message kept as error per call (without a sender, it is kept as error again).
    url: async () => `/api/v1/admin/mail/${await keptMail()}/reprocess`,
    body: () => ({}),
  },
  {
    method: "GET",
    route: "/api/v1/attachments/{id}",
    needs: ["tickets.read"],
    // A file on the caller's ticket: the customer's own, the staff's for everyone else.
    url: async (f, who) => {
      const [row] = await api.db
        .insert(attachments)
        .values({
          ticketNumber: ticketOf(f, who),
          filename: "note.txt",
          contentType: "text/plain",
          size: 2,
          sha256: "x",
          content: Buffer.from("ok"),
          createdAt: api.clock.now(),
        })
        .returning();
      return `/api/v1/attachments/${row?.id}`;
    },
  },

  { method: "GET", route: "/api/v1/calendars", needs: ["calendars.read"], url: () => "/api/v1/calendars" },
  {
    method: "POST",
    route: "/api/v1/calendars",
    needs: ["calendars.write"],
    url: () => "/api/v1/calendars",
    body: (_f, who, n) => ({ name: `Matrix calendar ${who} ${n}`, spec: MATRIX_CALENDAR }),
  },
  {
    method: "POST",
    route: "/api/v1/calendars/preview",
    needs: ["calendars.read"],
    url: () => "/api/v1/calendars/preview",
    body: () => ({ spec: MATRIX_CALENDAR, minutes: [60] }),
  },
  { method: "GET", route: "/api/v1/calendars/{id}", needs: ["calendars.read"], url: (f) => `/api/v1/calendars/${f.calendarId}` },
  {
    method: "PATCH",
    route: "/api/v1/calendars/{id}",
    needs: ["calendars.write"],
    url: (f) => `/api/v1/calendars/${f.calendarId}`,
    body: (_f, who) => ({ name: `Renamed by ${who}` }),
  },

  { method: "GET", route: "/api/v1/sla-policies", needs: ["sla.read"], url: () => "/api/v1/sla-policies" },
  {
    method: "POST",
    route: "/api/v1/sla-policies",
    needs: ["sla.write"],
    url: () => "/api/v1/sla-policies",
    body: (_f, who, n) => ({ name: `Matrix policy ${who} ${n}`, active: false }),
  },
  {
    method: "POST",
    route: "/api/v1/sla-policies/reorder",
    needs: ["sla.write"],
    url: () => "/api/v1/sla-policies/reorder",
    body: (f) => ({ ids: [f.policyId] }),
  },
  { method: "GET", route: "/api/v1/sla-policies/{id}", needs: ["sla.read"], url: (f) => `/api/v1/sla-policies/${f.policyId}` },
  {
    method: "PATCH",
    route: "/api/v1/sla-policies/{id}",
    needs: ["sla.write"],
    url: (f) => `/api/v1/sla-policies/${f.policyId}`,
    body: (_f, who, n) => ({ name: `Matrix policy renamed ${who} ${n}` }),
  },
  { method: "GET", route: "/api/v1/jobs", needs: ["sla.read"], url: () => "/api/v1/jobs?kind=recompute" },
  { method: "GET", route: "/api/v1/jobs/{id}", needs: ["sla.read"], url: (f) => `/api/v1/jobs/${f.jobId}` },

  { method: "GET", route: "/api/v1/rules", needs: ["rules.read"], url: () => "/api/v1/rules" },
  {
    method: "POST",
    route: "/api/v1/rules",
    needs: ["rules.write"],
    url: () => "/api/v1/rules",
    body: (_f, who, n) => ({ ...MATRIX_RULE, name: `Matrix rule ${who} ${n}` }),
  },
  {
    method: "POST",
    route: "/api/v1/rules/reorder",
    needs: ["rules.write"],
    url: async (f) => {
      f.ruleIds = (await listRules(api.db)).map((rule) => rule.id).reverse();
      return "/api/v1/rules/reorder";
    },
    body: (f) => ({ ids: f.ruleIds }),
  },
  { method: "POST", route: "/api/v1/rules/dry-run", needs: ["rules.read"], url: () => "/api/v1/rules/dry-run", body: () => ({ rule: MATRIX_RULE, limit: 5 }) },
  { method: "GET", route: "/api/v1/rules/{id}", needs: ["rules.read"], url: (f) => `/api/v1/rules/${f.ruleId}` },
  {
    method: "PATCH",
    route: "/api/v1/rules/{id}",
    needs: ["rules.write"],
    url: (f) => `/api/v1/rules/${f.ruleId}`,
    body: (_f, who, n) => ({ name: `Matrix rule renamed ${who} ${n}` }),
  },
  {
    method: "DELETE",
    route: "/api/v1/rules/{id}",
    needs: ["rules.write"],
    // A rule of its own for each caller, so that every allowed delete finds one.
    url: async (_f, who, n) => `/api/v1/rules/${(await insertRule(api.db, { ...MATRIX_RULE, name: `Matrix rule to delete ${who} ${n}` }, api.clock.now())).id}`,
  },
  { method: "GET", route: "/api/v1/settings/triage", needs: ["rules.read"], url: () => "/api/v1/settings/triage" },
  { method: "GET", route: "/api/v1/oncall-schedules", needs: ["oncall.read"], url: () => "/api/v1/oncall-schedules" },
  {
    method: "POST",
    route: "/api/v1/oncall-schedules",
    needs: ["oncall.write"],
    url: () => "/api/v1/oncall-schedules",
    body: (_f, who, n) => ({ name: `Matrix schedule ${who} ${n}`, timezone: "Europe/Brussels", layers: [] }),
  },
  { method: "GET", route: "/api/v1/oncall-schedules/{id}", needs: ["oncall.read"], url: (f) => `/api/v1/oncall-schedules/${f.scheduleId}` },
  {
    method: "PATCH",
    route: "/api/v1/oncall-schedules/{id}",
    needs: ["oncall.write"],
    url: (f) => `/api/v1/oncall-schedules/${f.scheduleId}`,
    body: (_f, who, n) => ({ name: `Matrix schedule renamed ${who} ${n}` }),
  },
  {
    method: "DELETE",
    route: "/api/v1/oncall-schedules/{id}",
    needs: ["oncall.write"],
    // A schedule of its own for each caller, so that every allowed delete finds one.
    url: async (_f, who, n) =>
      `/api/v1/oncall-schedules/${(await oncallScheduleStore.create(api.db, { name: `Matrix schedule to delete ${who} ${n}`, timezone: "UTC", layers: [], overrides: [] }, api.clock.now())).id}`,
  },
  { method: "GET", route: "/api/v1/oncall-schedules/{id}/now", needs: ["oncall.read"], url: (f) => `/api/v1/oncall-schedules/${f.scheduleId}/now` },
  { method: "GET", route: "/api/v1/oncall-schedules/{id}/shifts", needs: ["oncall.read"], url: (f) => `/api/v1/oncall-schedules/${f.scheduleId}/shifts` },
  {
    method: "PUT",
    route: "/api/v1/settings/triage",
    needs: ["rules.write"],
    url: () => "/api/v1/settings/triage",
    body: (_f, _who, n) => ({ threshold: (n % 10) / 10 }),
  },
  {
    method: "POST",
    route: "/api/v1/tickets/{number}/escalations",
    needs: ["escalations.write"],
    customerDenied: true,
    // A ticket of its own for each caller: a ticket holds one open escalation at a time.
    url: async (f, who) => `/api/v1/tickets/${who === "customer" ? f.ownTicket : await unescalatedTicket(f)}/escalations`,
    body: (f) => ({ kind: "functional", toTeamId: f.rolesTeamId, handoff: MATRIX_HANDOFF, reason: "Matrix" }),
  },
  {
    method: "POST",
    route: "/api/v1/tickets/{number}/take-over",
    needs: ["tickets.supervise"],
    customerDenied: true,
    // A ticket of its own for each caller: one already theirs cannot be taken over again.
    url: async (f, who) => `/api/v1/tickets/${who === "customer" ? f.ownTicket : await unescalatedTicket(f)}/take-over`,
    body: () => ({ reason: "Matrix" }),
  },
  {
    method: "POST",
    route: "/api/v1/tickets/{number}/escalations/preview",
    needs: ["escalations.write"],
    customerDenied: true,
    url: (f, who) => `/api/v1/tickets/${ticketOf(f, who)}/escalations/preview`,
    body: (f) => ({ kind: "functional", toTeamId: f.rolesTeamId, handoff: MATRIX_HANDOFF, reason: "Matrix" }),
  },
  {
    method: "GET",
    route: "/api/v1/tickets/{number}/escalations",
    needs: ["tickets.read"],
    customerDenied: true,
    url: (f, who) => `/api/v1/tickets/${ticketOf(f, who)}/escalations`,
  },
  {
    method: "POST",
    route: "/api/v1/escalations/{id}/accept",
    needs: ["escalations.write"],
    url: async (f) => `/api/v1/escalations/${await openEscalation(f)}/accept`,
    body: () => ({}),
  },
  {
    method: "POST",
    route: "/api/v1/escalations/{id}/bounce",
    needs: ["escalations.write"],
    url: async (f) => `/api/v1/escalations/${await openEscalation(f)}/bounce`,
    body: () => ({ reason: "Not for us" }),
  },
  {
    method: "POST",
    route: "/api/v1/tickets/{number}/approvals",
    needs: ["escalations.write"],
    customerDenied: true,
    url: (f, who) => `/api/v1/tickets/${ticketOf(f, who)}/approvals`,
    body: () => ({ kind: "goodwill", amountCents: 500, reason: "Matrix" }),
  },
  {
    method: "GET",
    route: "/api/v1/tickets/{number}/approvals",
    needs: ["tickets.read"],
    customerDenied: true,
    url: (f, who) => `/api/v1/tickets/${ticketOf(f, who)}/approvals`,
  },
  // A pending approval of its own for each caller, beyond every limit but a manager's: only the
  // roles without a limit decide (admin, manager), the roles holding sla.write.
  {
    method: "POST",
    route: "/api/v1/approvals/{id}/approve",
    needs: ["escalations.write", "sla.write"],
    url: async (f) => `/api/v1/approvals/${await pendingApproval(f)}/approve`,
    body: () => ({}),
  },
  {
    method: "POST",
    route: "/api/v1/approvals/{id}/decline",
    needs: ["escalations.write", "sla.write"],
    url: async (f) => `/api/v1/approvals/${await pendingApproval(f)}/decline`,
    body: () => ({ note: "No" }),
  },
  { method: "GET", route: "/api/v1/escalations", needs: ["tickets.read"], customerDenied: true, url: () => "/api/v1/escalations?status=open,bounced" },
  { method: "GET", route: "/api/v1/agents/{id}/escalations", needs: ["agents.read"], url: (f) => `/api/v1/agents/${f.agentId}/escalations` },
  { method: "GET", route: "/api/v1/escalations/by-agent", needs: ["agents.read"], url: (f) => `/api/v1/escalations/by-agent?agentIds=${f.agentId}` },
  { method: "GET", route: "/api/v1/settings/escalation", needs: ["tickets.read"], customerDenied: true, url: () => "/api/v1/settings/escalation" },
  {
    method: "PUT",
    route: "/api/v1/settings/escalation",
    needs: ["teams.write"],
    url: () => "/api/v1/settings/escalation",
    body: (_f, _who, n) => ({ reminderHours: 1 + (n % 10) }),
  },
  {
    method: "GET",
    route: "/api/v1/tickets/{number}/journey",
    needs: ["tickets.read"],
    customerDenied: true,
    url: (f, who) => `/api/v1/tickets/${ticketOf(f, who)}/journey`,
  },
  {
    method: "GET",
    route: "/api/v1/selfcare/stats",
    needs: ["selfcare.report"],
    url: () => "/api/v1/selfcare/stats?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z",
  },
  {
    method: "GET",
    route: "/api/v1/tickets/{number}/clocks",
    needs: ["tickets.read"],
    customerDenied: true,
    url: (f, who) => `/api/v1/tickets/${ticketOf(f, who)}/clocks`,
  },
];

/**
 * Routes any caller may reach, or whose rules are not the matrix's: tested in src/api/auth; and
 * the notification stream, which never ends (its 401 and 403 are tested in src/api/routes/notifications).
 */
const OUTSIDE_THE_MATRIX = [
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/logout",
  "GET /api/v1/auth/me",
  // One's own language and time zone: any signed-in caller (tested in src/api/auth/profileRoutes.test.ts).
  "PATCH /api/v1/auth/me",
  "GET /api/v1/auth/session",
  "GET /api/v1/notifications/stream",
  // The server's clock: any caller reads it; only an admin moves a manual one (tested in src/api/routes/testClock).
  "GET /api/v1/test/clock",
  "POST /api/v1/test/clock",
  // The published knowledge base: anyone, signed in or not (tested in src/api/routes/kb/public.test.ts).
  "GET /api/v1/public/kb/search",
  "GET /api/v1/public/kb/suggest",
  "GET /api/v1/public/kb/articles/{slug}",
  "GET /api/v1/public/kb/attachments/{id}",
  // Articles' files, sent as raw bytes: kb.write to attach or remove, kb.read to download (src/api/routes/kb/attachments.test.ts).
  "POST /api/v1/kb/articles/{id}/versions/{language}/attachments",
  "DELETE /api/v1/kb/articles/{id}/attachments/{attachmentId}",
  "GET /api/v1/kb/attachments/{id}",
  // The self-care widget's API: anyone, signed in or not (tested in src/api/public/selfcare.test.ts).
  "GET /api/v1/public/widget/config",
  "POST /api/v1/public/selfcare/journey",
  "POST /api/v1/public/selfcare/requests",
  // A social network's webhook: anonymous, authenticated by its signature (src/api/routes/social/webhook.test.ts).
  "POST /api/v1/channels/social/{network}",
  // Social and phone: their roles are tested in src/api/routes/social/webhook.test.ts and src/api/routes/phone/calls.test.ts.
  "GET /api/v1/social/networks",
  "PUT /api/v1/social/networks/{network}",
  "GET /api/v1/social/posts",
  "GET /api/v1/social/posts/{id}/history",
  "POST /api/v1/social/posts/{id}/escalate",
  "POST /api/v1/social/incidents/{id}/close",
  "GET /api/v1/tickets/{number}/social",
  "POST /api/v1/tickets/{number}/calls",
  "GET /api/v1/tickets/{number}/calls",
  "POST /api/v1/calls",
  // Guided procedures: their roles are tested in src/api/routes/procedures/procedures.test.ts.
  "GET /api/v1/procedures",
  "POST /api/v1/procedures",
  "GET /api/v1/procedures/{id}",
  "PUT /api/v1/procedures/{id}",
  "DELETE /api/v1/procedures/{id}",
  "GET /api/v1/tickets/{number}/procedures",
  "PUT /api/v1/tickets/{number}/procedures/{id}",
];

/** What `who` should get: 2xx, or the status of the denial. */
function expected(endpoint: Endpoint, who: Who): "2xx" | 401 | 403 {
  if (who === "anonymous") return 401;
  if (who === "customer") {
    const principal = { kind: "customer" as const, id: "" };
    return endpoint.needs.every((p) => can(principal, p)) && !endpoint.customerDenied ? "2xx" : 403;
  }
  const principal = { kind: "agent" as const, id: "", role: who, teamId: null };
  return endpoint.needs.every((p) => can(principal, p)) ? "2xx" : 403;
}

// Who may call what is decided before the store is reached, identically on both (both are
// PostgreSQL): the matrix runs once, on PostgreSQL when the run has it, the store suites cover both.
describeStore(
  "authorization matrix",
  (get) => {
    const fixtures = {} as Fixtures;
    let customer: CustomerSession;
    let n = 0;

    beforeAll(async () => {
      api = await openApi(get());
      const now = api.clock.now();
      const db = api.db;
      customer = await api.signInCustomer("Matrix Customer", "matrix.customer@example.org");
      fixtures.customerId = (await buildCustomer(db, { now })).id;
      fixtures.staffTicket = (await buildTicket(db, { now, actor: { type: "system" }, customerId: fixtures.customerId, message: null })).ticket.number;
      fixtures.ownTicket = (
        await buildTicket(db, { now, actor: { type: "system" }, channel: "web", customerId: customer.customerId, message: null })
      ).ticket.number;
      fixtures.organizationId = (await buildOrganization(db, { now })).id;
      fixtures.agentId = (await buildAgent(db, { now })).id;
      fixtures.teamId = (await buildTeam(db, { now })).id;
      fixtures.productId = (await buildProduct(db, { now })).id;
      fixtures.calendarId = (await buildCalendar(db, { spec: MATRIX_CALENDAR, now })).id;
      fixtures.policyId = (await buildPolicy(db, { active: false, calendarId: null, targets: {}, pauseStatuses: [], matrix: { steps: [] }, now })).id;
      fixtures.jobId = (await queueRecompute(db, "matrix", now)).id;
      fixtures.ruleId = (await insertRule(db, MATRIX_RULE, now)).id;
      fixtures.scheduleId = (await oncallScheduleStore.create(db, { name: "Matrix schedule", timezone: "Europe/Brussels", layers: [], overrides: [] }, now)).id;
      fixtures.rolesTeamId = api.teamId;
    });
    afterAll(() => api.close());

    it("has a row for every route under /api/v1", () => {
      const covered = new Set([...ENDPOINTS.map((e) => `${e.method} ${e.route}`), ...OUTSIDE_THE_MATRIX]);
      const registered = registeredRoutes(api.app)
        .filter((r) => r.path.startsWith("/api/v1/"))
        .map((r) => `${r.method} ${r.path}`);
      expect(registered.filter((r) => !covered.has(r))).toEqual([]);
      expect([...covered].filter((c) => !registered.includes(c))).toEqual([]);
    });

    const callers: Who[] = [...ROLES, "customer", "anonymous"];
    for (const endpoint of ENDPOINTS) {
      const label = `${endpoint.method} ${endpoint.route}${endpoint.body ? ` ${JSON.stringify(endpoint.body({} as Fixtures, "admin", 0)).slice(0, 40)}` : ""}`;
      describe(label, () => {
        it.each(callers)("as %s", async (who) => {
          const caller: Caller = who === "customer" ? customer : who;
          n++;
          const url = await endpoint.url(fixtures, who, n);
          const answer = await api.call<{ error?: { code: string } }>(
            caller,
            endpoint.method,
            url,
            endpoint.body ? { body: endpoint.body(fixtures, who, n) } : {},
          );
          const want = expected(endpoint, who);
          const detail = `${who} ${endpoint.method} ${url} → ${answer.status} ${String(JSON.stringify(answer.json)).slice(0, 200)}`;
          if (want === "2xx") expect(answer.status >= 200 && answer.status < 300, detail).toBe(true);
          else {
            expect(answer.status, detail).toBe(want);
            expect(answer.json.error?.code, detail).toBe(want === 401 ? "unauthorized" : "forbidden");
          }
        });
      });
    }
  },
  { once: true },
);
