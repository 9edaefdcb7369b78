// An agent's own in-app notifications: list (newest first, unread only on request), mark read,
// and a server-sent event stream of new ones (cookie or Bearer), caught up from Last-Event-ID.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import type { Static } from "typebox";
import { tokenIsLive } from "../../../store/accounts.js";
import { countUnread, listNotifications, markNotificationsRead, type Notification, notificationsAfter } from "../../../store/notifications.js";
import { sessionIsLive } from "../../../store/sessions.js";
import { sessionOf } from "../../auth/authenticate.js";
import { badRequest } from "../../errors.js";
import { callerWith, forbidden, now } from "../common/access.js";
import { errorResponses, SECURITY } from "../common/schema.js";
import { NotificationHub, type StreamClient } from "./notificationHub.js";
import { MarkReadBody, MarkReadResponse, NotificationListQuery, NotificationListResponse, type NotificationSchema, StreamHeaders } from "./schema.js";

const tags = ["notifications"];

/** A notification's JSON. */
export function presentNotification(n: Notification): Static<typeof NotificationSchema> {
  return {
    id: n.id,
    ticketNumber: n.ticketNumber,
    title: n.title,
    body: n.body,
    data: n.data,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt === null ? null : n.readAt.toISOString(),
  };
}

/** The calling agent's id: notifications belong to agents. */
/** How a stream asks whether the credential it was opened with still holds (see StreamClient.stillValid). */
function credentialCheck(request: FastifyRequest): () => Promise<boolean> {
  const { database, clock } = request.server;
  const session = sessionOf(request);
  if (session) return () => sessionIsLive(database.db, session.token, clock.now());
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
  if (bearer) return () => tokenIsLive(database.db, bearer);
  return async () => false;
}

function agentOf(request: FastifyRequest): string {
  const principal = callerWith(request, "notifications.own");
  if (principal.kind !== "agent") throw forbidden("notifications belong to agents");
  return principal.id;
}

/** Registers the notification routes. */
export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hub = new NotificationHub(app.database, (error) => app.log.error({ err: error }, "notification stream"));
  // Before the server waits for open connections to end: end the streams.
  app.addHook("preClose", async () => hub.close());

  app.get(
    "/notifications",
    {
      schema: {
        tags,
        summary: "List your notifications, newest first, a page at a time",
        security: SECURITY,
        querystring: NotificationListQuery,
        response: { 200: NotificationListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const agentId = agentOf(request);
      const db = request.server.database.db;
      const [page, unreadCount] = await Promise.all([listNotifications(db, { agentId, ...request.query }), countUnread(db, agentId)]);
      return { items: page.items.map(presentNotification), nextCursor: page.nextCursor, unreadCount };
    },
  );

  app.post(
    "/notifications/read",
    {
      schema: {
        tags,
        summary: "Mark your notifications read: some ids, or all",
        security: SECURITY,
        body: MarkReadBody,
        response: { 200: MarkReadResponse, ...errorResponses },
      },
    },
    async (request) => {
      const agentId = agentOf(request);
      const { ids, all } = request.body;
      if (!all && ids === undefined) throw badRequest("ids", "give the ids to mark read, or all: true");
      const db = request.server.database.db;
      const read = await markNotificationsRead(db, { agentId, ids: ids ?? [], all: all === true, now: now(request) });
      return { read, unreadCount: await countUnread(db, agentId) };
    },
  );

  app.get(
    "/notifications/stream",
    {
      schema: {
        tags,
        summary: "Stream your new notifications (server-sent events)",
        description:
          "`text/event-stream`: each new notification is an event `notification` whose `id` is the notification's id and whose data is its JSON. " +
          "A comment line every 25 s keeps the connection open. Reconnecting with `Last-Event-ID` first sends the ones missed since. " +
          "Browsers use `new EventSource('/api/v1/notifications/stream')` with the session cookie; integrations send a Bearer token.",
        security: SECURITY,
        headers: StreamHeaders,
        response: {
          200: { description: "the event stream", content: { "text/event-stream": { schema: { type: "string" } } } },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const agentId = agentOf(request);
      const lastEventId = request.headers["last-event-id"];
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });

      // Live events wait while the missed ones are sent, so that order holds and none is lost.
      const sent = new Set<number>();
      let held: Notification[] | undefined = [];
      const write = (n: Notification) => {
        if (sent.has(n.id) || raw.writableEnded) return;
        // Only events up to the catch-up can come twice: remember those alone.
        if (held) sent.add(n.id);
        raw.write(`id: ${n.id}\nevent: notification\ndata: ${JSON.stringify(presentNotification(n))}\n\n`);
      };
      const client: StreamClient = {
        agentId,
        notify: (n) => (held ? held.push(n) : write(n)),
        comment: (text) => {
          if (!raw.writableEnded) raw.write(`: ${text}\n\n`);
        },
        end: () => {
          if (!raw.writableEnded) raw.end();
        },
        stillValid: credentialCheck(request),
      };
      let remove: (() => void) | undefined;
      raw.on("close", () => remove?.());
      try {
        remove = await hub.add(client);
      } catch {
        raw.end();
        return;
      }
      if (raw.destroyed) remove();
      raw.write("retry: 5000\n: connected\n\n");
      try {
        if (lastEventId !== undefined) {
          for (const n of await notificationsAfter(request.server.database.db, agentId, Number(lastEventId), 500)) write(n);
        }
        for (const n of held.sort((a, b) => a.id - b.id)) write(n);
        held = undefined;
      } catch (error) {
        request.log.error({ err: error }, "notification stream catch-up");
        client.end();
      }
    },
  );
};
