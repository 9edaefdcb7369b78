// The transports registry: one transport per outbox kind, each made from the worker's options.

import { describe, expect, it } from "vitest";
import type { Db } from "../../../store/database.js";
import { OUTBOX_KINDS } from "../../../store/outbox/outboxAdmin.js";
import { createTransports, transportFactories } from "./registry.js";
import type { TransportFactory } from "./transport.js";

const options = { db: {} as Db, webhookTimeoutMs: 1000 };

describe("delivery transports", () => {
  it("deliver every kind the outbox holds, each by one transport", () => {
    const transports = createTransports(options);
    expect([...transports.keys()].sort()).toEqual([...OUTBOX_KINDS].sort());
    for (const [kind, transport] of transports) expect(transport.kind).toBe(kind);
    for (const transport of transports.values()) transport.close?.();
  });

  it("take a new kind from one more factory", async () => {
    const sms: TransportFactory = () => ({ kind: "sms", mode: "row", send: async () => "sms-gateway" });
    const transports = createTransports(options, [...transportFactories, sms]);
    expect(transports.get("sms")?.mode).toBe("row");
    for (const transport of transports.values()) transport.close?.();
  });

  it("refuse two transports for one kind", () => {
    const another: TransportFactory = () => ({ kind: "webhook", mode: "row", send: async () => "webhook" });
    expect(() => createTransports(options, [...transportFactories, another])).toThrow('two delivery transports for the kind "webhook"');
  });
});
