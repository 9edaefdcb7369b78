// The fields a rule's conditions read: each readable path with the type of its value (which
// decides the operators it takes and the values they compare with), and reading it from the facts.

import { ROLES } from "../access/permissions.js";
import { CHANNELS, LANGUAGES, MESSAGE_KINDS, PRIORITIES, STATUSES, TIERS } from "../ticket/ticket.js";
import { ALARM_KINDS } from "../triage/signals.js";
import type { RuleFacts } from "./facts.js";
import type { FieldPath } from "./rule.js";

/**
 * What a field holds:
 * - `text`: words people wrote (compared without case and accents);
 * - `enum`: one of a fixed vocabulary (`values`), ordered when `ordered` (priorities, tiers);
 * - `id`: the id of a team, agent, product;
 * - `number`, `boolean`, `instant` (a moment, compared with an ISO 8601 instant);
 * - `list`: a list of words (`values` its vocabulary when it has one), such as tags or alarms;
 * - `any`: a custom field, whose value may be of any of these types.
 */
export type FieldType = "text" | "enum" | "id" | "number" | "boolean" | "instant" | "list" | "any";

/** What Palier knows of one readable field. */
export interface FieldSpec {
  path: FieldPath;
  type: FieldType;
  /** The vocabulary of an `enum` field, or of a `list` field's elements. */
  values?: readonly string[];
  /** Whether `greater_than`/`less_than` compare an `enum` field by the order of `values`. */
  ordered?: boolean;
  /** The references an `id` field holds, checked to exist when a rule is saved. */
  refers?: "team" | "agent";
  /** Whether the field may be empty (null), so that `is: null` means "has none". */
  nullable: boolean;
  /** Whether a change of the ticket can change it, so that the `changed` operators apply. */
  changes: boolean;
  read: (facts: RuleFacts) => unknown;
}

const ACTOR_TYPES = ["agent", "customer", "rule", "system"] as const;
/** `triage.language` also says when the text is too short to tell. */
const DETECTED_LANGUAGES = [...LANGUAGES, "unknown"] as const;

type Spec = Omit<FieldSpec, "path" | "nullable" | "changes"> & { nullable?: boolean; changes?: boolean };

function ticketField(type: FieldType, key: string, more: Partial<Spec> = {}): Spec {
  return { type, changes: true, read: (facts) => (facts.ticket as unknown as Record<string, unknown>)[key] ?? null, ...more };
}

function instant(value: Date | null | undefined): number | null {
  return value ? value.getTime() : null;
}

const SPECS: Record<string, Spec> = {
  "ticket.number": { type: "number", read: (f) => f.ticket.number },
  "ticket.subject": ticketField("text", "subject"),
  "ticket.status": ticketField("enum", "status", { values: STATUSES }),
  "ticket.priority": ticketField("enum", "priority", { values: PRIORITIES, ordered: true }),
  "ticket.tier": ticketField("enum", "tier", { values: TIERS, ordered: true }),
  "ticket.channel": ticketField("enum", "channel", { values: CHANNELS }),
  "ticket.language": ticketField("enum", "language", { values: LANGUAGES, nullable: true }),
  "ticket.productId": ticketField("id", "productId", { nullable: true }),
  "ticket.teamId": ticketField("id", "teamId", { nullable: true, refers: "team" }),
  "ticket.assigneeId": ticketField("id", "assigneeId", { nullable: true, refers: "agent" }),
  "ticket.tags": ticketField("list", "tags"),
  "ticket.createdAt": { type: "instant", read: (f) => instant(f.ticket.createdAt) },
  "ticket.updatedAt": { type: "instant", read: (f) => instant(f.ticket.updatedAt) },
  "ticket.firstResponseAt": { type: "instant", nullable: true, read: (f) => instant(f.ticket.firstResponseAt) },
  "ticket.lastCustomerMessageAt": { type: "instant", nullable: true, read: (f) => instant(f.ticket.lastCustomerMessageAt) },
  "ticket.lastAgentMessageAt": { type: "instant", nullable: true, read: (f) => instant(f.ticket.lastAgentMessageAt) },
  "customer.name": { type: "text", read: (f) => f.customer.name },
  "customer.email": { type: "text", nullable: true, read: (f) => f.customer.email },
  "customer.language": { type: "enum", values: LANGUAGES, nullable: true, read: (f) => f.customer.language },
  "organization.name": { type: "text", nullable: true, read: (f) => f.organization?.name ?? null },
  "organization.segment": { type: "text", nullable: true, read: (f) => f.organization?.segment ?? null },
  "organization.domains": { type: "list", read: (f) => f.organization?.domains ?? [] },
  "message.text": { type: "text", nullable: true, read: (f) => f.message?.text ?? null },
  "message.kind": { type: "enum", values: MESSAGE_KINDS, nullable: true, read: (f) => f.message?.kind ?? null },
  "message.channel": { type: "enum", values: CHANNELS, nullable: true, read: (f) => f.message?.channel ?? null },
  "actor.type": { type: "enum", values: ACTOR_TYPES, read: (f) => f.actor.type },
  "actor.role": { type: "enum", values: ROLES, nullable: true, read: (f) => f.actor.role ?? null },
  "actor.teamId": { type: "id", nullable: true, refers: "team", read: (f) => f.actor.teamId ?? null },
  "triage.language": { type: "enum", values: DETECTED_LANGUAGES, nullable: true, read: (f) => f.triage?.language ?? null },
  "triage.frustration": { type: "number", nullable: true, read: (f) => f.triage?.frustration ?? null },
  "triage.frustrated": { type: "boolean", read: (f) => f.triage?.frustrated ?? false },
  "triage.alarms": { type: "list", values: ALARM_KINDS, read: (f) => [...new Set((f.triage?.alarms ?? []).map((a) => a.kind))] },
  "triage.alarmPhrases": { type: "list", read: (f) => (f.triage?.alarms ?? []).map((a) => a.phrase) },
  /** The instant of the evaluation, for `within_business_hours` and comparisons. */
  now: { type: "instant", read: (f) => f.now.getTime() },
};

const CUSTOM_PREFIX = "ticket.customFields.";

/** Every readable path but the custom fields (`ticket.customFields.<key>`), in a stable order. */
export const FIELD_PATHS: readonly FieldPath[] = Object.keys(SPECS);

const cache = new Map<string, FieldSpec>();

/** What is known of `path`, or undefined when no field has that path. */
export function fieldSpec(path: FieldPath): FieldSpec | undefined {
  const known = cache.get(path);
  if (known) return known;
  const spec = SPECS[path];
  let made: FieldSpec | undefined;
  if (spec && Object.prototype.hasOwnProperty.call(SPECS, path)) made = { path, nullable: false, changes: false, ...spec };
  else if (path.startsWith(CUSTOM_PREFIX) && path.length > CUSTOM_PREFIX.length) {
    const key = path.slice(CUSTOM_PREFIX.length);
    made = { path, type: "any", nullable: true, changes: true, read: (f) => f.ticket.customFields[key] ?? null };
  }
  if (made) cache.set(path, made);
  return made;
}

/**
 * The value of `path` in `facts` as conditions compare it: instants as epoch milliseconds,
 * what is absent as null (an empty list for lists); undefined for an unknown path.
 */
export function readField(path: FieldPath, facts: RuleFacts): unknown {
  return fieldSpec(path)?.read(facts);
}

/** The same value as a decision records it: instants as ISO 8601 text. */
export function shownValue(spec: FieldSpec, value: unknown): unknown {
  if (spec.type === "instant" && typeof value === "number") return new Date(value).toISOString();
  return value;
}
