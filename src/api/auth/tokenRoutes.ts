// Personal API tokens: GET/POST /tokens and DELETE /tokens/{id}, always the caller's own.
// A token acts with its owner's current role; customers have none.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { Type } from "typebox";
import { authorize } from "../../core/access/permissions.js";
import { type ApiTokenSummary, issueApiToken, listApiTokens, revokeApiToken } from "../../store/accounts.js";
import { unauthorized } from "../errors.js";
import { credentialsChanged } from "../routes/notifications/notificationHub.js";
import { ApiTokenSchema, isoOrNull } from "./schemas.js";

// The calling agent's id, once it holds tokens.own (customers do not).
function tokenOwner(request: FastifyRequest): string {
  if (!request.principal) throw unauthorized();
  authorize(request.principal, "tokens.own");
  return request.principal.id;
}

function tokenJson(token: ApiTokenSummary) {
  return { ...token, createdAt: token.createdAt.toISOString(), lastUsedAt: isoOrNull(token.lastUsedAt), revokedAt: isoOrNull(token.revokedAt) };
}

/** The token routes. */
export const tokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/v1/tokens",
    {
      schema: {
        tags: ["tokens"],
        summary: "Your API tokens, revoked ones included, newest first",
        response: { 200: Type.Object({ items: Type.Array(ApiTokenSchema) }) },
      },
    },
    async (request) => {
      const agentId = tokenOwner(request);
      const tokens = await listApiTokens(request.server.database.db, agentId);
      return { items: tokens.map(tokenJson) };
    },
  );

  app.post(
    "/api/v1/tokens",
    {
      schema: {
        tags: ["tokens"],
        summary: "Create an API token; its value is shown this once",
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100, pattern: "\\S" }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.String(), name: Type.String(), prefix: Type.String(), token: Type.String() }) },
      },
    },
    async (request, reply) => {
      const agentId = tokenOwner(request);
      const created = await issueApiToken(request.server.database.db, {
        agentId,
        name: request.body.name.trim(),
        now: request.server.clock.now(),
        ip: request.ip,
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    "/api/v1/tokens/:id",
    {
      schema: {
        tags: ["tokens"],
        summary: "Revoke one of your API tokens (someone else's is a 404)",
        params: Type.Object({ id: Type.String() }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const agentId = tokenOwner(request);
      await revokeApiToken(request.server.database.db, { agentId, tokenId: request.params.id, now: request.server.clock.now(), ip: request.ip });
      credentialsChanged();
      return reply.status(204).send(null);
    },
  );
};
