// Every delivery transport, one per outbox kind. Adding one (a social network, SMS): a file
// beside this one exporting a TransportFactory, and its line here.

import { emailTransport } from "./email.js";
import { inappTransport } from "./inapp.js";
import { socialTransport } from "./social.js";
import type { Transport, TransportFactory, TransportOptions } from "./transport.js";
import { webhookTransport } from "./webhook.js";

/** The transports a delivery worker starts with. */
export const transportFactories: readonly TransportFactory[] = [emailTransport, webhookTransport, inappTransport, socialTransport];

/** One transport of each kind, by kind. */
export function createTransports(options: TransportOptions, factories: readonly TransportFactory[] = transportFactories): Map<string, Transport> {
  const transports = new Map<string, Transport>();
  for (const factory of factories) {
    const transport = factory(options);
    if (transports.has(transport.kind)) throw new Error(`two delivery transports for the kind "${transport.kind}"`);
    transports.set(transport.kind, transport);
  }
  return transports;
}
