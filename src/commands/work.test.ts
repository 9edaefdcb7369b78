import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeStore, selectRows } from "../../test/support/testDatabase.js";
import type { Database } from "../store/database.js";
import { customerStore } from "../store/entities.js";
import { InvalidReferenceError } from "../store/errors.js";
import { createTicket } from "./tickets/createTicket.js";
import { inSavepoint, inWork } from "./work.js";

const T0 = new Date("2026-11-23T09:00:00Z");
const SYSTEM = { type: "system" as const };

describeStore("the unit of work", (get) => {
  let db: Database["db"];
  let customerId: string;
  const count = async () => (await selectRows<{ n: number }>(get(), sql`select count(*)::int as n from tickets`))[0]?.n ?? 0;

  beforeAll(async () => {
    db = get().db;
    customerId = (await customerStore.create(db, { name: "Marie Dupont", email: "marie.work@example.fr", language: "fr" }, T0)).id;
  });

  it("commits what its commands wrote when it returns, stamped with its instant", async () => {
    const before = await count();
    const { ticket } = await inWork(db, { now: T0, actor: SYSTEM }, (work) => createTicket(work, { subject: "Facture", customerId, channel: "email" }));
    expect(ticket.createdAt).toEqual(T0);
    expect(await count()).toBe(before + 1);
  });

  it("rolls back everything when a command throws, the database error named by its field", async () => {
    const before = await count();
    const failing = inWork(db, { now: T0, actor: SYSTEM }, async (work) => {
      await createTicket(work, { subject: "Premier", customerId, channel: "email" });
      return createTicket(work, { subject: "Second", customerId: "00000000-0000-4000-8000-000000000000", channel: "email" });
    });
    await expect(failing).rejects.toThrow(new InvalidReferenceError("customerId", "refers to something that does not exist"));
    expect(await count()).toBe(before);
  });

  it("rolls back only a failed savepoint, which shares the work's cache", async () => {
    const before = await count();
    await inWork(db, { now: T0, actor: SYSTEM }, async (work) => {
      await inSavepoint(work, async (inner) => {
        expect(inner.clocks).toBe(work.clocks);
        return createTicket(inner, { subject: "Gardé", customerId, channel: "email" });
      });
      await inSavepoint(work, (inner) => createTicket(inner, { subject: "Perdu", customerId: "00000000-0000-4000-8000-000000000000", channel: "email" })).catch(
        () => undefined,
      );
    });
    expect(await count()).toBe(before + 1);
  });
});
