import { beforeAll, expect, it } from "vitest";
import { describeStore } from "../../test/support/testDatabase.js";
import type { Database } from "./database.js";
import { agentStore, customerStore, organizationStore, productStore, teamStore } from "./entities.js";
import { DuplicateError, InvalidReferenceError, NotFoundError, VersionConflictError } from "./errors.js";

const T0 = new Date("2026-11-23T09:00:00Z");
const T1 = new Date("2026-11-23T10:00:00Z");

describeStore("entity stores", (get) => {
  let db: Database["db"];
  beforeAll(() => {
    db = get().db;
  });

  it("creates, reads and updates with a version that moves by one", async () => {
    const org = await organizationStore.create(db, { name: "Banque Lumière", segment: "vip", domains: ["lumiere.fr"] }, T0);
    expect(org).toMatchObject({ segment: "vip", domains: ["lumiere.fr"], version: 1, createdAt: T0 });
    const updated = await organizationStore.update(db, org.id, { segment: "enterprise" }, T1, 1);
    expect(updated).toMatchObject({ segment: "enterprise", version: 2, updatedAt: T1, createdAt: T0 });
    expect(await organizationStore.get(db, org.id)).toEqual(updated);
  });

  it("refuses a stale version and leaves the row as it was", async () => {
    const product = await productStore.create(db, { name: "Box fibre", code: "box-fibre" }, T0);
    await productStore.update(db, product.id, { name: "Box fibre 2" }, T1, 1);
    await expect(productStore.update(db, product.id, { name: "Box fibre 3" }, T1, 1)).rejects.toThrow(VersionConflictError);
    expect((await productStore.get(db, product.id))?.name).toBe("Box fibre 2");
  });

  it("refuses an e-mail already taken, whatever its case", async () => {
    await customerStore.create(db, { name: "Jan de Vries", email: "jan@voorbeeld.nl" }, T0);
    await expect(customerStore.create(db, { name: "Jan", email: "JAN@voorbeeld.nl" }, T0)).rejects.toThrow(new DuplicateError("email", "is already taken"));
  });

  it("names the field that refers to something missing", async () => {
    await expect(agentStore.create(db, { name: "Sans équipe", email: "x@example.org", teamId: "00000000-0000-4000-8000-000000000000" }, T0)).rejects.toThrow(
      new InvalidReferenceError("teamId", "refers to something that does not exist"),
    );
    await expect(agentStore.create(db, { name: "Rôle inconnu", email: "y@example.org", role: "boss" }, T0)).rejects.toThrow(InvalidReferenceError);
  });

  it("answers not found for unknown or malformed ids", async () => {
    expect(await teamStore.get(db, "not-a-uuid")).toBeUndefined();
    await expect(teamStore.update(db, "00000000-0000-4000-8000-000000000000", { name: "x" }, T1)).rejects.toThrow(NotFoundError);
    await expect(teamStore.update(db, "nope", { name: "x" }, T1)).rejects.toThrow(NotFoundError);
  });

  it("lists by name in pages, and filters by name or e-mail", async () => {
    for (const name of ["Anouk", "Bram", "Chloé", "Daan", "Emma"])
      await customerStore.create(db, { name: `${name} Liste`, email: `${name.toLowerCase()}@liste.example` }, T0);
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await customerStore.list(db, { q: "liste", limit: 2, ...(cursor ? { cursor } : {}) });
      names.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toEqual(["Anouk Liste", "Bram Liste", "Chloé Liste", "Daan Liste", "Emma Liste"]);
    expect((await customerStore.list(db, { q: "bram@" })).items.map((c) => c.name)).toEqual(["Bram Liste"]);
    expect((await customerStore.list(db, { q: "100%_" })).items).toEqual([]);
  });

  it("refuses a cursor it did not make", async () => {
    await expect(customerStore.list(db, { cursor: "garbage" })).rejects.toThrow("cursor: is not a cursor from a previous page");
  });
});
