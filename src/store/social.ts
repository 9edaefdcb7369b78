// Social networks as stored (docs/social.md): each network's connection (its secret never leaves
// the server), the deliveries remembered for the signature window, the messages taken with their
// author's profile and ticket, and the incidents a burst of negative mentions raises.

import { and, desc, eq, gt, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Network, SocialAuthor } from "../core/social/socialEvent.js";
import type { Db } from "./database.js";
import { agents, customers, incidents, socialDeliveries, socialNetworks, socialPosts } from "./schema.js";

export type SocialNetworkRow = typeof socialNetworks.$inferSelect;
export type SocialPost = typeof socialPosts.$inferSelect;
export type Incident = typeof incidents.$inferSelect;

/** A network's connection, with its secret (for the server only). */
export async function getNetwork(db: Db, network: Network): Promise<SocialNetworkRow | undefined> {
  const [row] = await db.select().from(socialNetworks).where(eq(socialNetworks.network, network));
  return row;
}

/** Every configured network, with its secret (for the server only). */
export function listNetworks(db: Db): Promise<SocialNetworkRow[]> {
  return db.select().from(socialNetworks).orderBy(socialNetworks.network);
}

/** Sets a network's connection; the secret is required the first time and kept when not given afterwards. */
export async function putNetwork(
  tx: Db,
  network: Network,
  changes: { secret?: string | undefined; connectorUrl?: string | null | undefined; influenceThreshold?: number | undefined },
  now: Date,
): Promise<SocialNetworkRow | undefined> {
  const before = await getNetwork(tx, network);
  if (!before) {
    if (changes.secret === undefined) return undefined;
    const [row] = await tx
      .insert(socialNetworks)
      .values({
        network,
        secret: changes.secret,
        connectorUrl: changes.connectorUrl ?? null,
        ...(changes.influenceThreshold !== undefined ? { influenceThreshold: changes.influenceThreshold } : {}),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return row;
  }
  const [row] = await tx
    .update(socialNetworks)
    .set({
      ...(changes.secret !== undefined ? { secret: changes.secret } : {}),
      ...(changes.connectorUrl !== undefined ? { connectorUrl: changes.connectorUrl } : {}),
      ...(changes.influenceThreshold !== undefined ? { influenceThreshold: changes.influenceThreshold } : {}),
      updatedAt: now,
      version: sql`${socialNetworks.version} + 1`,
    })
    .where(eq(socialNetworks.network, network))
    .returning();
  return row;
}

/**
 * Remembers a delivery; false when it was taken already (a replay). Deliveries older than
 * `forgetBefore` are forgotten on the way: their signed timestamp is out of the window anyway.
 */
export async function rememberDelivery(tx: Db, network: Network, deliveryId: string, now: Date, forgetBefore: Date): Promise<boolean> {
  await tx.delete(socialDeliveries).where(lt(socialDeliveries.receivedAt, forgetBefore));
  const rows = await tx.insert(socialDeliveries).values({ network, deliveryId, receivedAt: now }).onConflictDoNothing().returning();
  return rows.length === 1;
}

/** The message of the network's id, if it was taken already. */
export async function postByExternalId(db: Db, network: Network, externalId: string): Promise<SocialPost | undefined> {
  const [row] = await db
    .select()
    .from(socialPosts)
    .where(and(eq(socialPosts.network, network), eq(socialPosts.externalId, externalId)));
  return row;
}

/** The ticket a thread's latest message went to, if any. */
export async function ticketOfThread(db: Db, network: Network, threadId: string): Promise<number | null> {
  const [row] = await db
    .select({ ticketNumber: socialPosts.ticketNumber })
    .from(socialPosts)
    .where(and(eq(socialPosts.network, network), eq(socialPosts.threadId, threadId), sql`${socialPosts.ticketNumber} is not null`))
    .orderBy(desc(socialPosts.createdAt))
    .limit(1);
  return row?.ticketNumber ?? null;
}

/** The class of the advisory locks that serialize finding or creating a social author's customer. */
const SOCIAL_AUTHOR_LOCK = 7_311_027;

/**
 * Waits until no other transaction is finding or creating the customer of this author (their
 * handle on the network, case and `@` aside), and holds that until `tx` ends: two deliveries of
 * one new author at once make one customer, not two.
 */
export async function lockSocialAuthor(tx: Db, network: Network, handle: string): Promise<void> {
  const key = `${network}:${handle.replace(/^@/, "").toLowerCase()}`;
  await tx.execute(sql`select pg_advisory_xact_lock(${SOCIAL_AUTHOR_LOCK}, hashtext(${key}))`);
}

/** The customer whose `social` names this handle on the network (case-insensitive, with or without its `@`). */
export async function customerBySocialHandle(db: Db, network: Network, handle: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    // The network as a literal (one of NETWORKS), so that its expression index serves the lookup.
    .where(
      sql`lower(${customers.social} ->> ${sql.raw(`'${network === "facebook" ? "facebook" : "twitter"}'`)}) in (lower(${handle}), lower(${handle.replace(/^@/, "")}))`,
    )
    .orderBy(customers.createdAt)
    .limit(1);
  return row?.id;
}

export type NewSocialPost = Omit<typeof socialPosts.$inferInsert, "id" | "author"> & { author: SocialAuthor };

/** Stores one message taken. */
export async function insertPost(tx: Db, values: NewSocialPost): Promise<SocialPost> {
  const [row] = await tx.insert(socialPosts).values(values).returning();
  if (!row) throw new Error("the social message was not stored");
  return row;
}

/** The public messages (mentions and replies) of a network since `since`, as burst detection reads them. */
export function publicMentionsSince(db: Db, network: Network, since: Date): Promise<{ at: Date; negative: boolean }[]> {
  return db
    .select({ at: socialPosts.createdAt, negative: socialPosts.negative })
    .from(socialPosts)
    .where(and(eq(socialPosts.network, network), inArray(socialPosts.kind, ["mention", "reply"]), gt(socialPosts.createdAt, since)));
}

/** The newest messages taken, newest first; `before`: older than this instant. */
export function listPosts(db: Db, options: { network?: Network | undefined; limit: number; before?: Date | undefined }): Promise<SocialPost[]> {
  return db
    .select()
    .from(socialPosts)
    .where(and(options.network ? eq(socialPosts.network, options.network) : undefined, options.before ? lt(socialPosts.createdAt, options.before) : undefined))
    .orderBy(desc(socialPosts.createdAt), desc(socialPosts.id))
    .limit(options.limit);
}

/** One message taken, by Palier's id. */
export async function postById(db: Db, id: string): Promise<SocialPost | undefined> {
  const [row] = await db.select().from(socialPosts).where(eq(socialPosts.id, id));
  return row;
}

/** An author's messages on a network since `since`, newest first. */
export function authorPostsSince(db: Db, network: string, authorId: string, since: Date): Promise<SocialPost[]> {
  return db
    .select()
    .from(socialPosts)
    .where(and(eq(socialPosts.network, network), eq(socialPosts.authorId, authorId), gte(socialPosts.createdAt, since)))
    .orderBy(desc(socialPosts.createdAt))
    .limit(200);
}

/** Marks a message as sent to support. */
export async function markEscalated(tx: Db, id: string, now: Date): Promise<void> {
  await tx.update(socialPosts).set({ escalatedAt: now }).where(eq(socialPosts.id, id));
}

/** The incident of `kind` on `channel` still open, if any. */
export async function openIncident(db: Db, kind: Incident["kind"], channel: string): Promise<Incident | undefined> {
  const [row] = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.kind, kind), eq(incidents.channel, channel), isNull(incidents.closedAt)))
    .orderBy(desc(incidents.raisedAt))
    .limit(1);
  return row;
}

/** Records an incident. */
export async function insertIncident(tx: Db, values: Omit<typeof incidents.$inferInsert, "id">): Promise<Incident> {
  const [row] = await tx.insert(incidents).values(values).returning();
  if (!row) throw new Error("the incident was not stored");
  return row;
}

/** Closes an incident; false when there is no open one of this id. */
export async function closeIncident(tx: Db, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(incidents)
    .set({ closedAt: now })
    .where(and(eq(incidents.id, id), isNull(incidents.closedAt)))
    .returning({ id: incidents.id });
  return rows.length === 1;
}

/** The open incidents and those closed since `since`, newest first. */
export function listIncidents(db: Db, since: Date): Promise<Incident[]> {
  return db
    .select()
    .from(incidents)
    .where(sql`${incidents.closedAt} is null or ${incidents.closedAt} >= ${since.toISOString()}::timestamptz`)
    .orderBy(desc(incidents.raisedAt))
    .limit(50);
}

/** The active admins and managers, who are told of incidents. */
export function managersToTell(db: Db): Promise<{ id: string; locale: string }[]> {
  return db
    .select({ id: agents.id, locale: agents.locale })
    .from(agents)
    .where(and(inArray(agents.role, ["admin", "manager"]), eq(agents.active, true)));
}

/** The messages taken onto a ticket, oldest first. */
export function postsOfTicket(db: Db, ticketNumber: number): Promise<SocialPost[]> {
  return db.select().from(socialPosts).where(eq(socialPosts.ticketNumber, ticketNumber)).orderBy(socialPosts.createdAt).limit(500);
}
