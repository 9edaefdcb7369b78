// The HTTP API: Fastify with JSON schemas (TypeBox) that validate requests and document them
// as OpenAPI 3.1. Routes are thin: they authorize, call the store, and shape the answer.

import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyInstance } from "fastify";
import type { Principal } from "../core/access/permissions.js";
import type { Clock } from "../core/clock.js";
import type { Database } from "../store/database.js";
import { authenticate } from "./auth/authenticate.js";
import { authRoutes } from "./auth/index.js";
import { errorBody, handleError } from "./errors.js";
import { resourceRoutes } from "./routes/index.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The authenticated caller, or null. */
    principal: Principal | null;
  }
  interface FastifyInstance {
    database: Database;
    clock: Clock;
  }
}

export interface AppOptions {
  database: Database;
  clock: Clock;
  /** Log requests (off in tests). */
  logger?: boolean;
  /** Send cookies with the Secure flag (behind HTTPS). */
  secureCookies?: boolean;
  /** Largest accepted request body, in bytes (default 1 MiB). */
  bodyLimit?: number;
}

export type App = FastifyInstance;

/** Builds the API; call `listen` to serve it, or `inject` to test it in process. */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: "array", useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate("database", options.database);
  app.decorate("clock", options.clock);
  app.decorateRequest("principal", null);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => reply.status(404).send(errorBody("not_found", `no route ${request.method} ${request.url.split("?")[0]}`)));

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The interactive API docs need inline styles and scripts of their own.
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
      },
    },
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
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.addHook("onRequest", authenticate);

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  app.get(
    "/api/health",
    { schema: { tags: ["system"], summary: "Liveness: 200 once migrations ran", security: [] } },
    async () => ({ status: "ok" }),
  );

  // Accounts and security: sessions, CSRF, login throttling, API tokens, security events.
  await app.register(authRoutes, { secureCookies: options.secureCookies ?? false });

  // Resources: tickets, customers, organizations, agents, teams, products, tags (src/api/routes).
  await app.register(resourceRoutes, { prefix: "/api/v1" });

  return app;
}
