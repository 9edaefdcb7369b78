// The notices of the human escalation, in-app and by e-mail, each in its recipient's language: the receiver told
// of a hand-off, the escalating agent told of its acceptance, its bounce and the root cause once
// solved (so that they learn), and an owner reminded of an escalation left without activity.

import { inArray } from "drizzle-orm";
import { localeOf, type MessageKey, type MessageValues, translate } from "../../core/i18n/index.js";
import type { Db } from "../../store/database.js";
import { enqueue, type OutboxItem } from "../../store/outbox/outbox.js";
import { agents, teams } from "../../store/schema.js";

/** The agents the human escalation names: who they are, where they work, and what they read. */
export interface PersonInfo {
  id: string;
  name: string;
  role: string;
  teamId: string | null;
  calendarId: string | null;
  locale: string;
  timeZone: string | null;
  active: boolean;
  email: string | null;
}

/** The agents of `ids`, by id. */
export async function loadPeople(tx: Db, ids: Iterable<string | null | undefined>): Promise<Map<string, PersonInfo>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === "string"))];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select({
      id: agents.id,
      name: agents.name,
      role: agents.role,
      teamId: agents.teamId,
      calendarId: agents.calendarId,
      locale: agents.locale,
      timeZone: agents.timeZone,
      active: agents.active,
      email: agents.email,
    })
    .from(agents)
    .where(inArray(agents.id, wanted));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The teams of `ids`, by id: their name, lead, calendar and tier. */
export async function loadTeams(tx: Db, ids: Iterable<string | null | undefined>) {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === "string"))];
  if (wanted.length === 0) return new Map<string, { id: string; name: string; leadId: string | null; calendarId: string | null; tier: string | null }>();
  const rows = await tx
    .select({ id: teams.id, name: teams.name, leadId: teams.leadId, calendarId: teams.calendarId, tier: teams.tier })
    .from(teams)
    .where(inArray(teams.id, wanted));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Which notice: its title and body keys under `escalation.notify`. */
export type NoticeKind =
  "received" | "accepted" | "bounced" | "solved" | "reminder" | "requested" | "approved" | "declined" | "takenOver" | "mentioned" | "suggested";

/**
 * Queues one notice of `kind` to each active one of `recipients`, in their language: in-app, and
 * by e-mail to those with an address (the same title and words). Values whose words depend on the
 * language come as a function of it.
 */
export async function queueNotices(
  tx: Db,
  props: {
    kind: NoticeKind;
    ticketNumber: number;
    /** The hand-off it is about, when it is about one. */
    escalationId?: string;
    recipients: readonly (Pick<PersonInfo, "id" | "locale" | "active"> & { email?: string | null })[];
    values: (locale: ReturnType<typeof localeOf>) => MessageValues;
    /** The notification's data; default: the hand-off it is about (the ticket alone without one). */
    data?: Record<string, unknown>;
    now: Date;
  },
): Promise<void> {
  const items: OutboxItem[] = props.recipients
    .filter((agent) => agent.active)
    .flatMap((agent) => {
      const locale = localeOf(agent.locale);
      const values = { number: props.ticketNumber, ...props.values(locale) };
      const title = translate(locale, `escalation.notify.${props.kind}Title` as MessageKey, values);
      const body = translate(locale, `escalation.notify.${props.kind}Body` as MessageKey, values);
      const inapp: OutboxItem = {
        kind: "inapp",
        ticketNumber: props.ticketNumber,
        agentId: agent.id,
        payload: {
          title,
          body,
          data: { ...(props.data ?? (props.escalationId ? { type: "handoff", escalationId: props.escalationId } : { type: "ticket" })), notice: props.kind },
        },
      };
      if (!agent.email) return [inapp];
      const email: OutboxItem = {
        kind: "email",
        ticketNumber: props.ticketNumber,
        agentId: agent.id,
        address: agent.email,
        payload: { subject: title, text: body, locale },
      };
      return [inapp, email];
    });
  await enqueue(tx, items, props.now);
}
