// An agent's one-time password: an admin gives a new (or forgetful) agent a generated password,
// shown once in the answer, to be changed by them later. Setting it ends the agent's sessions.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { randomBytes } from "node:crypto";
import { Type } from "typebox";
import { setAgentPassword } from "../../../commands/accounts/setAgentPassword.js";
import { inWork } from "../../../commands/work.js";
import { hashPassword } from "../../../store/passwords.js";
import { actorOf, callerWith, now } from "../common/access.js";
import { errorResponses, IdParams, SECURITY } from "../common/schema.js";
import { credentialsChanged } from "../notifications/notificationHub.js";

/** 18 random bytes as base64url: 24 characters, well past the minimum length. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

const PasswordBody = Type.Object({}, { additionalProperties: false, description: "nothing (an empty object, or no body)" });

const PasswordAnswer = Type.Object(
  { password: Type.String({ description: "the new password, shown this once; only its argon2id hash is stored" }) },
  { additionalProperties: false },
);

/** `POST /agents/{id}/password`: a new generated password for the agent (admins). */
export const agentPasswordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/agents/:id/password",
    {
      schema: {
        tags: ["agents"],
        summary: "Give an agent a new generated password, shown once; ends their sessions",
        security: SECURITY,
        params: IdParams,
        body: PasswordBody,
        response: { 200: PasswordAnswer, ...errorResponses },
      },
      // No body at all means the same as {} (a JSON null is still a wrong body).
      preValidation: async (request) => {
        if (request.body === undefined) request.body = {};
      },
    },
    async (request) => {
      const principal = callerWith(request, "agents.write");
      const password = generatePassword();
      const passwordHash = await hashPassword(password);
      await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        setAgentPassword(work, { id: request.params.id, passwordHash }),
      );
      // Their sessions ended with it: so do their live streams.
      credentialsChanged();
      return { password };
    },
  );
};
