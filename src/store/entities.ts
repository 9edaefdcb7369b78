// Create, read, update and list for the helpdesk's simple entities (organizations, customers,
// agents, teams, products, calendars): one generic store, versioned, with errors naming fields.

import { and, asc, eq, getTableColumns, gt, ilike, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./database.js";
import { DuplicateError, InvalidReferenceError, NotFoundError, VersionConflictError } from "./errors.js";
import { pgErrorOf } from "./pgError.js";
import { agents, calendars, customers, oncallSchedules, organizations, products, teams } from "./schema.js";

type Versioned = PgTable & { id: PgColumn; version: PgColumn; createdAt: PgColumn; updatedAt: PgColumn; name: PgColumn };

export interface EntityPage<Row> {
  items: Row[];
  nextCursor: string | null;
}

export interface ListProps {
  limit?: number;
  cursor?: string;
  /** Case-insensitive match on the name (and e-mail where there is one). */
  q?: string;
  /** Column equality filters, e.g. `{ teamId: "…" }`. */
  where?: Record<string, unknown>;
}

/** The store of one entity; `Row` is its selected row, `Insert` its insertable shape. */
export interface EntityStore<Row, Insert> {
  readonly name: string;
  create(db: Db, values: Omit<Insert, "createdAt" | "updatedAt" | "version">, now: Date): Promise<Row>;
  get(db: Db, id: string): Promise<Row | undefined>;
  /** Throws NotFoundError, or VersionConflictError when `expectedVersion` is stale. */
  update(db: Db, id: string, changes: Partial<Insert>, now: Date, expectedVersion?: number): Promise<Row>;
  list(db: Db, props?: ListProps): Promise<EntityPage<Row>>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function entityStore<T extends Versioned>(table: T, name: string, fieldOf: Record<string, string>): EntityStore<T["$inferSelect"], T["$inferInsert"]> {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const emailColumn = columns.email;
  const translate = (error: unknown): never => {
    const pg = pgErrorOf(error);
    const field = pg?.constraint ? fieldOf[pg.constraint] : undefined;
    if (pg?.code === "23505") throw new DuplicateError(field ?? "name", "is already taken");
    if (pg?.code === "23503") throw new InvalidReferenceError(field ?? "id", "refers to something that does not exist");
    if (pg?.code === "23514") throw new InvalidReferenceError(field ?? "value", "is not an allowed value");
    throw error;
  };
  return {
    name,
    async create(db, values, now) {
      try {
        const [row] = await db
          .insert(table)
          .values({ ...values, createdAt: now, updatedAt: now } as T["$inferInsert"])
          .returning();
        return row as T["$inferSelect"];
      } catch (error) {
        return translate(error);
      }
    },
    async get(db, id) {
      if (!UUID.test(id)) return undefined;
      const [row] = await db
        .select()
        .from(table as PgTable)
        .where(eq(table.id, id));
      return row as T["$inferSelect"] | undefined;
    },
    async update(db, id, changes, now, expectedVersion) {
      if (!UUID.test(id)) throw new NotFoundError(name, id);
      try {
        return await db.transaction(async (tx) => {
          const found = (await tx
            .select({ version: table.version })
            .from(table as PgTable)
            .where(eq(table.id, id))
            .for("update")) as { version: unknown }[];
          const current = found[0];
          if (!current) throw new NotFoundError(name, id);
          const version = current.version as number;
          if (expectedVersion !== undefined && expectedVersion !== version) throw new VersionConflictError(name, id, expectedVersion, version);
          const { id: _id, createdAt: _c, version: _v, ...rest } = changes as Record<string, unknown>;
          const updated = (await tx
            .update(table)
            .set({ ...rest, updatedAt: now, version: sql`${table.version} + 1` } as Partial<T["$inferInsert"]>)
            .where(eq(table.id, id))
            .returning()) as T["$inferSelect"][];
          return updated[0] as T["$inferSelect"];
        });
      } catch (error) {
        if (error instanceof NotFoundError || error instanceof VersionConflictError) throw error;
        return translate(error);
      }
    },
    async list(db, props = {}) {
      const limit = Math.min(Math.max(props.limit ?? 50, 1), 200);
      const conditions: SQL[] = [];
      for (const [key, value] of Object.entries(props.where ?? {})) {
        const column = columns[key];
        if (column && value !== undefined) conditions.push(eq(column, value));
      }
      if (props.q?.trim()) {
        const pattern = `%${props.q.trim().replace(/[%_\\]/g, "\\$&")}%`;
        const match = emailColumn ? or(ilike(table.name, pattern), ilike(emailColumn, pattern)) : ilike(table.name, pattern);
        if (match) conditions.push(match);
      }
      if (props.cursor) {
        const [cursorName, cursorId] = decode(props.cursor);
        const after = or(gt(table.name, cursorName), and(eq(table.name, cursorName), gt(table.id, cursorId)));
        if (after) conditions.push(after);
      }
      const rows = (await db
        .select()
        .from(table as PgTable)
        .where(and(...conditions))
        .orderBy(asc(table.name), asc(table.id))
        .limit(limit + 1)) as T["$inferSelect"][];
      const items = rows.slice(0, limit);
      const last = items[items.length - 1] as Record<string, unknown> | undefined;
      return { items, nextCursor: rows.length > limit && last ? encode(String(last.name), String(last.id)) : null };
    },
  };
}

function encode(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString("base64url");
}

function decode(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    // PostgreSQL text cannot hold U+0000: a forged cursor carrying one is refused here.
    if (Array.isArray(parsed) && typeof parsed[0] === "string" && !parsed[0].includes("\u0000") && typeof parsed[1] === "string" && UUID.test(parsed[1]))
      return [parsed[0], parsed[1]];
  } catch {
    // fall through
  }
  throw new InvalidReferenceError("cursor", "is not a cursor from a previous page");
}

/** The customer whose e-mail address is `email` (compared without case), or undefined. */
export async function customerByEmail(db: Db, email: string): Promise<typeof customers.$inferSelect | undefined> {
  const [row] = await db
    .select()
    .from(customers)
    .where(sql`lower(${customers.email}) = lower(${email})`)
    .limit(1);
  return row;
}

export const organizationStore = entityStore(organizations, "organization", { organizations_name_key: "name" });
export const customerStore = entityStore(customers, "customer", {
  customers_email_key: "email",
  customers_organization_id_organizations_id_fk: "organizationId",
});
export const agentStore = entityStore(agents, "agent", {
  agents_email_key: "email",
  agents_team_id_teams_id_fk: "teamId",
  agents_manager_id_agents_id_fk: "managerId",
  agents_calendar_id_calendars_id_fk: "calendarId",
  agents_role_check: "role",
});
export const teamStore = entityStore(teams, "team", {
  teams_name_key: "name",
  teams_lead_id_agents_id_fk: "leadId",
  teams_calendar_id_calendars_id_fk: "calendarId",
  teams_on_call_schedule_id_oncall_schedules_id_fk: "onCallScheduleId",
  teams_assignment_check: "assignment",
  teams_tier_check: "tier",
});
export const productStore = entityStore(products, "product", { products_code_key: "code" });
export const calendarStore = entityStore(calendars, "calendar", {});
export const oncallScheduleStore = entityStore(oncallSchedules, "on-call schedule", { oncall_schedules_name_key: "name" });

export type Organization = typeof organizations.$inferSelect;
export type Customer = typeof customers.$inferSelect;
export type Agent = typeof agents.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type Product = typeof products.$inferSelect;
