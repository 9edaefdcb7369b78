// Social replies out: the payload's body POSTed as JSON to the network's connector, signed as
// the inbound webhooks are (HMAC-SHA256 of timestamp, a dot and the raw body, keyed by the
// network's secret, read when it is sent, so that it never sits in the outbox). A 2xx answer
// delivers; any other answer, a network error or no answer in time is retried; no connector or
// no secret kills the row at once (docs/social.md).

import { isSealed, openStoredSecret, SecretUnreadableError } from "../../../channels/sealedSecret.js";
import { socialSignature } from "../../../channels/social/signature.js";
import { isNetwork } from "../../../core/social/socialEvent.js";
import type { Db } from "../../../store/database.js";
import type { OutboxRow } from "../../../store/outbox/outbox.js";
import { getNetwork } from "../../../store/social.js";
import { PermanentDeliveryError, requiredText } from "../deliveryError.js";
import type { TransportFactory } from "./transport.js";
import { WEBHOOK_TIMEOUT_MS, WebhookStatusError } from "./webhook.js";

/** POSTs the row's reply to its network's connector; resolves on a 2xx answer, throws otherwise. */
export async function sendSocialReply(
  db: Db,
  row: OutboxRow,
  now: Date,
  options: { timeoutMs?: number; secretKey?: Buffer | undefined } = {},
): Promise<string> {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const network = requiredText(row.payload, "network", "social");
  if (!isNetwork(network)) throw new PermanentDeliveryError(`"${network}" is not a social network Palier knows`);
  if (!row.address) throw new PermanentDeliveryError(`no connector URL was set for ${network} when the reply was written`);
  let url: URL;
  try {
    url = new URL(row.address);
  } catch {
    throw new PermanentDeliveryError(`"${row.address}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new PermanentDeliveryError(`"${url.protocol}" URLs cannot receive replies: use http or https`);
  if (!("body" in row.payload)) throw new PermanentDeliveryError("the social payload has no body");
  const connection = await getNetwork(db, network);
  if (!connection) throw new PermanentDeliveryError(`${network} has no secret to sign with`);
  const secret = secretOf(connection.secret, options.secretKey, network);
  const rawBody = JSON.stringify(row.payload.body);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "Palier-Social/1",
      "x-palier-delivery": row.deliveryId,
      "x-palier-timestamp": timestamp,
      "x-palier-signature": socialSignature(secret, timestamp, rawBody),
    },
    body: rawBody,
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.body?.cancel().catch(() => undefined);
  if (response.status < 200 || response.status > 299) throw new WebhookStatusError(response.status);
  return "social";
}

/** The network's secret, opened: a sealed one that cannot be opened (no key, another key) kills the row, as retrying would not help. */
function secretOf(stored: string, key: Buffer | undefined, network: string): string {
  if (key === undefined) {
    if (!isSealed(stored)) return stored;
    throw new PermanentDeliveryError(`${network}'s secret is sealed and this worker has no key to open it (PALIER_SECRET_KEY)`);
  }
  try {
    return openStoredSecret(key, stored);
  } catch (error) {
    if (error instanceof SecretUnreadableError) throw new PermanentDeliveryError(`${network}'s secret: ${error.message}`);
    throw error;
  }
}

/** The `social` transport: signed POSTs to the networks' connectors. */
export const socialTransport: TransportFactory = (options) => ({
  kind: "social",
  mode: "row",
  send: (row, now) => sendSocialReply(options.db, row, now, { timeoutMs: options.webhookTimeoutMs, secretKey: options.secretKey }),
});
