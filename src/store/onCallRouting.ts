// What routing reads of the people on call: whether they may take an urgent ticket (active, not out of office), the open
// tickets they carry, and where and in which language to tell them.

import { inArray } from "drizzle-orm";
import type { Db } from "./database.js";
import { agents } from "./schema.js";
import { isUuid } from "./sql/uuid.js";

/** A person on call as routing reads them. */
export interface OnCallPerson {
  id: string;
  name: string;
  active: boolean;
  /** Out of office from (inclusive) until (exclusive; null: until further notice). */
  outOfOfficeFrom: Date | null;
  outOfOfficeUntil: Date | null;
  email: string | null;
  locale: string;
  /** Open tickets they carry (agents.open_tickets), and how many they usually take. */
  load: number;
  capacity: number;
}

/** The agents of `ids` (unknown ids left out). */
export async function onCallPeople(db: Db, ids: readonly string[]): Promise<OnCallPerson[]> {
  const wellFormed = [...new Set(ids.filter(isUuid))];
  if (wellFormed.length === 0) return [];
  return db
    .select({
      id: agents.id,
      name: agents.name,
      active: agents.active,
      outOfOfficeFrom: agents.outOfOfficeFrom,
      outOfOfficeUntil: agents.outOfOfficeUntil,
      email: agents.email,
      locale: agents.locale,
      load: agents.openTickets,
      capacity: agents.capacity,
    })
    .from(agents)
    .where(inArray(agents.id, wellFormed));
}
