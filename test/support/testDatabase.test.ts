// A PGlite database a file has dropped is handed to the worker's next file emptied, as
// migrated; one whose schema a file changed is closed instead.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR as SYSTEM } from "../../src/core/events/actor.js";
import { createTicket } from "./commandsOnDb.js";
import { buildCustomer, FACTORY_NOW } from "./factories.js";
import { openTestDatabase, selectRows, userSequences, userTables } from "./testDatabase.js";

const count = async (database: Awaited<ReturnType<typeof openTestDatabase>>["database"], table: string) =>
  (await selectRows<{ n: number }>(database, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n;

/** Every table's rows and every sequence's value, as text. */
async function state(database: Awaited<ReturnType<typeof openTestDatabase>>["database"]): Promise<string> {
  const parts: string[] = [];
  for (const name of await userTables(database)) {
    const [rows] = await selectRows<{ json: string | null }>(database, sql.raw(`select json_agg(t order by t::text)::text as json from ${name} t`));
    parts.push(`${name}: ${rows?.json ?? "[]"}`);
  }
  const sequences = await userSequences(database);
  return [...parts, ...sequences.map((q) => `${q.name} = ${q.value}`)].join("\n");
}

describe("the test databases on PGlite", () => {
  it("come back as migrated (rows, sequences, settings) once a file has dropped one", async () => {
    const first = await openTestDatabase("pglite");
    const before = await state(first.database);
    const customer = await buildCustomer(first.database.db);
    const ticket = await createTicket(first.database.db, {
      subject: "Facture en double",
      customerId: customer.id,
      channel: "email",
      now: FACTORY_NOW,
      actor: SYSTEM,
    });
    await first.database.db.execute(sql`set timezone = 'Asia/Tokyo'`);
    await first.database.db.execute(sql`update kb_vocabulary set generation = 42`); // a row the migrations wrote
    expect(await count(first.database, "tickets")).toBe(1);
    await first.drop();

    const second = await openTestDatabase("pglite");
    try {
      expect(second.database).toBe(first.database); // the same instance, reused
      expect(await state(second.database)).toBe(before);
      expect(await count(second.database, "tickets")).toBe(0);
      expect(await count(second.database, "customers")).toBe(0);
      expect(await count(second.database, "ticket_events")).toBe(0);
      const again = await createTicket(second.database.db, {
        subject: "Encore",
        customerId: (await buildCustomer(second.database.db)).id,
        channel: "email",
        now: FACTORY_NOW,
        actor: SYSTEM,
      });
      expect(again.ticket.number).toBe(ticket.ticket.number);
      const [zone] = await selectRows<{ zone: string }>(second.database, sql`select current_setting('timezone') as zone`);
      expect(zone?.zone).not.toBe("Asia/Tokyo");
    } finally {
      await second.drop();
    }
  });

  it("are closed, not reused, when a file changed their schema", async () => {
    const first = await openTestDatabase("pglite");
    await first.database.db.execute(sql`create table scratch_rows (id int)`);
    await first.drop();
    expect(first.database.pglite?.closed).toBe(true);
    const second = await openTestDatabase("pglite");
    try {
      expect(second.database).not.toBe(first.database);
      expect(await selectRows(second.database, sql`select 1 from pg_tables where tablename = 'scratch_rows'`)).toEqual([]);
    } finally {
      await second.drop();
    }
  });
});
