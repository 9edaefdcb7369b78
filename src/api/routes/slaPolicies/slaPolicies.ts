// SLA policy routes: list (in order), create, read, conditional update and reorder. A write that
// moves clocks answers with the id of the recompute job it queued (GET /api/v1/jobs/{id}).

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type, type Static } from "typebox";
import { createPolicy, reorderPolicies, updatePolicy } from "../../../commands/sla/policies.js";
import { inWork } from "../../../commands/work.js";
import type { EscalationMatrix } from "../../../core/sla/policy.js";
import { policyOf } from "../../../store/sla/policies.js";
import { getPolicyRow, listPolicyRows, type PolicyFields, type SlaPolicyRow } from "../../../store/sla/policyRows.js";
import { notFound } from "../../errors.js";
import { actorOf, callerWith, now } from "../common/access.js";
import { errorResponses, IdParams, IfMatchHeaders, SECURITY } from "../common/schema.js";
import { expectedVersion, setETag } from "../common/versions.js";
import { DryRunQuery, DryRunSchema, dryRun } from "./dryRun.js";
import { CreatePolicyBody, PolicyList, PolicySchema, PolicyWriteSchema, ReorderBody, ReorderResponse, UpdatePolicyBody } from "./schema.js";

const tags = ["sla"];

/** The fields whose change may make the policy apply to other tickets. */
const MATCHING_FIELDS = ["conditions", "active", "isDefault"] as const;

/** A policy's JSON: the policy as the core reads it, with its stamps and version. */
export function presentPolicy(row: SlaPolicyRow): Static<typeof PolicySchema> {
  return {
    ...(policyOf(row) as Omit<Static<typeof PolicySchema>, "createdAt" | "updatedAt" | "version">),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

type Body = Partial<Omit<Static<typeof UpdatePolicyBody>, "version">>;

/** The policy fields of a body, with the matrix's defaults filled in (the commands check what the schema cannot say). */
function fieldsOf(body: Body): Partial<PolicyFields> {
  const fields = { ...body } as Partial<PolicyFields>;
  if (body.calendarId) fields.calendarId = body.calendarId.toLowerCase();
  if (body.matrix) {
    const matrix = body.matrix as EscalationMatrix;
    fields.matrix = {
      ...matrix,
      steps: matrix.steps.map((step) => ({ ...step, clock: step.clock ?? "business", recipients: step.recipients ?? [], actions: step.actions ?? [] })),
    };
  }
  return fields;
}

/** Registers the SLA policy routes. */
export const slaPolicyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/sla-policies",
    { schema: { tags, summary: "List the SLA policies in the order they are matched", security: SECURITY, response: { 200: PolicyList, ...errorResponses } } },
    async (request) => {
      callerWith(request, "sla.read");
      return { items: (await listPolicyRows(request.server.database.db)).map(presentPolicy) };
    },
  );

  app.post(
    "/sla-policies",
    {
      schema: {
        tags,
        summary: "Create an SLA policy (placed last); an active one recomputes the open tickets in the background",
        security: SECURITY,
        body: CreatePolicyBody,
        response: { 201: PolicyWriteSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "sla.write");
      const { name, ...rest } = request.body;
      const fields: PolicyFields = {
        name,
        active: true,
        isDefault: false,
        conditions: {},
        calendarId: null,
        targets: {},
        pauseStatuses: ["pending", "on_hold"],
        noteCountsAsResponse: false,
        callCountsAsResponse: false,
        matrix: { steps: [] },
        ...fieldsOf(rest),
      };
      const { result, jobId } = await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        createPolicy(work, { fields }),
      );
      setETag(reply, result.version);
      reply.status(201);
      return { ...presentPolicy(result), jobId };
    },
  );

  app.post(
    "/sla-policies/reorder",
    {
      schema: {
        tags,
        summary: "Reorder the SLA policies: these first, in this order, the others after them",
        security: SECURITY,
        body: ReorderBody,
        response: { 200: ReorderResponse, ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "sla.write");
      const { result, jobId } = await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        reorderPolicies(work, { ids: request.body.ids }),
      );
      return { items: result.map(presentPolicy), jobId };
    },
  );

  app.get(
    "/sla-policies/:id",
    {
      schema: {
        tags,
        summary: "Read an SLA policy (ETag: its version)",
        security: SECURITY,
        params: IdParams,
        response: { 200: PolicySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      callerWith(request, "sla.read");
      const row = await getPolicyRow(request.server.database.db, request.params.id);
      if (!row) throw notFound(`SLA policy ${request.params.id}`);
      setETag(reply, row.version);
      return presentPolicy(row);
    },
  );

  app.patch(
    "/sla-policies/:id",
    {
      schema: {
        tags,
        summary: "Change an SLA policy; If-Match (or version) makes it conditional",
        description:
          "A change to targets, calendar, conditions, pause statuses, matrix, active or default recomputes the open tickets in the background: `jobId` names that job. With `?dryRun=true`, the change is validated and checked as for real, and the answer is its impact on open tickets (`{ dryRun: true, impact }`); nothing is saved.",
        security: SECURITY,
        params: IdParams,
        headers: IfMatchHeaders,
        querystring: DryRunQuery,
        body: UpdatePolicyBody,
        response: { 200: Type.Union([PolicyWriteSchema, DryRunSchema]), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "sla.write");
      const { version, ...changes } = request.body;
      const expected = expectedVersion(request, version);
      const context = { now: now(request), actor: actorOf(principal) };
      const props = { id: request.params.id, changes: fieldsOf(changes), expectedVersion: expected };
      if (request.query.dryRun) {
        return dryRun(request.server.database.db, context, async (work) => {
          const { result } = await updatePolicy(work, props);
          // A change of what the policy matches on may reach any open ticket.
          return { policyIds: [result.id], calendarId: null, everyOpen: MATCHING_FIELDS.some((field) => changes[field] !== undefined) };
        });
      }
      const { result, jobId } = await inWork(request.server.database.db, context, (work) => updatePolicy(work, props));
      setETag(reply, result.version);
      return { ...presentPolicy(result), jobId };
    },
  );
};
