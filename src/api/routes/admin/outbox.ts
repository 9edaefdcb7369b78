// The outbox for admins: rows by state and kind, replaying a dead (or delivered) row, and the
// built-in mailbox, where e-mails stay when no SMTP server is configured.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Static } from "typebox";
import type { OutboxRow } from "../../../store/outbox/outbox.js";
import { listMailbox, listOutbox, OutboxStateError, replayOutbox } from "../../../store/outbox/outboxAdmin.js";
import { HttpError } from "../../errors.js";
import { callerWith, now } from "../common/access.js";
import { errorResponses, Page, SECURITY } from "../common/schema.js";
import { MailboxItemSchema, MailboxQuery, OutboxIdParams, OutboxItemSchema, OutboxListQuery, ReplayBody } from "./schema.js";

const tags = ["admin"];

const iso = (at: Date | null): string | null => (at === null ? null : at.toISOString());
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** An outbox row's JSON; a webhook's signing secret never leaves the server. */
export function presentOutboxItem(row: OutboxRow): Static<typeof OutboxItemSchema> {
  const { secret, ...payload } = row.payload;
  return {
    id: row.id,
    deliveryId: row.deliveryId,
    kind: row.kind as Static<typeof OutboxItemSchema>["kind"],
    state: row.state as Static<typeof OutboxItemSchema>["state"],
    ticketNumber: row.ticketNumber,
    agentId: row.agentId,
    address: row.address,
    payload: secret === undefined ? payload : { ...payload, secret: "(withheld)" },
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    leaseUntil: iso(row.leaseUntil),
    lastError: row.lastError,
    transport: row.transport,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: iso(row.deliveredAt),
  };
}

/** A mailbox e-mail's JSON. */
export function presentMailboxItem(row: OutboxRow): Static<typeof MailboxItemSchema> {
  return {
    id: row.id,
    deliveryId: row.deliveryId,
    to: row.address ?? "",
    subject: text(row.payload.subject) ?? "",
    text: text(row.payload.text) ?? "",
    html: text(row.payload.html),
    locale: text(row.payload.locale),
    ticketNumber: row.ticketNumber,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: iso(row.deliveredAt),
  };
}

/** Registers the admin routes of the outbox and the mailbox. */
export const outboxAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/admin/outbox",
    {
      schema: {
        tags,
        summary: "List the outbox, newest first: pending, delivered or dead notifications",
        security: SECURITY,
        querystring: OutboxListQuery,
        response: { 200: Page(OutboxItemSchema), ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "outbox.admin");
      const page = await listOutbox(request.server.database.db, request.query);
      return { items: page.items.map(presentOutboxItem), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/admin/outbox/:id/replay",
    {
      schema: {
        tags,
        summary: "Send a dead or delivered notification again",
        description: "Back to pending with no attempts, due now; it keeps its delivery id. A pending row is a 409 `invalid_state`.",
        security: SECURITY,
        params: OutboxIdParams,
        body: ReplayBody,
        response: { 200: OutboxItemSchema, ...errorResponses },
      },
      // No body at all means the same as {}.
      preValidation: async (request) => {
        if (request.body === undefined || request.body === null) request.body = {};
      },
    },
    async (request) => {
      callerWith(request, "outbox.admin");
      try {
        return presentOutboxItem(await replayOutbox(request.server.database.db, request.params.id, now(request)));
      } catch (error) {
        if (error instanceof OutboxStateError) throw new HttpError(409, "invalid_state", error.message, [{ path: "id", message: `the row is ${error.state}` }]);
        throw error;
      }
    },
  );

  app.get(
    "/admin/mailbox",
    {
      schema: {
        tags,
        summary: "Read the built-in mailbox: e-mails kept because no SMTP server is configured, newest first",
        security: SECURITY,
        querystring: MailboxQuery,
        response: { 200: Page(MailboxItemSchema), ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "outbox.admin");
      const page = await listMailbox(request.server.database.db, request.query);
      return { items: page.items.map(presentMailboxItem), nextCursor: page.nextCursor };
    },
  );
};
