// Test data built through the product's own operations (the entity stores the API routes call,
// the ticket and policy commands), each factory creating whatever parent it is not given:
//
//   const { ticket } = await buildTicket(db, { priority: "high", with: ["team", "assignee"] });
//
// Names and e-mails carry a counter rather than random text, so a failing test reproduces.

import { createPolicy } from "../../src/commands/sla/policies.js";
import { SYSTEM } from "../../src/commands/sla/syncClocks.js";
import { type CreateTicketProps, createTicket } from "../../src/commands/tickets/createTicket.js";
import type { NewMessage } from "../../src/commands/tickets/messageEffects.js";
import { inWork, type Work } from "../../src/commands/work.js";
import { BusinessCalendar, type CalendarSpec } from "../../src/core/calendar/index.js";
import type { MatrixStep } from "../../src/core/sla/policy.js";
import type { Ticket } from "../../src/core/ticket/ticketRecord.js";
import type { Db } from "../../src/store/database.js";
import {
  type Agent,
  agentStore,
  calendarStore,
  type Customer,
  customerStore,
  type Organization,
  organizationStore,
  type Product,
  productStore,
  type Team,
  teamStore,
} from "../../src/store/entities.js";
import type { Actor } from "../../src/core/events/actor.js";
import type { calendars } from "../../src/store/schema.js";
import type { PolicyFields, SlaPolicyRow } from "../../src/store/sla/policyRows.js";
import type { Message } from "../../src/store/tickets/messageRows.js";

/** Where a factory writes: a unit of work (its transaction, instant and actor), or a database. */
export type On = Work | Db;

/** When a factory writes on a database: the instant its rows carry (default FACTORY_NOW). */
interface At {
  now?: Date;
}

/** The instant of rows built on a database without a `now`: a Monday, 10:00 in Paris. */
export const FACTORY_NOW = new Date("2026-11-23T09:00:00Z");

/** Monday to Friday 09:00–18:00 in Paris, Easter Monday 2026 off; 2026-03-29 is the spring DST change. */
export const PARIS_OFFICE: CalendarSpec = {
  timezone: "Europe/Paris",
  hours: { mon: [["09:00", "18:00"]], tue: [["09:00", "18:00"]], wed: [["09:00", "18:00"]], thu: [["09:00", "18:00"]], fri: [["09:00", "18:00"]] },
  holidays: ["2026-04-06"],
};

/** A reminder 30 business minutes before the deadline, then levels at breach, +1 h, +2 h, +4 h. */
export const STANDARD_MATRIX: MatrixStep[] = [
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
    actions: [{ type: "raise_priority" }],
  },
];

let counter = 0;
/** The next number of this test file: names and e-mails built with it never collide. */
const next = () => ++counter;

const isWork = (on: On): on is Work => "tx" in on && "clocks" in on;
const dbOf = (on: On): Db => (isWork(on) ? on.tx : on);
const nowOf = (on: On, at: At): Date => (isWork(on) ? on.now : (at.now ?? FACTORY_NOW));

/** Runs a command in the unit of work given, or in one of its own on the database given. */
function run<T>(on: On, context: { now: Date; actor: Actor }, command: (work: Work) => Promise<T>): Promise<T> {
  return isWork(on) ? command(on) : inWork(on, context, command);
}

type Values<S> = S extends { create(db: Db, values: infer V, now: Date): Promise<unknown> } ? V : never;

/** An organization named "Organization N" in the standard segment. */
export function buildOrganization(on: On, overrides: Partial<Values<typeof organizationStore>> & At = {}): Promise<Organization> {
  const { now, ...values } = overrides;
  return organizationStore.create(dbOf(on), { name: `Organization ${next()}`, ...values }, nowOf(on, { now }));
}

export type CustomerOverrides = Partial<Values<typeof customerStore>> &
  At & {
    /** Builds an organization for the customer when no `organizationId` is given. */
    with?: readonly "organization"[];
  };

/** A customer "Customer N" <customer.N@example.test>, in a new organization when asked. */
export async function buildCustomer(on: On, overrides: CustomerOverrides = {}): Promise<Customer> {
  const { now, with: parents = [], ...values } = overrides;
  const n = next();
  const organizationId = values.organizationId ?? (parents.includes("organization") ? (await buildOrganization(on, { now })).id : undefined);
  return customerStore.create(dbOf(on), { name: `Customer ${n}`, email: `customer.${n}@example.test`, ...values, organizationId }, nowOf(on, { now }));
}

/** A team "Team N" (on no calendar of its own unless given). */
export function buildTeam(on: On, overrides: Partial<Values<typeof teamStore>> & At = {}): Promise<Team> {
  const { now, ...values } = overrides;
  return teamStore.create(dbOf(on), { name: `Team ${next()}`, ...values }, nowOf(on, { now }));
}

export type AgentOverrides = Partial<Values<typeof agentStore>> &
  At & {
    /** Builds a team for the agent when no `teamId` is given. */
    with?: readonly "team"[];
  };

/** An agent "Agent N" <agent.N@example.test> with the role `agent`, on a new team when asked. */
export async function buildAgent(on: On, overrides: AgentOverrides = {}): Promise<Agent> {
  const { now, with: parents = [], ...values } = overrides;
  const n = next();
  const teamId = values.teamId ?? (parents.includes("team") ? (await buildTeam(on, { now })).id : undefined);
  return agentStore.create(dbOf(on), { name: `Agent ${n}`, email: `agent.${n}@example.test`, ...values, teamId }, nowOf(on, { now }));
}

/** A product "Product N" with the code `product-N`. */
export function buildProduct(on: On, overrides: Partial<Values<typeof productStore>> & At = {}): Promise<Product> {
  const { now, ...values } = overrides;
  const n = next();
  return productStore.create(dbOf(on), { name: `Product ${n}`, code: `product-${n}`, ...values }, nowOf(on, { now }));
}

export type Calendar = typeof calendars.$inferSelect;

/** A calendar "Calendar N", Paris office hours unless a spec is given (validated as the API does). */
export function buildCalendar(on: On, overrides: { name?: string; spec?: CalendarSpec } & At = {}): Promise<Calendar> {
  const { now, name = `Calendar ${next()}`, spec = PARIS_OFFICE } = overrides;
  BusinessCalendar.fromSpec(spec);
  return calendarStore.create(dbOf(on), { name, spec }, nowOf(on, { now }));
}

/** Targets in minutes at normal and high priority. */
export const STANDARD_TARGETS: PolicyFields["targets"] = {
  normal: { first_response: 120, next_response: 240, resolution: 960 },
  high: { first_response: 60, next_response: 120, resolution: 480 },
};

/**
 * A policy "Policy N" through the createPolicy command: active, not the default, matching every
 * ticket, with STANDARD_TARGETS and STANDARD_MATRIX, on a new Paris office calendar unless a
 * `calendarId` is given (`null`: the wall clock). Being active, it queues a recompute job.
 */
export async function buildPolicy(on: On, overrides: Partial<PolicyFields> & At = {}): Promise<SlaPolicyRow> {
  const { now, ...fields } = overrides;
  const at = nowOf(on, { now });
  const calendarId = fields.calendarId === undefined ? (await buildCalendar(on, { now })).id : fields.calendarId;
  const policy: PolicyFields = {
    name: `Policy ${next()}`,
    active: true,
    isDefault: false,
    conditions: {},
    targets: STANDARD_TARGETS,
    pauseStatuses: ["pending", "on_hold"],
    noteCountsAsResponse: false,
    matrix: { steps: STANDARD_MATRIX },
    ...fields,
    calendarId,
  };
  return (await run(on, { now: at, actor: SYSTEM }, (work) => createPolicy(work, { fields: policy }))).result;
}

export type TicketOverrides = Partial<Omit<CreateTicketProps, "message">> &
  At & {
    /** The first message; `null` for none. Default: a customer's "Bonjour". */
    message?: NewMessage | null;
    /** Who creates it on a database (default: its customer); a unit of work brings its own. */
    actor?: Actor;
    /** Parents to build when their id is not given: a team, an assignee (on the ticket's team), a product. */
    with?: readonly ("team" | "assignee" | "product")[];
  };

/**
 * A ticket "Ticket N" by e-mail through the createTicket command, with a first message unless
 * `message: null`; builds its customer unless `customerId` is given, and its team, assignee
 * and product when asked in `with`.
 */
export async function buildTicket(on: On, overrides: TicketOverrides = {}): Promise<{ ticket: Ticket; message?: Message }> {
  const { now, actor, with: parents = [], message = { text: "Bonjour" }, ...props } = overrides;
  const at = nowOf(on, { now });
  const subject = props.subject ?? `Ticket ${next()}`;
  const customerId = props.customerId ?? (await buildCustomer(on, { now })).id;
  const teamId = props.teamId ?? (parents.includes("team") ? (await buildTeam(on, { now })).id : undefined);
  const assigneeId = props.assigneeId ?? (parents.includes("assignee") ? (await buildAgent(on, { now, teamId })).id : undefined);
  const productId = props.productId ?? (parents.includes("product") ? (await buildProduct(on, { now })).id : undefined);
  const ticket: CreateTicketProps = { channel: "email", ...props, subject, customerId, teamId, assigneeId, productId, ...(message ? { message } : {}) };
  return run(on, { now: at, actor: actor ?? { type: "customer", id: customerId } }, (work) => createTicket(work, ticket));
}
