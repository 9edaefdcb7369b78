// Approvals over HTTP (docs/escalation.md): ask to grant a refund or a goodwill gesture on a
// ticket, a ticket's approvals, and a manager's decision (from the notification's approval id).

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type, type Static } from "typebox";
import { decideApproval, requestApproval } from "../../../commands/handoff/approvals.js";
import { inWork } from "../../../commands/work.js";
import { APPROVAL_KINDS, APPROVAL_STATUSES } from "../../../core/escalation/approval.js";
import { type Approval, ticketApprovals } from "../../../store/approvals.js";
import { getTicket } from "../../../store/tickets/ticketRows.js";
import { notFound } from "../../errors.js";
import { actorOf, callerWith, forbidden, now } from "../common/access.js";
import { DateTime, errorResponses, IdParams, Nullable, SECURITY, StringEnum, Uuid } from "../common/schema.js";
import { NumberParams } from "../tickets/schema.js";

const tags = ["escalations"];

const ApprovalBody = Type.Object(
  {
    kind: Type.Optional(Type.String({ maxLength: 20, description: `one of ${APPROVAL_KINDS.join(", ")}` })),
    amountCents: Type.Optional(Type.Integer({ minimum: -2_147_483_648, maximum: 2_147_483_647, description: "whole cents, positive" })),
    currency: Type.Optional(Type.String({ maxLength: 3, description: "ISO 4217, default EUR" })),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

const DecisionBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });

const ApprovalSchema = Type.Object(
  {
    id: Uuid,
    ticketNumber: Type.Integer(),
    kind: StringEnum(APPROVAL_KINDS),
    amountCents: Type.Integer(),
    currency: Type.String(),
    reason: Type.String(),
    requestedById: Nullable(Uuid),
    approverId: Nullable(Uuid),
    status: StringEnum(APPROVAL_STATUSES),
    decidedById: Nullable(Uuid),
    decidedAt: Nullable(DateTime),
    decisionNote: Nullable(Type.String()),
    createdAt: DateTime,
  },
  { additionalProperties: false },
);

function presentApproval(a: Approval): Static<typeof ApprovalSchema> {
  return {
    id: a.id,
    ticketNumber: a.ticketNumber,
    kind: a.kind as Static<typeof ApprovalSchema>["kind"],
    amountCents: a.amountCents,
    currency: a.currency,
    reason: a.reason,
    requestedById: a.requestedById,
    approverId: a.approverId,
    status: a.status as Static<typeof ApprovalSchema>["status"],
    decidedById: a.decidedById,
    decidedAt: a.decidedAt === null ? null : a.decidedAt.toISOString(),
    decisionNote: a.decisionNote,
    createdAt: a.createdAt.toISOString(),
  };
}

/** Registers the approval routes. */
export const approvalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;
  const staff = (principal: ReturnType<typeof callerWith>) => {
    if (principal.kind === "customer") throw forbidden("approvals are the staff's");
    return principal;
  };

  app.post(
    "/tickets/:number/approvals",
    {
      schema: {
        tags,
        summary: "Ask to grant a refund or a goodwill gesture; beyond your role's limit a manager is asked",
        description: "`kind`, a positive `amountCents` and `reason` are required (a 400 names each one missing). Within your limit it is approved at once.",
        security: SECURITY,
        params: NumberParams,
        body: ApprovalBody,
        response: { 201: ApprovalSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = staff(callerWith(request, "escalations.write"));
      const approval = await inWork(db(), { now: now(request), actor: actorOf(principal) }, (work) =>
        requestApproval(work, { number: request.params.number, ...request.body }),
      );
      reply.status(201);
      return presentApproval(approval);
    },
  );

  app.get(
    "/tickets/:number/approvals",
    {
      schema: {
        tags,
        summary: "A ticket's approvals, oldest first",
        security: SECURITY,
        params: NumberParams,
        response: { 200: Type.Object({ items: Type.Array(ApprovalSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      staff(callerWith(request, "tickets.read"));
      if (!(await getTicket(db(), request.params.number))) throw notFound(`ticket #${request.params.number}`);
      return { items: (await ticketApprovals(db(), request.params.number)).map(presentApproval) };
    },
  );

  for (const decision of ["approve", "decline"] as const) {
    app.post(
      `/approvals/:id/${decision}`,
      {
        schema: {
          tags,
          summary: decision === "approve" ? "Approve a pending approval asked of you" : "Decline a pending approval asked of you",
          description: "The manager asked, or one whose own limit covers the amount (403 otherwise); one already decided is a 409.",
          security: SECURITY,
          params: IdParams,
          body: DecisionBody,
          response: { 200: ApprovalSchema, ...errorResponses },
        },
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request) => {
        const principal = staff(callerWith(request, "escalations.write"));
        const approval = await inWork(db(), { now: now(request), actor: actorOf(principal) }, (work) =>
          decideApproval(work, { id: request.params.id, decision: decision === "approve" ? "approved" : "declined", note: request.body.note }),
        );
        return presentApproval(approval);
      },
    );
  }
};
