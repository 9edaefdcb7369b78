// The human escalation over HTTP (docs/escalation.md): escalate a ticket (and preview it first),
// a ticket's escalations with its bounce count, accept or bounce one, the board, and an agent's
// counts. Customers see none of it: the hand-off is the staff's.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import type { Static } from "typebox";
import { acceptEscalation, bounceEscalation } from "../../../commands/handoff/decideEscalation.js";
import { escalateTicket, previewEscalation } from "../../../commands/handoff/escalateTicket.js";
import { inWork } from "../../../commands/work.js";
import type { Permission, Principal } from "../../../core/access/permissions.js";
import {
  agentEscalationCounts,
  type Escalation,
  escalationBoard,
  escalationCountsByAgent,
  ticketBounces,
  ticketEscalations,
} from "../../../store/escalations.js";
import { agentStore } from "../../../store/entities.js";
import { getTicket } from "../../../store/tickets/ticketRows.js";
import { notFound } from "../../errors.js";
import { presentTicket } from "../../presenters.js";
import { actorOf, callerWith, forbidden, now } from "../common/access.js";
import { errorResponses, IdParams, SECURITY } from "../common/schema.js";
import { NumberParams } from "../tickets/schema.js";
import { escalationSettingsRoutes } from "./escalationSettings.js";
import { takeOverRoutes } from "./takeOver.js";
import {
  AcceptBody,
  AgentCounts,
  AgentCountsList,
  AgentCountsQuery,
  BoardQuery,
  BoardResponse,
  BounceBody,
  DecisionResponse,
  EscalateBody,
  EscalateResponse,
  EscalationSchema,
  PreviewResponse,
  TicketEscalations,
} from "./schema.js";

const tags = ["escalations"];

/** An escalation's JSON, its age counted at `at`. */
export function presentEscalation(e: Escalation, at: Date): Static<typeof EscalationSchema> {
  const iso = (d: Date | null) => (d === null ? null : d.toISOString());
  return {
    id: e.id,
    ticketNumber: e.ticketNumber,
    kind: e.kind as Static<typeof EscalationSchema>["kind"],
    status: e.status as Static<typeof EscalationSchema>["status"],
    fromAgentId: e.fromAgentId,
    fromTeamId: e.fromTeamId,
    toTeamId: e.toTeamId,
    toAgentId: e.toAgentId,
    vendor: e.vendor,
    vendorReference: e.vendorReference,
    promisedAt: iso(e.promisedAt),
    handoff: e.handoff,
    etaAt: iso(e.etaAt),
    noticeMessageId: e.noticeMessageId,
    decidedById: e.decidedById,
    decidedAt: iso(e.decidedAt),
    bounceReason: e.bounceReason,
    suggestedTeamId: e.suggestedTeamId,
    rootCause: e.rootCause,
    rootCauseText: e.rootCauseText,
    resolvedAt: iso(e.resolvedAt),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    ageSeconds: Math.max(0, Math.floor((at.getTime() - e.createdAt.getTime()) / 1000)),
  };
}

/** The staff caller holding `permission`: escalations are no customer's business. */
function staffWith(request: FastifyRequest, permission: Permission): Principal {
  const principal = callerWith(request, permission);
  if (principal.kind === "customer") throw forbidden("escalations are the staff's");
  return principal;
}

/** Registers the escalation routes. */
export const escalationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(escalationSettingsRoutes);
  await app.register(takeOverRoutes);

  const db = () => app.database.db;

  app.post(
    "/tickets/:number/escalations",
    {
      schema: {
        tags,
        summary: "Escalate a ticket: functional, hierarchical or external, with a complete hand-off",
        description:
          "Functional needs `toTeamId` or `toAgentId`; hierarchical a lead or manager as `toAgentId`; external `vendor`, `vendorReference` and `promisedAt`. " +
          "The hand-off's `summary`, `tried`, `impact` and `urgency` are required: a 400 names every one missing. Within minutes of the ticket's creation " +
          "with no agent reply or note yet, `reason` is required too. A ticket with an open or accepted escalation is a 409.",
        security: SECURITY,
        params: NumberParams,
        body: EscalateBody,
        response: { 201: EscalateResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = staffWith(request, "escalations.write");
      const { notifyCustomer, noticeText, ...input } = request.body;
      const made = await inWork(db(), { now: now(request), actor: actorOf(principal) }, (work) =>
        escalateTicket(work, { number: request.params.number, request: input, notifyCustomer, noticeText }),
      );
      reply.status(201);
      return { escalation: presentEscalation(made.escalation, now(request)), ticket: presentTicket(made.ticket, principal), notice: made.notice };
    },
  );

  app.post(
    "/tickets/:number/escalations/preview",
    {
      schema: {
        tags,
        summary: "Preview an escalation: its checks, the ETA and the customer notice, without writing",
        security: SECURITY,
        params: NumberParams,
        body: EscalateBody,
        response: { 200: PreviewResponse, ...errorResponses },
      },
    },
    async (request) => {
      const principal = staffWith(request, "escalations.write");
      const { notifyCustomer: _n, noticeText: _t, ...input } = request.body;
      const preview = await inWork(db(), { now: now(request), actor: actorOf(principal) }, (work) =>
        previewEscalation(work, { number: request.params.number, request: input }),
      );
      return { etaAt: preview.eta?.toISOString() ?? null, notice: preview.notice, changes: preview.changes };
    },
  );

  app.get(
    "/tickets/:number/escalations",
    {
      schema: {
        tags,
        summary: "A ticket's escalations, oldest first, and how many times it was sent back",
        security: SECURITY,
        params: NumberParams,
        response: { 200: TicketEscalations, ...errorResponses },
      },
    },
    async (request) => {
      staffWith(request, "tickets.read");
      const number = request.params.number;
      if (!(await getTicket(db(), number))) throw notFound(`ticket #${number}`);
      const at = now(request);
      const [items, bounces] = await Promise.all([ticketEscalations(db(), number), ticketBounces(db(), number)]);
      return { items: items.map((e) => presentEscalation(e, at)), bounces };
    },
  );

  app.post(
    "/escalations/:id/accept",
    {
      schema: {
        tags,
        summary: "Accept an escalation handed to you or your team",
        description:
          "The ticket is yours when nobody holds it. Only the person or team it was handed to, or a manager, decides (403); one already decided is a 409.",
        security: SECURITY,
        params: IdParams,
        body: AcceptBody,
        response: { 200: DecisionResponse, ...errorResponses },
      },
      // A POST without a body accepts too.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const principal = staffWith(request, "escalations.write");
      const decided = await inWork(db(), { now: now(request), actor: actorOf(principal) }, (work) => acceptEscalation(work, { id: request.params.id }));
      return { escalation: presentEscalation(decided.escalation, now(request)), ticket: presentTicket(decided.ticket, principal), bounces: decided.bounces };
    },
  );

  app.post(
    "/escalations/:id/bounce",
    {
      schema: {
        tags,
        summary: "Send an escalation back, with a reason and optionally a better team",
        description: "The ticket returns to the agent and team who escalated it, and the bounce is counted.",
        security: SECURITY,
        params: IdParams,
        body: BounceBody,
        response: { 200: DecisionResponse, ...errorResponses },
      },
    },
    async (request) => {
      const principal = staffWith(request, "escalations.write");
      const decided = await inWork(db(), { now: now(request), actor: actorOf(principal) }, (work) =>
        bounceEscalation(work, { id: request.params.id, reason: request.body.reason ?? "", suggestedTeamId: request.body.suggestedTeamId }),
      );
      return { escalation: presentEscalation(decided.escalation, now(request)), ticket: presentTicket(decided.ticket, principal), bounces: decided.bounces };
    },
  );

  app.get(
    "/escalations",
    {
      schema: {
        tags,
        summary: "The escalations board: newest first, by status, kind and receiving team, with their age",
        security: SECURITY,
        querystring: BoardQuery,
        response: { 200: BoardResponse, ...errorResponses },
      },
    },
    async (request) => {
      staffWith(request, "tickets.read");
      const q = request.query;
      const at = now(request);
      const items = await escalationBoard(db(), {
        statuses: q.status?.split(","),
        kinds: q.kind?.split(","),
        teamId: q.teamId?.toLowerCase(),
        limit: q.limit ?? 100,
      });
      return { items: items.map((e) => ({ ...presentEscalation(e, at), subject: e.subject, toTeamName: e.toTeamName })), now: at.toISOString() };
    },
  );

  app.get(
    "/agents/:id/escalations",
    {
      schema: {
        tags,
        summary: "How many escalations an agent made, and how many were sent back",
        security: SECURITY,
        params: IdParams,
        response: { 200: AgentCounts, ...errorResponses },
      },
    },
    async (request) => {
      staffWith(request, "agents.read");
      const id = request.params.id.toLowerCase();
      if (!(await agentStore.get(db(), id))) throw notFound(`agent ${id}`);
      return { agentId: id, ...(await agentEscalationCounts(db(), id)) };
    },
  );

  app.get(
    "/escalations/by-agent",
    {
      schema: {
        tags,
        summary: "Escalation figures of several agents: made, sent back to them, sent back by them",
        description: "For the agents list: one answer per id given, in that order (zeros for an id that is no agent).",
        security: SECURITY,
        querystring: AgentCountsQuery,
        response: { 200: AgentCountsList, ...errorResponses },
      },
    },
    async (request) => {
      staffWith(request, "agents.read");
      return { items: await escalationCountsByAgent(db(), request.query.agentIds.toLowerCase().split(",")) };
    },
  );
};
