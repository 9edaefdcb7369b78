// The API in process for tests: an app on a test database with a manual clock, one agent (and
// API token) per role, and helpers to call it as any of them or as a signed-in customer.

import type { LightMyRequestResponse } from "fastify";
import type { Static } from "typebox";
import { type App, buildApp } from "../../src/api/app.js";
import type { ErrorResponse } from "../../src/api/routes/common/schema.js";
import { ROLES, type Role } from "../../src/core/access/permissions.js";
import { ManualClock } from "../../src/core/clock.js";
import { createApiToken, setCustomerPassword } from "../../src/store/accounts.js";
import type { Database, Db } from "../../src/store/database.js";
import { buildAgent, buildCustomer, buildTeam } from "../support/factories.js";

export const START = new Date("2026-11-23T09:00:00Z");

/** The error shape. */
export type ErrorJson = Static<typeof ErrorResponse>;

/** A signed-in customer: the session cookie and its CSRF token. */
export interface CustomerSession {
  customerId: string;
  cookie: string;
  csrfToken: string;
}

/** Who makes a request: a role's agent, a signed-in customer, a raw token, or nobody. */
export type Caller = Role | "anonymous" | CustomerSession | { token: string };

export interface CallOptions {
  /** An object is sent as JSON; a string is sent as is (set the content type in `headers`). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Reply<T> {
  status: number;
  /** The parsed JSON answer (the raw text when it is not JSON). */
  json: T;
  headers: LightMyRequestResponse["headers"];
}

export interface ApiHarness {
  app: App;
  clock: ManualClock;
  db: Db;
  /** The team every role's agent belongs to. */
  teamId: string;
  agents: Record<Role, { id: string; token: string }>;
  call<T = Record<string, unknown>>(caller: Caller, method: string, url: string, options?: CallOptions): Promise<Reply<T>>;
  /** A new customer with a password, signed in through POST /api/v1/auth/login. */
  signInCustomer(name: string, email: string): Promise<CustomerSession>;
  close(): Promise<void>;
}

const PASSWORD = "correct horse battery staple";

/** Builds the app on `database` with an agent and a token per role. Call it in `beforeAll`. */
export async function openApi(database: Database): Promise<ApiHarness> {
  const clock = new ManualClock(START);
  const db = database.db;
  const app = await buildApp({ database, clock });
  await app.ready();
  const team = await buildTeam(db, { now: clock.now() });
  const agents = {} as Record<Role, { id: string; token: string }>;
  for (const role of ROLES) {
    const row = await buildAgent(db, { role, teamId: team.id, now: clock.now() });
    const { token } = await createApiToken(db, { agentId: row.id, name: "tests", now: clock.now() });
    agents[role] = { id: row.id, token };
  }

  async function call<T>(caller: Caller, method: string, url: string, options: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    if (typeof caller === "string") {
      if (caller !== "anonymous") headers.authorization = `Bearer ${agents[caller].token}`;
    } else if ("token" in caller) {
      headers.authorization = `Bearer ${caller.token}`;
    } else {
      headers.cookie = caller.cookie;
      headers["x-csrf-token"] = caller.csrfToken;
    }
    let payload: string | undefined;
    if (typeof options.body === "string") payload = options.body;
    else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers["content-type"] = "application/json";
    }
    Object.assign(headers, options.headers ?? {});
    const raw = await app.inject({ method: method as "GET", url, headers, ...(payload === undefined ? {} : { payload }) });
    let json: unknown = raw.body;
    try {
      json = raw.body === "" ? undefined : JSON.parse(raw.body);
    } catch {
      // not JSON: keep the text
    }
    return { status: raw.statusCode, json: json as T, headers: raw.headers };
  }

  const signInCustomer = async (name: string, email: string): Promise<CustomerSession> => {
    const customer = await buildCustomer(db, { name, email, now: clock.now() });
    await setCustomerPassword(db, customer.id, PASSWORD);
    const login = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password: PASSWORD, scope: "customer" } });
    if (login.statusCode !== 200) throw new Error(`customer sign-in failed: ${login.statusCode} ${login.body}`);
    const cookie = login.cookies.find((c) => c.name === "palier_session");
    if (!cookie) throw new Error("no session cookie after sign-in");
    return { customerId: customer.id, cookie: `palier_session=${cookie.value}`, csrfToken: login.json<{ csrfToken: string }>().csrfToken };
  };

  return { app, clock, db, teamId: team.id, agents, call, signInCustomer, close: () => app.close() };
}
