// The checks every simple resource passes through the API (create, read with an ETag, list
// with search and pages, conditional update, bad ids), run by each resource's test file.

import { expect, it } from "vitest";
import type { Role } from "../../src/core/access/permissions.js";
import type { ApiHarness, ErrorJson } from "./harness.js";

interface Row {
  id: string;
  name: string;
  version: number;
  updatedAt: string;
  [field: string]: unknown;
}

interface Page {
  items: Row[];
  nextCursor: string | null;
}

export interface EntityCase {
  /** e.g. `/api/v1/customers`. */
  path: string;
  /** A role that may write, and one that may only read. */
  writer: Role;
  reader: Role;
  /** A valid creation body whose name is `name`. */
  create(name: string, n: number): Record<string, unknown>;
  /** A valid change (other than the name). */
  change: Record<string, unknown>;
}

/** Registers the shared tests; `api()` is the open harness. */
export function entityChecks(api: () => ApiHarness, c: EntityCase): void {
  const create = async (name: string, n: number) => {
    const created = await api().call<Row>(c.writer, "POST", c.path, { body: c.create(name, n) });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    return created;
  };

  it("creates, then reads back with an ETag; unknown and malformed ids are 404 and 400", async () => {
    const created = await create("Échelle créée", 1);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json).toMatchObject({ name: "Échelle créée", version: 1, createdAt: api().clock.now().toISOString() });
    expect(Object.keys(created.json)).not.toContain("passwordHash");
    const read = await api().call<Row>(c.reader, "GET", `${c.path}/${created.json.id}`);
    expect(read.status).toBe(200);
    expect(read.json).toEqual(created.json);
    expect(read.headers.etag).toBe('"1"');
    expect((await api().call<ErrorJson>(c.reader, "GET", `${c.path}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const malformed = await api().call<ErrorJson>(c.reader, "GET", `${c.path}/not-a-uuid`);
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.details[0]?.path).toBe("params.id");
    expect((await api().call<ErrorJson>(c.writer, "PATCH", `${c.path}/00000000-0000-4000-8000-000000000000`, { body: c.change })).status).toBe(404);
  });

  it("lists by name, a page at a time through every page, and searches names case-insensitively", async () => {
    const names = ["Zèbre 1", "Zèbre 2", "Zèbre 3", "Zèbre 4", "Zèbre 5"];
    for (const [i, name] of names.entries()) await create(name, 10 + i);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { status: number; json: Page } = await api().call<Page>(c.reader, "GET", `${c.path}?q=zÈBRE&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      seen.push(...page.json.items.map((r) => r.name));
      cursor = page.json.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(seen).toEqual(names);
    expect(pages).toBe(3);
    const forged = await api().call<ErrorJson>(c.reader, "GET", `${c.path}?cursor=${Buffer.from('["\\u0000","x"]').toString("base64url")}`);
    expect(forged.status).toBe(400);
  });

  it("updates at the version the caller read (If-Match or version), else 409", async () => {
    const { json: row } = await create("Version test", 30);
    api().clock.advance(60_000);
    const changed = await api().call<Row>(c.writer, "PATCH", `${c.path}/${row.id}`, {
      body: { ...c.change, name: "Version test 2" },
      headers: { "if-match": '"1"' },
    });
    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
    expect(changed.json).toMatchObject({ ...c.change, name: "Version test 2", version: 2, updatedAt: api().clock.now().toISOString() });
    expect(changed.headers.etag).toBe('"2"');
    const stale = await api().call<ErrorJson>(c.writer, "PATCH", `${c.path}/${row.id}`, { body: { name: "Lost update" }, headers: { "if-match": '"1"' } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("version_conflict");
    expect((await api().call<ErrorJson>(c.writer, "PATCH", `${c.path}/${row.id}`, { body: { name: "Lost update", version: 1 } })).status).toBe(409);
    // An empty change changes nothing, not even the version; a stale one is still refused.
    const empty = await api().call<Row>(c.writer, "PATCH", `${c.path}/${row.id}`, { body: {} });
    expect(empty.json.version).toBe(2);
    expect((await api().call<ErrorJson>(c.writer, "PATCH", `${c.path}/${row.id}`, { body: { version: 1 } })).status).toBe(409);
    const read = await api().call<Row>(c.reader, "GET", `${c.path}/${row.id}`);
    expect(read.json.name).toBe("Version test 2");
  });

  it("refuses writes from a role that may only read", async () => {
    expect((await api().call<ErrorJson>(c.reader, "POST", c.path, { body: c.create("Refused", 40) })).status).toBe(403);
  });
}
