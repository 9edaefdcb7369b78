// The four routes every simple resource has (list, create, read, conditional update), built
// from a description of the resource so that customers, agents, teams… stay a few lines each.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Static, TObject, TSchema } from "typebox";
import type { Permission, Principal } from "../../../core/access/permissions.js";
import type { Db } from "../../../store/database.js";
import type { EntityPage, EntityStore } from "../../../store/entities.js";
import { VersionConflictError } from "../../../store/errors.js";
import { notFound } from "../../errors.js";
import { callerWith, now } from "./access.js";
import { errorResponses, IdParams, IfMatchHeaders, Page, SECURITY } from "./schema.js";
import { expectedVersion, setETag } from "./versions.js";

/** What a write handler gets besides its body. */
export interface WriteContext {
  db: Db;
  now: Date;
  principal: Principal;
}

/** A resource: its paths, permissions, JSON, request schemas and store calls. */
export interface EntityResource<Row, Insert, S extends TSchema, C extends TObject, U extends TObject, Q extends TObject> {
  /** The collection's path, e.g. `/customers`. */
  path: string;
  /** The OpenAPI tag, e.g. `customers`. */
  tag: string;
  /** The singular noun, e.g. `customer`. */
  noun: string;
  store: EntityStore<Row, Insert>;
  read: Permission;
  write: Permission;
  schema: S;
  present(row: Row): Static<S>;
  /** The list's query: `limit`, `cursor`, `q` and the resource's own filters. */
  listQuery: Q;
  /** The list's column filters from its query (`{ organizationId: "…" }`). */
  filters(query: Static<Q>): Record<string, unknown>;
  createBody: C;
  create(body: Static<C>, context: WriteContext): Promise<Row>;
  /** `version` (optional) plus the changeable fields. */
  updateBody: U;
  update(id: string, changes: Omit<Static<U>, "version">, expected: number | undefined, context: WriteContext): Promise<Row>;
}

/** Registers list, create, read and update for `resource`. */
export function entityRoutes<Row extends { version: number }, Insert, S extends TSchema, C extends TObject, U extends TObject, Q extends TObject>(
  resource: EntityResource<Row, Insert, S, C, U, Q>,
): FastifyPluginAsyncTypebox {
  const { path, noun, tag } = resource;
  const tags = [tag];
  const context = (request: FastifyRequest, principal: Principal): WriteContext => ({ db: request.server.database.db, now: now(request), principal });

  // An empty change set changes nothing, not even the version (but a stale version is still a 409).
  const unchanged = async (db: Db, id: string, expected: number | undefined): Promise<Row> => {
    const row = await resource.store.get(db, id);
    if (!row) throw notFound(`${noun} ${id}`);
    if (expected !== undefined && expected !== row.version) throw new VersionConflictError(noun, id, expected, row.version);
    return row;
  };

  return async (app) => {
    const typed = app as unknown as FastifyInstance;
    typed.get(
      path,
      {
        schema: {
          tags,
          summary: `List ${tag}, by name, a page at a time`,
          security: SECURITY,
          querystring: resource.listQuery,
          response: { 200: Page(resource.schema), ...errorResponses },
        },
      },
      async (request) => {
        callerWith(request, resource.read);
        const query = request.query as Static<Q> & { limit?: number; cursor?: string; q?: string };
        const page: EntityPage<Row> = await resource.store.list(request.server.database.db, {
          limit: query.limit,
          cursor: query.cursor,
          q: query.q,
          where: resource.filters(query),
        });
        return { items: page.items.map((row) => resource.present(row)), nextCursor: page.nextCursor };
      },
    );

    typed.post(
      path,
      {
        schema: { tags, summary: `Create a ${noun}`, security: SECURITY, body: resource.createBody, response: { 201: resource.schema, ...errorResponses } },
      },
      async (request, reply) => {
        const principal = callerWith(request, resource.write);
        const row = await resource.create(request.body as Static<C>, context(request, principal));
        setETag(reply, row.version);
        reply.status(201);
        return resource.present(row);
      },
    );

    typed.get(
      `${path}/:id`,
      {
        schema: {
          tags,
          summary: `Read a ${noun} (ETag: its version)`,
          security: SECURITY,
          params: IdParams,
          response: { 200: resource.schema, ...errorResponses },
        },
      },
      async (request, reply) => {
        callerWith(request, resource.read);
        const { id } = request.params as Static<typeof IdParams>;
        const row = await resource.store.get(request.server.database.db, id);
        if (!row) throw notFound(`${noun} ${id}`);
        setETag(reply, row.version);
        return resource.present(row);
      },
    );

    typed.patch(
      `${path}/:id`,
      {
        schema: {
          tags,
          summary: `Change a ${noun}; If-Match (or version) makes it conditional`,
          security: SECURITY,
          params: IdParams,
          headers: IfMatchHeaders,
          body: resource.updateBody,
          response: { 200: resource.schema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const principal = callerWith(request, resource.write);
        const { id } = request.params as Static<typeof IdParams>;
        const { version, ...changes } = request.body as Static<U> & { version?: number };
        const expected = expectedVersion(request, version);
        const row =
          Object.keys(changes).length === 0
            ? await unchanged(request.server.database.db, id, expected)
            : await resource.update(id, changes as Omit<Static<U>, "version">, expected, context(request, principal));
        setETag(reply, row.version);
        return resource.present(row);
      },
    );
  };
}
