// The social networks' inbound webhook (docs/social.md): anonymous, authenticated by its
// signature alone. The body is read as raw text so that the signature is checked on the bytes
// that were signed, before anything in it is believed; then the delivery is read and taken in one
// unit of work.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { SIGNATURE_WINDOW_MS, SignatureRefused, verifySocialSignature } from "../../../channels/social/signature.js";
import { receiveSocial } from "../../../commands/social/receiveSocial.js";
import { inWork } from "../../../commands/work.js";
import { SYSTEM_ACTOR } from "../../../core/events/actor.js";
import { isNetwork, NETWORKS, parseSocialDelivery, SocialEventInvalid } from "../../../core/social/socialEvent.js";
import { openStoredSecret, SecretUnreadableError } from "../../../channels/sealedSecret.js";
import { getNetwork } from "../../../store/social.js";
import { notFound } from "../../errors.js";
import { now } from "../common/access.js";
import { ErrorResponse, StringEnum } from "../common/schema.js";

const Received = Type.Object(
  {
    events: Type.Array(
      Type.Object(
        {
          id: Type.String({ description: "the network's id of the message" }),
          outcome: StringEnum(["ticket", "reply", "duplicate"] as const, { description: "a new ticket, a message on its thread's ticket, or taken already" }),
          ticketNumber: Type.Union([Type.Integer(), Type.Null()]),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** Registers POST /channels/social/:network; mount with `{ prefix: "/api/v1" }`, outside the authenticated routes. */
export const socialWebhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The bytes as sent: parsing comes after the signature (a refused request is a 401 whatever its body).
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => done(null, body));

  app.post(
    "/channels/social/:network",
    {
      schema: {
        tags: ["social"],
        summary: "Receive a signed delivery of social messages (mentions, replies, direct messages)",
        description:
          "Signed with the network's shared secret: `X-Palier-Timestamp` (Unix seconds, within 5 minutes of the server's clock) and `X-Palier-Signature: sha256=<hex HMAC-SHA256 of timestamp + '.' + raw body>`. A delivery id is taken once: a replay is a 409. See docs/social.md for the body.",
        security: [],
        params: Type.Object({ network: StringEnum(NETWORKS) }, { additionalProperties: false }),
        response: { 200: Received, "4xx": ErrorResponse },
      },
    },
    async (request) => {
      const { network } = request.params;
      if (!isNetwork(network)) throw notFound(`network ${network as string}`);
      const at = now(request);
      const rawBody = typeof request.body === "string" ? request.body : "";
      const connection = await getNetwork(request.server.database.db, network);
      if (!connection) throw new SignatureRefused("not_configured", `no secret is set for ${network}: an admin sets one in Palier`);
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      verifySocialSignature({
        secret: openNetworkSecret(request.server.secretKey, connection.secret, network),
        timestamp: header("x-palier-timestamp"),
        signature: header("x-palier-signature"),
        rawBody,
        now: at,
      });
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        throw new SocialEventInvalid("body", "must be JSON");
      }
      const delivery = parseSocialDelivery(body);
      const received = await inWork(request.server.database.db, { now: at, actor: SYSTEM_ACTOR }, (work) =>
        receiveSocial(work, { network, delivery, forgetBefore: new Date(at.getTime() - 2 * SIGNATURE_WINDOW_MS) }),
      );
      return { events: received.events.map(({ id, outcome, ticketNumber }) => ({ id, outcome, ticketNumber })) };
    },
  );
};

/** The network's shared secret, opened; one this server's key cannot open is refused as not configured (an admin sets it again). */
function openNetworkSecret(key: Buffer, stored: string, network: string): string {
  try {
    return openStoredSecret(key, stored);
  } catch (error) {
    if (!(error instanceof SecretUnreadableError)) throw error;
    throw new SignatureRefused(
      "not_configured",
      `the secret stored for ${network} cannot be opened with this server's key (PALIER_SECRET_KEY changed?): an admin sets it again in Palier`,
    );
  }
}
