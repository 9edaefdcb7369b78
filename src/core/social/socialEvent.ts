// Palier's documented shape of a social network's delivery (docs/social.md): a connector turns
// what X's Account Activity API or Meta's webhooks send into this, one delivery holding one or
// more events (a mention, a reply, a direct message), each with its author's public profile.

/** The networks Palier takes messages from; each is a ticket channel. */
export const NETWORKS = ["twitter", "facebook"] as const;
export type Network = (typeof NETWORKS)[number];

/** What a message is: a public mention of the brand, a reply in a public thread, a private message. */
export const SOCIAL_KINDS = ["mention", "reply", "direct_message"] as const;
export type SocialKind = (typeof SOCIAL_KINDS)[number];

/** The author's public profile as the network shows it. */
export interface SocialAuthor {
  /** The network's stable id for the account. */
  id: string;
  /** The handle, as shown (`@marie_d`). */
  handle: string;
  name: string;
  verified: boolean;
  followers: number;
  bio: string;
}

/** One message. */
export interface SocialEvent {
  /** The network's id of the message: a second delivery of it is not taken twice. */
  id: string;
  kind: SocialKind;
  /** The conversation it belongs to (X's `conversation_id`, Meta's thread id): messages of one thread share a ticket. */
  threadId: string;
  /** When the network says it was written. */
  createdAt: Date;
  text: string;
  author: SocialAuthor;
}

/** One signed delivery: its id (remembered to refuse a replay) and its events. */
export interface SocialDelivery {
  deliveryId: string;
  events: SocialEvent[];
}

/** How many events one delivery may hold. */
export const MAX_EVENTS = 100;
/** The longest message text taken (X allows 25,000 characters to subscribers; Messenger 20,000). */
export const MAX_TEXT = 25_000;

/** A delivery that is not of the documented shape; `path` names the field (`events[0].author.handle`). */
export class SocialEventInvalid extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = "SocialEventInvalid";
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(object: Json, key: string, path: string, { max = 1000, empty = false }: { max?: number; empty?: boolean } = {}): string {
  const value = object[key];
  if (typeof value !== "string") throw new SocialEventInvalid(`${path}${key}`, "must be a string");
  if (!empty && value.trim() === "") throw new SocialEventInvalid(`${path}${key}`, "must not be empty");
  if (value.length > max) throw new SocialEventInvalid(`${path}${key}`, `must be at most ${max} characters`);
  if (value.includes("\u0000")) throw new SocialEventInvalid(`${path}${key}`, "must not hold a NUL character");
  return value;
}

function author(value: unknown, path: string): SocialAuthor {
  if (!isObject(value)) throw new SocialEventInvalid(path.slice(0, -1), "must be an object");
  const followers = value.followers ?? 0;
  if (typeof followers !== "number" || !Number.isSafeInteger(followers) || followers < 0)
    throw new SocialEventInvalid(`${path}followers`, "must be a whole number, 0 or more");
  const verified = value.verified ?? false;
  if (typeof verified !== "boolean") throw new SocialEventInvalid(`${path}verified`, "must be true or false");
  const handle = text(value, "handle", path, { max: 100 }).trim();
  return {
    id: text(value, "id", path, { max: 100 }),
    handle: handle.startsWith("@") ? handle : `@${handle}`,
    name: value.name === undefined ? handle : text(value, "name", path, { max: 200, empty: true }),
    verified,
    followers,
    bio: value.bio === undefined ? "" : text(value, "bio", path, { max: 1000, empty: true }),
  };
}

function event(value: unknown, path: string): SocialEvent {
  if (!isObject(value)) throw new SocialEventInvalid(path.slice(0, -1), "must be an object");
  const kind = value.kind;
  if (typeof kind !== "string" || !(SOCIAL_KINDS as readonly string[]).includes(kind))
    throw new SocialEventInvalid(`${path}kind`, `must be one of ${SOCIAL_KINDS.join(", ")}`);
  const createdAt = new Date(text(value, "createdAt", path, { max: 40 }));
  if (Number.isNaN(createdAt.getTime())) throw new SocialEventInvalid(`${path}createdAt`, "must be an ISO 8601 instant");
  const id = text(value, "id", path, { max: 100 });
  return {
    id,
    kind: kind as SocialKind,
    threadId: value.threadId === undefined ? id : text(value, "threadId", path, { max: 100 }),
    createdAt,
    text: text(value, "text", path, { max: MAX_TEXT }),
    author: author(value.author, `${path}author.`),
  };
}

/** The delivery a parsed JSON body holds; SocialEventInvalid naming the first field that is wrong. */
export function parseSocialDelivery(body: unknown): SocialDelivery {
  if (!isObject(body)) throw new SocialEventInvalid("body", "must be a JSON object");
  const deliveryId = text(body, "deliveryId", "", { max: 200 });
  const events = body.events;
  if (!Array.isArray(events) || events.length === 0) throw new SocialEventInvalid("events", "must be a list of at least one event");
  if (events.length > MAX_EVENTS) throw new SocialEventInvalid("events", `must hold at most ${MAX_EVENTS} events`);
  return { deliveryId, events: events.map((item, index) => event(item, `events[${index}].`)) };
}

/** Whether `value` names a network Palier takes messages from. */
export function isNetwork(value: string): value is Network {
  return (NETWORKS as readonly string[]).includes(value);
}
