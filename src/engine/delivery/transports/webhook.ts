// Webhook delivery: the payload's body POSTed as JSON, signed with HMAC-SHA256 of the raw body
// and the payload's secret. A 2xx answer delivers; any other answer, a network error or no
// answer within 10 s is retried (docs/notifications.md tells receivers how to verify).

import { createHmac } from "node:crypto";
import type { OutboxRow } from "../../../store/outbox/outbox.js";
import { PermanentDeliveryError, requiredText } from "../deliveryError.js";
import type { TransportFactory } from "./transport.js";

/** How long a receiver has to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** `sha256=<hex HMAC-SHA256 of rawBody keyed by secret>`: the X-Palier-Signature header. */
export function webhookSignature(rawBody: string | Buffer, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

/** A non-2xx answer. */
export class WebhookStatusError extends Error {
  constructor(readonly status: number) {
    super(`the receiver answered HTTP ${status}`);
    this.name = "WebhookStatusError";
  }
}

export interface WebhookRequest {
  url: string;
  rawBody: string;
  headers: Record<string, string>;
}

/** The request an outbox row makes; PermanentDeliveryError when the row cannot make one. */
export function webhookRequestOf(row: OutboxRow, now: Date): WebhookRequest {
  let url: URL;
  try {
    url = new URL(row.address ?? "");
  } catch {
    throw new PermanentDeliveryError(`"${row.address ?? ""}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new PermanentDeliveryError(`"${url.protocol}" URLs cannot receive webhooks: use http or https`);
  if (!("body" in row.payload)) throw new PermanentDeliveryError("the webhook payload has no body");
  const secret = requiredText(row.payload, "secret", "webhook");
  const rawBody = JSON.stringify(row.payload.body);
  return {
    url: url.toString(),
    rawBody,
    headers: {
      "content-type": "application/json",
      "user-agent": "Palier-Webhook/1",
      "x-palier-delivery": row.deliveryId,
      "x-palier-timestamp": String(Math.floor(now.getTime() / 1000)),
      "x-palier-signature": webhookSignature(rawBody, secret),
    },
  };
}

/** POSTs the row's webhook; resolves on a 2xx answer, throws otherwise. */
export async function sendWebhook(row: OutboxRow, now: Date, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<string> {
  const request = webhookRequestOf(row, now);
  const response = await fetch(request.url, {
    method: "POST",
    headers: request.headers,
    body: request.rawBody,
    // A redirect is an answer that is not a 2xx: the receiver's URL should be fixed.
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  });
  // The answer's body is not read: let the connection go.
  await response.body?.cancel().catch(() => undefined);
  if (response.status < 200 || response.status > 299) throw new WebhookStatusError(response.status);
  return "webhook";
}

/** The `webhook` transport: signed POSTs. */
export const webhookTransport: TransportFactory = (options) => ({
  kind: "webhook",
  mode: "row",
  send: (row, now) => sendWebhook(row, now, options.webhookTimeoutMs),
});
