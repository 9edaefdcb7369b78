// The store's foundations on both backends: migrations, accent folding, the text-search
// languages, re-running migrate(); and, on PostgreSQL, concurrent migrators and dropped connections.
import { getTableName, is, sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { backends, createPostgresDatabase, describeStore, selectRows } from "../../test/support/testDatabase.js";
import { type Database, MIGRATIONS_DIR, openDatabase, redact } from "./database.js";
import * as schema from "./schema.js";

const TABLES = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table))
  .sort();
const MIGRATIONS = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });

const publicTables = async (database: Database) =>
  (await selectRows<{ name: string }>(database, sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`)).map(
    (row) => row.name,
  );

const appliedMigrations = (database: Database) =>
  selectRows<{ hash: string; created_at: string }>(database, sql`select hash, created_at::text from drizzle.__drizzle_migrations order by id`);

/** Whether `query`, in `config`, matches `text`, both accent-folded as the search does. */
async function matches(database: Database, config: string, text: string, query: string): Promise<boolean> {
  const [row] = await selectRows<{ hit: boolean }>(
    database,
    sql`select to_tsvector(${config}::regconfig, unaccent(${text})) @@ websearch_to_tsquery(${config}::regconfig, unaccent(${query})) as hit`,
  );
  return row!.hit;
}

describeStore("database", (db, kind) => {
  it("opens the backend it was asked for", () => {
    expect(db().kind).toBe(kind);
  });

  it("has every table of the schema, from every migration", async () => {
    expect(TABLES).toContain("tickets");
    expect(await publicTables(db())).toEqual(TABLES);
    expect((await appliedMigrations(db())).map((m) => m.hash)).toEqual(MIGRATIONS.map((m) => m.hash));
  });

  it("folds accents with unaccent", async () => {
    const [row] = await selectRows<{ folded: string }>(db(), sql`select unaccent(${"Élève à Noël, façade, Straße"}) as folded`);
    expect(row!.folded).toBe("Eleve a Noel, facade, Strasse");
  });

  it.each([
    ["french", "Les factures sont arrivées en retard", "facturé", true],
    ["french", "Les factures sont arrivées en retard", "arrivee retards", true],
    ["french", "Les factures sont arrivées en retard", "remboursement", false],
    ["dutch", "De klanten wachten op hun facturen", "klant factuur", true],
    ["dutch", "De klanten wachten op hun facturen", "levering", false],
    ["english", "The invoices were running late", "invoice run", true],
    ["english", "The invoices were running late", "refund", false],
  ] as const)("stems %s: %j matches %j: %s", async (config, text, query, expected) => {
    expect(await matches(db(), config, text, query)).toBe(expected);
  });

  it("keeps the three languages' stemmers apart", async () => {
    const [row] = await selectRows<{ fr: string; nl: string; en: string }>(
      db(),
      sql`select to_tsvector('french', 'factures')::text as fr, to_tsvector('dutch', 'fietsen')::text as nl, to_tsvector('english', 'running')::text as en`,
    );
    expect(row).toEqual({ fr: "'factur':1", nl: "'fiets':1", en: "'run':1" });
  });

  it("migrates again as a no-op", async () => {
    const before = await appliedMigrations(db());
    await db().db.execute(sql`insert into tags (name, created_at) values ('kept-across-migrate', now())`);
    await db().migrate();
    await db().migrate();
    expect(await appliedMigrations(db())).toEqual(before);
    expect(await publicTables(db())).toEqual(TABLES);
    const kept = await selectRows<{ name: string }>(db(), sql`select name from tags where name = 'kept-across-migrate'`);
    expect(kept).toHaveLength(1);
  });
});

describe.runIf(backends().includes("postgres"))("database on PostgreSQL only", () => {
  it("lets two processes migrate a fresh database at once", async () => {
    const fresh = await createPostgresDatabase("template0");
    const opened: Database[] = [];
    try {
      opened.push(await openDatabase({ url: fresh.url }), await openDatabase({ url: fresh.url }));
      await Promise.all(opened.map((database) => database.migrate()));
      for (const database of opened) {
        expect(await publicTables(database)).toEqual(TABLES);
        expect(await appliedMigrations(database)).toHaveLength(MIGRATIONS.length);
      }
    } finally {
      for (const database of opened) await database.close();
      await fresh.drop();
    }
  });

  it("survives the server dropping its idle connections", async () => {
    const scratch = await createPostgresDatabase();
    const database = await openDatabase({ url: scratch.url });
    try {
      await database.db.execute(sql`select 1`); // leaves an idle client in the pool
      const killer = await openDatabase({ url: scratch.url, poolSize: 1 });
      await killer.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${scratch.name} and pid <> pg_backend_pid()`);
      await killer.close();
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the pool see the loss
      const [row] = await selectRows<{ one: number }>(database, sql`select 1::int as one`);
      expect(row!.one).toBe(1);
    } finally {
      await database.close();
      await scratch.drop();
    }
  });

  it("names the server without its password when it cannot connect", async () => {
    const url = "postgres://palier:secret@127.0.0.1:1/nowhere";
    await expect(openDatabase({ url })).rejects.toThrow(`cannot connect to PostgreSQL at ${redact(url)}`);
    expect(redact(url)).not.toContain("secret");
  });
});
