// The social networks for staff (docs/social.md): each network's connection set by an admin (its
// secret written, never read back), the stream of messages taken with their authors flagged, an
// author's last seven days, sending a message to support, the incidents, and a ticket's author.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { type Static, Type } from "typebox";
import { sealSecret } from "../../../channels/sealedSecret.js";
import { escalatePost } from "../../../commands/social/escalatePost.js";
import { inWork } from "../../../commands/work.js";
import { authorFlags } from "../../../core/social/influence.js";
import { isNetwork, type Network, NETWORKS } from "../../../core/social/socialEvent.js";
import { PRIORITIES } from "../../../core/ticket/ticket.js";
import {
  authorPostsSince,
  closeIncident,
  type Incident,
  listIncidents,
  listNetworks,
  listPosts,
  postById,
  postsOfTicket,
  putNetwork,
  type SocialNetworkRow,
  type SocialPost,
} from "../../../store/social.js";
import { badRequest, notFound, readerLocale } from "../../errors.js";
import { presentTicket } from "../../presenters.js";
import { actorOf, callerWith, forbidden, now } from "../common/access.js";
import { DateTime, errorResponses, Nullable, SECURITY, StringEnum, Uuid } from "../common/schema.js";
import { TicketSchema } from "../tickets/schema.js";
import { visibleTicket } from "../tickets/tickets.js";

const tags = ["social"];
const DAY = 86_400_000;

const NetworkSchema = Type.Object(
  {
    network: StringEnum(NETWORKS),
    configured: Type.Boolean({ description: "a secret is set (it is never returned)" }),
    connectorUrl: Nullable(Type.String()),
    influenceThreshold: Type.Integer(),
    updatedAt: Nullable(DateTime),
  },
  { additionalProperties: false },
);

const AuthorSchema = Type.Object(
  {
    id: Type.String(),
    handle: Type.String(),
    name: Type.String(),
    verified: Type.Boolean(),
    followers: Type.Integer(),
    bio: Type.String(),
  },
  { additionalProperties: false },
);

const PostSchema = Type.Object(
  {
    id: Uuid,
    network: StringEnum(NETWORKS),
    kind: StringEnum(["mention", "reply", "direct_message"] as const),
    threadId: Type.String(),
    text: Type.String(),
    author: AuthorSchema,
    flags: Type.Array(StringEnum(["verified", "influential"] as const)),
    customerId: Uuid,
    ticketNumber: Nullable(Type.Integer()),
    negative: Type.Boolean({ description: "triage read it as frustrated" }),
    writtenAt: DateTime,
    receivedAt: DateTime,
    escalatedAt: Nullable(DateTime),
  },
  { additionalProperties: false },
);

const IncidentSchema = Type.Object(
  {
    id: Uuid,
    kind: Type.String(),
    channel: Type.String(),
    data: Type.Record(Type.String(), Type.Unknown()),
    raisedAt: DateTime,
    closedAt: Nullable(DateTime),
  },
  { additionalProperties: false },
);

const NetworkBody = Type.Object(
  {
    secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200, description: "the shared secret; required the first time, kept when left out" })),
    connectorUrl: Type.Optional(Nullable(Type.String({ format: "uri", maxLength: 2000, description: "where public replies are POSTed; null: none" }))),
    influenceThreshold: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000 })),
  },
  { additionalProperties: false },
);

const EscalateBody = Type.Object(
  {
    priority: Type.Optional(StringEnum(PRIORITIES)),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 })),
    teamId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

function presentNetwork(network: Network, row: SocialNetworkRow | undefined): Static<typeof NetworkSchema> {
  return {
    network,
    configured: row !== undefined,
    connectorUrl: row?.connectorUrl ?? null,
    influenceThreshold: row?.influenceThreshold ?? 10_000,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** A message as the API shows it, flagged under its network's threshold. */
export function presentPost(post: SocialPost, thresholds: ReadonlyMap<string, number>): Static<typeof PostSchema> {
  return {
    id: post.id,
    network: post.network as Network,
    kind: post.kind as Static<typeof PostSchema>["kind"],
    threadId: post.threadId,
    text: post.text,
    author: post.author,
    flags: authorFlags(post.author, thresholds.get(post.network) ?? 10_000),
    customerId: post.customerId,
    ticketNumber: post.ticketNumber,
    negative: post.negative,
    writtenAt: post.writtenAt.toISOString(),
    receivedAt: post.createdAt.toISOString(),
    escalatedAt: post.escalatedAt?.toISOString() ?? null,
  };
}

function presentIncident(incident: Incident): Static<typeof IncidentSchema> {
  return { ...incident, raisedAt: incident.raisedAt.toISOString(), closedAt: incident.closedAt?.toISOString() ?? null };
}

async function thresholdsOf(db: Parameters<typeof listNetworks>[0]): Promise<Map<string, number>> {
  return new Map((await listNetworks(db)).map((row) => [row.network, row.influenceThreshold]));
}

/** Registers the staff routes of the social networks. */
export const socialRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/social/networks",
    {
      schema: {
        tags,
        summary: "The social networks' connections (admins)",
        security: SECURITY,
        response: { 200: Type.Object({ items: Type.Array(NetworkSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "outbox.admin");
      const rows = new Map((await listNetworks(request.server.database.db)).map((row) => [row.network, row]));
      return { items: NETWORKS.map((network) => presentNetwork(network, rows.get(network))) };
    },
  );

  app.put(
    "/social/networks/:network",
    {
      schema: {
        tags,
        summary: "Set a social network's secret, connector URL and influence threshold (admins)",
        description: "The secret is written and never returned.",
        security: SECURITY,
        params: Type.Object({ network: StringEnum(NETWORKS) }, { additionalProperties: false }),
        body: NetworkBody,
        response: { 200: NetworkSchema, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "outbox.admin");
      const { network } = request.params;
      if (!isNetwork(network)) throw notFound(`network ${network as string}`);
      const row = await inWork(request.server.database.db, { now: now(request), actor: actorOf(request.principal!) }, (work) =>
        putNetwork(
          work.tx,
          network,
          { ...request.body, secret: request.body.secret === undefined ? undefined : sealSecret(request.server.secretKey, request.body.secret) },
          work.now,
        ),
      );
      if (!row) throw badRequest("secret", `${network} has no secret yet: give one`);
      return presentNetwork(network, row);
    },
  );

  app.get(
    "/social/posts",
    {
      schema: {
        tags,
        summary: "The stream of social messages, newest first, with the incidents open or closed within a day",
        security: SECURITY,
        querystring: Type.Object(
          {
            network: Type.Optional(StringEnum(NETWORKS)),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            before: Type.Optional(DateTime),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(PostSchema), incidents: Type.Array(IncidentSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "tickets.read");
      if (principal.kind !== "agent") throw forbidden("the social view is for staff only");
      const db = request.server.database.db;
      const { network, limit, before } = request.query;
      const [posts, thresholds, incidents] = await Promise.all([
        listPosts(db, { network: network as Network | undefined, limit, before: before ? new Date(before) : undefined }),
        thresholdsOf(db),
        listIncidents(db, new Date(now(request).getTime() - DAY)),
      ]);
      return { items: posts.map((post) => presentPost(post, thresholds)), incidents: incidents.map(presentIncident) };
    },
  );

  app.get(
    "/social/posts/:id/history",
    {
      schema: {
        tags,
        summary: "The author's messages with the brand over the last seven days, newest first",
        security: SECURITY,
        params: Type.Object({ id: Uuid }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(PostSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "tickets.read");
      if (principal.kind !== "agent") throw forbidden("the social view is for staff only");
      const db = request.server.database.db;
      const post = await postById(db, request.params.id);
      if (!post) throw notFound(`social message ${request.params.id}`);
      const since = new Date(now(request).getTime() - 7 * DAY);
      const thresholds = await thresholdsOf(db);
      return { items: (await authorPostsSince(db, post.network, post.authorId, since)).map((item) => presentPost(item, thresholds)) };
    },
  );

  app.post(
    "/social/posts/:id/escalate",
    {
      schema: {
        tags,
        summary: "Send a social message to support: its ticket raised to a priority (default high), with internal tags",
        security: SECURITY,
        params: Type.Object({ id: Uuid }, { additionalProperties: false }),
        body: EscalateBody,
        response: { 200: Type.Object({ ticket: TicketSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "tickets.update");
      const locale = (await readerLocale(request)) ?? "en";
      const ticket = await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        escalatePost(work, {
          postId: request.params.id,
          ...(request.body.priority ? { priority: request.body.priority } : {}),
          ...(request.body.tags ? { tags: request.body.tags } : {}),
          ...(request.body.teamId ? { teamId: request.body.teamId } : {}),
          locale,
        }),
      );
      return { ticket: presentTicket(ticket, principal) };
    },
  );

  app.post(
    "/social/incidents/:id/close",
    {
      schema: {
        tags,
        summary: "Close an incident once it is handled (managers)",
        security: SECURITY,
        params: Type.Object({ id: Uuid }, { additionalProperties: false }),
        body: Type.Object({}, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      callerWith(request, "rules.write");
      const closed = await inWork(request.server.database.db, { now: now(request), actor: actorOf(request.principal!) }, (work) =>
        closeIncident(work.tx, request.params.id, work.now),
      );
      if (!closed) throw notFound(`open incident ${request.params.id}`);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/tickets/:number/social",
    {
      schema: {
        tags,
        summary: "A social ticket's messages from the network, with their authors' profiles (staff only)",
        security: SECURITY,
        params: Type.Object({ number: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(PostSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "tickets.read");
      if (principal.kind !== "agent") throw forbidden("for staff only");
      const ticket = await visibleTicket(request, principal, request.params.number);
      const db = request.server.database.db;
      const thresholds = await thresholdsOf(db);
      return { items: (await postsOfTicket(db, ticket.number)).map((post) => presentPost(post, thresholds)) };
    },
  );
};
