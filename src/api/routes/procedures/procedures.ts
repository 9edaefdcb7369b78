// Guided procedures (docs/procedures.md): managers list, create, read, replace and delete them;
// on a ticket, staff read the ones its tags and team call for with the progress saved, and agents
// save their progress (a `procedure` event in the timeline).

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Static } from "typebox";
import { createProcedure, updateProcedure } from "../../../commands/procedures/procedures.js";
import { recordProgress, type TicketProcedure, ticketProcedures } from "../../../commands/procedures/ticketProcedures.js";
import { inWork } from "../../../commands/work.js";
import { deleteProcedure, getProcedure, listProcedures, type ProcedureRow } from "../../../store/procedures.js";
import { notFound } from "../../errors.js";
import { actorOf, callerWith, now } from "../common/access.js";
import { errorResponses, IdParams, IfMatchHeaders, SECURITY } from "../common/schema.js";
import { expectedVersion, setETag } from "../common/versions.js";
import { NumberParams } from "../tickets/schema.js";
import { visibleTicket } from "../tickets/tickets.js";
import {
  CreateProcedureBody,
  ProcedureList,
  ProcedureListQuery,
  ProcedureSchema,
  ProcedureTicketParams,
  ProgressBody,
  ReplaceProcedureBody,
  TicketProcedureList,
  TicketProcedureSchema,
} from "./schema.js";

const tags = ["procedures"];

/** A procedure's JSON. */
export function presentProcedure(row: ProcedureRow): Static<typeof ProcedureSchema> {
  return {
    id: row.id,
    teamId: row.teamId,
    requestType: row.requestType,
    names: row.names,
    required: row.required,
    steps: row.steps,
    fields: row.fields,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

function presentTicketProcedure(item: TicketProcedure): Static<typeof TicketProcedureSchema> {
  return {
    procedure: presentProcedure(item.procedure),
    done: item.progress.done,
    values: item.progress.values,
    missing: item.missing.map((f) => f.key),
    updatedById: item.updatedById,
    updatedAt: item.updatedAt?.toISOString() ?? null,
    version: item.version,
  };
}

/** Registers the procedure routes. */
export const procedureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/procedures",
    {
      schema: {
        tags,
        summary: "List guided procedures by request type; teamId keeps that team's and the workspace-wide ones",
        security: SECURITY,
        querystring: ProcedureListQuery,
        response: { 200: ProcedureList, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "procedures.read");
      const rows = await listProcedures(request.server.database.db, request.query);
      return { items: rows.map(presentProcedure) };
    },
  );

  app.post(
    "/procedures",
    {
      schema: {
        tags,
        summary: "Create a guided procedure; every problem is named by its path",
        security: SECURITY,
        body: CreateProcedureBody,
        response: { 201: ProcedureSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      callerWith(request, "procedures.write");
      const row = await createProcedure(request.server.database.db, { input: request.body, now: now(request) });
      setETag(reply, row.version);
      return reply.status(201).send(presentProcedure(row));
    },
  );

  app.get(
    "/procedures/:id",
    {
      schema: {
        tags,
        summary: "Read a guided procedure (ETag: its version)",
        security: SECURITY,
        params: IdParams,
        response: { 200: ProcedureSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      callerWith(request, "procedures.read");
      const row = await getProcedure(request.server.database.db, request.params.id);
      if (!row) throw notFound(`procedure ${request.params.id}`);
      setETag(reply, row.version);
      return presentProcedure(row);
    },
  );

  app.put(
    "/procedures/:id",
    {
      schema: {
        tags,
        summary: "Replace a guided procedure; If-Match (or version) makes it conditional",
        description: "Progress saved on tickets keeps the steps and fields whose keys remain.",
        security: SECURITY,
        params: IdParams,
        headers: IfMatchHeaders,
        body: ReplaceProcedureBody,
        response: { 200: ProcedureSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      callerWith(request, "procedures.write");
      const { version, ...input } = request.body;
      const row = await updateProcedure(request.server.database.db, {
        id: request.params.id,
        input,
        now: now(request),
        expectedVersion: expectedVersion(request, version),
      });
      setETag(reply, row.version);
      return presentProcedure(row);
    },
  );

  app.delete(
    "/procedures/:id",
    {
      schema: {
        tags,
        summary: "Delete a guided procedure and the progress saved on tickets; If-Match makes it conditional",
        security: SECURITY,
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: { type: "null", description: "deleted" }, ...errorResponses },
      },
    },
    async (request, reply) => {
      callerWith(request, "procedures.write");
      await deleteProcedure(request.server.database.db, request.params.id, expectedVersion(request, undefined));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/tickets/:number/procedures",
    {
      schema: {
        tags,
        summary: "The procedures a ticket's tags and team call for, with the progress saved on it",
        security: SECURITY,
        params: NumberParams,
        response: { 200: TicketProcedureList, ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "procedures.read");
      const ticket = await visibleTicket(request, principal, request.params.number);
      const items = await ticketProcedures(request.server.database.db, ticket.number);
      return { items: items.map(presentTicketProcedure) };
    },
  );

  app.put(
    "/tickets/:number/procedures/:id",
    {
      schema: {
        tags,
        summary: "Save progress on a procedure of the ticket: every step done and every value collected",
        description: "Records a `procedure` event with what changed; a save that changes nothing writes nothing.",
        security: SECURITY,
        params: ProcedureTicketParams,
        body: ProgressBody,
        response: { 200: TicketProcedureSchema, ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "tickets.update");
      const ticket = await visibleTicket(request, principal, request.params.number);
      const saved = await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        recordProgress(work, { number: ticket.number, procedureId: request.params.id, progress: request.body }),
      );
      return presentTicketProcedure(saved);
    },
  );
};
