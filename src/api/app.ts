// The HTTP API: Fastify with JSON schemas (TypeBox) that validate requests and document them
// as OpenAPI 3.1. Routes are thin: they authorize, call the store, and shape the answer.

import { randomBytes } from "node:crypto";
import cookie from "@fastify/cookie";
import { SerializerSelector } from "@fastify/fast-json-stringify-compiler";
import helmet from "@fastify/helmet";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyInstance, type FastifyRequest, type RouteOptions } from "fastify";
import type { Principal } from "../core/access/permissions.js";
import type { Clock } from "../core/clock.js";
import type { Database } from "../store/database.js";
import { admitInTurn } from "./admission.js";
import { authenticate } from "./auth/authenticate.js";
import { authRoutes } from "./auth/index.js";
import { errorBody, handleError, unauthorized } from "./errors.js";
import { registerPublicCors, selfcareRoutes } from "./public/selfcare.js";
import { helpPageRoutes, publicKbRoutes } from "./routes/kb/public.js";
import { resourceRoutes } from "./routes/index.js";
import { socialWebhookRoutes } from "./routes/social/webhook.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The authenticated caller, or null. */
    principal: Principal | null;
  }
  interface FastifyInstance {
    database: Database;
    clock: Clock;
    /** Where an unexpected error (a 500) is reported, whether or not requests are logged. */
    reportUnexpected(error: Error, request: FastifyRequest): void;
    /** The key IMAP mailbox passwords are sealed with. */
    secretKey: Buffer;
  }
}

export interface AppOptions {
  database: Database;
  clock: Clock;
  /** Log requests (off in tests). */
  logger?: boolean;
  /** Send cookies with the Secure flag (behind HTTPS). */
  secureCookies?: boolean;
  /** Where unexpected errors (500s) go; default: one line on standard error with the stack. */
  reportUnexpected?: (error: Error, request: FastifyRequest) => void;
  /** The key IMAP mailbox passwords are sealed with (PALIER_SECRET_KEY or the data directory's); default: one of this app's own. */
  secretKey?: Buffer;
  /** Largest accepted request body, in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Told of every route as it is added (tests compile every route's schemas with it). */
  onRoute?: (route: RouteOptions) => void;
}

export type App = FastifyInstance;

/** An unexpected error as one line (its stack after it), so that a 500 always leaves a trace. */
function reportToStderr(error: Error, request: FastifyRequest): void {
  process.stderr.write(`unexpected error on ${request.method} ${request.url.split("?")[0]}: ${error.stack ?? error.message}\n`);
}

/**
 * How many API requests work on embedded PGlite at once: enough to overlap one request's HTTP
 * work with another's statements, few enough that none waits many rounds (BENCHMARKS.md, "API").
 */
const PGLITE_ADMITTED = 4;

/** Where the interactive API documentation is served. */
const DOCS = "/api/docs";

/** The documentation's policy: Swagger UI runs inline scripts and styles of its own. */
function docsPolicy(secure: boolean): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "frame-ancestors 'self'",
    "base-uri 'self'",
  ];
  if (secure) directives.push("upgrade-insecure-requests");
  return directives.join(";");
}

/** A route documented with no security requirement (`security: []`) answers anonymous callers. */
function isPublic(schema: { security?: unknown } | undefined): boolean {
  return Array.isArray(schema?.security) && schema.security.length === 0;
}

/**
 * Fastify's response serializers (fast-json-stringify), each built on its route's first answer
 * rather than when the app starts, as the request validators are (see `validatorCompiler`).
 */
function lazySerializers(...factory: Parameters<ReturnType<typeof SerializerSelector>>) {
  const build = SerializerSelector()(...factory);
  return (route: Parameters<typeof build>[0]) => {
    let serialize: ReturnType<typeof build> | undefined;
    return (data: unknown) => (serialize ??= build(route))(data);
  };
}

/** Builds the API; call `listen` to serve it, or `inject` to test it in process. */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: "array", useDefaults: true } },
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate("database", options.database);
  app.decorate("clock", options.clock);
  app.decorate("reportUnexpected", options.reportUnexpected ?? reportToStderr);
  app.decorate("secretKey", options.secretKey ?? randomBytes(32));
  app.decorateRequest("principal", null);
  if (options.onRoute) app.addHook("onRoute", options.onRoute);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => reply.status(404).send(errorBody("not_found", `no route ${request.method} ${request.url.split("?")[0]}`)));

  // The app's own pages run no inline script; only the interactive API docs need inline
  // scripts and styles, and get a policy of their own below. HSTS and upgrade-insecure-requests
  // only mean something over HTTPS (`secureCookies` says Palier is served behind it).
  const secure = options.secureCookies ?? false;
  await app.register(helmet, {
    hsts: secure,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
  });
  app.addHook("onSend", async (request, reply) => {
    if (request.url === DOCS || request.url.startsWith(`${DOCS}/`)) reply.header("content-security-policy", docsPolicy(secure));
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Palier API", version: "1", description: "Escalation management for customer-support teams." },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "A personal API token (plr_…)" },
          session: { type: "apiKey", in: "cookie", name: "palier_session" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: DOCS });

  // On embedded PGlite, API requests take the database in turns (see admission.ts).
  if (options.database.kind === "pglite") admitInTurn(app, PGLITE_ADMITTED);
  app.addHook("onRequest", authenticate);
  // A caller must be known before their request body is looked at: an anonymous call to a
  // protected route is a 401 whatever its body, never a 400 that probes the schema.
  app.addHook("preValidation", async (request) => {
    // Only the API's own routes: a path with no route (or the web app's page fallback) is a 404
    // for everyone, and saying 401 there would hint that something exists.
    const route = request.routeOptions.url ?? "";
    if (!request.principal && !request.is404 && route.startsWith("/api/v1/") && !isPublic(request.routeOptions.schema)) throw unauthorized();
  });

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  app.get("/api/health", { schema: { tags: ["system"], summary: "Liveness: 200 once migrations ran", security: [] } }, async () => ({ status: "ok" }));

  // Accounts and security: sessions, CSRF, login throttling, API tokens, security events.
  await app.register(authRoutes, { secureCookies: options.secureCookies ?? false });

  // The public API (knowledge base, self-care) answers pages of any origin; nothing else does.
  await registerPublicCors(app);

  // Resources: tickets, customers, organizations, agents, teams, products, tags (src/api/routes).
  await app.register(resourceRoutes, { prefix: "/api/v1" });
  // What anyone may read without signing in: the published knowledge base (the self-care widget).
  await app.register(publicKbRoutes, { prefix: "/api/v1" });
  await app.register(helpPageRoutes);

  // Self-care: what the widget on a customer's site calls, without sign-in (docs/self-care.md).
  await app.register(selfcareRoutes, { prefix: "/api/v1/public" });

  // Social networks' webhooks: anonymous, authenticated by their signature (docs/social.md).
  await app.register(socialWebhookRoutes, { prefix: "/api/v1" });

  return app;
}
