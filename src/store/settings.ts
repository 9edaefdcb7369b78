// Workspace settings, one row per key: the triage settings (the frustration threshold and the
// alarm words), read with their defaults filled in and written under their version.

import { eq, sql } from "drizzle-orm";
import { DEFAULT_ALARMS, withAlarms } from "../core/triage/alarms.js";
import { type AlarmKind, type AlarmLexicon, FRUSTRATION_THRESHOLD } from "../core/triage/signals.js";
import type { Language } from "../core/ticket/ticket.js";
import type { Db } from "./database.js";
import { VersionConflictError } from "./errors.js";
import { settings } from "./schema.js";

/** A workspace's own alarm lists, by kind and language; each replaces the default list of its kind and language. */
export type OwnAlarms = Partial<Record<AlarmKind, Partial<Record<Language, readonly string[]>>>>;

/** The triage settings in force: the threshold from which a message counts as frustrated, and the alarm words. */
export interface TriageSettings {
  threshold: number;
  alarms: AlarmLexicon;
  /** 0 while the defaults were never changed; bumped on every write. */
  version: number;
}

const TRIAGE = "triage";

interface StoredTriage {
  threshold?: number;
  alarms?: OwnAlarms;
}

function triageOf(value: StoredTriage, version: number): TriageSettings {
  return {
    threshold: value.threshold ?? FRUSTRATION_THRESHOLD,
    alarms: value.alarms ? withAlarms(value.alarms) : DEFAULT_ALARMS,
    version,
  };
}

/** The triage settings, the product's defaults where the workspace set none. */
export async function getTriageSettings(db: Db): Promise<TriageSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, TRIAGE));
  return row ? triageOf(row.value as StoredTriage, row.version) : triageOf({}, 0);
}

/**
 * Changes the triage settings: `threshold` when given, and each alarm list given in place of the
 * one of its kind and language. With `expectedVersion`, VersionConflictError unless the settings
 * are at that version (0: never written).
 */
export async function putTriageSettings(
  tx: Db,
  changes: { threshold?: number | undefined; alarms?: OwnAlarms | undefined },
  now: Date,
  expectedVersion?: number,
): Promise<TriageSettings> {
  await tx.insert(settings).values({ key: TRIAGE, value: {}, createdAt: now, updatedAt: now, version: 0 }).onConflictDoNothing();
  const [row] = await tx.select().from(settings).where(eq(settings.key, TRIAGE)).for("update");
  const version = row?.version ?? 0;
  if (expectedVersion !== undefined && expectedVersion !== version) throw new VersionConflictError("triage settings", TRIAGE, expectedVersion, version);
  const stored = (row?.value ?? {}) as StoredTriage;
  const alarms: OwnAlarms = { ...stored.alarms };
  for (const [kind, lists] of Object.entries(changes.alarms ?? {}) as [AlarmKind, Partial<Record<Language, readonly string[]>>][]) {
    alarms[kind] = { ...alarms[kind], ...lists };
  }
  const value: StoredTriage = { threshold: changes.threshold ?? stored.threshold ?? FRUSTRATION_THRESHOLD, alarms };
  const [written] = await tx
    .update(settings)
    .set({ value: value as Record<string, unknown>, updatedAt: now, version: sql`${settings.version} + 1` })
    .where(eq(settings.key, TRIAGE))
    .returning();
  return triageOf(value, written?.version ?? version + 1);
}
