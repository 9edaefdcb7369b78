// Requests served in turn on the embedded database. PGlite runs one statement at a time on the
// process's only thread: with many requests in flight, each of a request's statements queues
// behind every other request's, and some requests wait many rounds while others pass (a p99
// of seconds beside a mean under one). Admitting a few requests at a time, in arrival order,
// keeps the database's queue short and makes each request's wait its place in line.

import type { FastifyInstance, FastifyRequest } from "fastify";

/** A first-in, first-out gate that lets `limit` holders in at a time. */
export class AdmissionGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** Resolves with the release function once admitted; call it exactly once. */
  async enter(): Promise<() => void> {
    if (this.active < this.limit && this.waiting.length === 0) this.active += 1;
    else await new Promise<void>((admit) => this.waiting.push(admit));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next in line; only when nobody waits does it free up.
      if (next) next();
      else this.active -= 1;
    };
  }

  /** How many requests wait for a slot. */
  get queued(): number {
    return this.waiting.length;
  }
}

/** Requests that hold no database work while they last: the live stream, the app's files. */
function exempt(request: FastifyRequest): boolean {
  const path = request.url.split("?")[0] ?? "";
  return !path.startsWith("/api/") || path === "/api/v1/notifications/stream";
}

/**
 * Admits the app's API requests `limit` at a time in arrival order, each until its response is
 * sent or its connection closes. Register it before any hook that reads the database.
 */
export function admitInTurn(app: FastifyInstance, limit: number): AdmissionGate {
  const gate = new AdmissionGate(limit);
  app.addHook("onRequest", async (request, reply) => {
    if (exempt(request)) return;
    const release = await gate.enter();
    if (reply.raw.writableFinished || reply.raw.destroyed) return release();
    reply.raw.once("close", release);
  });
  return gate;
}
