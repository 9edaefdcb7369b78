// Every route's schemas compile. The app compiles a route's request validators and response
// serializers on its first request (src/api/app.ts, validation.ts), so a schema that cannot
// compile would otherwise only fail when someone first calls its route.

import { SerializerSelector } from "@fastify/fast-json-stringify-compiler";
import type { RouteOptions } from "fastify";
import type { TSchema } from "typebox";
import { afterAll, expect, it } from "vitest";
import { buildApp, type App } from "../../src/api/app.js";
import { validatorCompiler } from "../../src/api/routes/common/validation.js";
import { ManualClock } from "../../src/core/clock.js";
import { describeStore } from "../support/testDatabase.js";

const PARTS = ["body", "querystring", "params", "headers"] as const;

describeStore(
  "route schemas",
  (get) => {
    const routes: RouteOptions[] = [];
    let app: App | undefined;
    afterAll(() => app?.close());

    it("compile, every request validator and every response serializer", async () => {
      app = await buildApp({ database: get(), clock: new ManualClock(new Date("2026-11-23T09:00:00Z")), onRoute: (route) => routes.push(route) });
      await app.ready();
      const serializerFor = SerializerSelector()({}, {});
      let validators = 0;
      let serializers = 0;
      for (const route of routes) {
        const schema = (route.schema ?? {}) as Record<string, unknown>;
        const where = `${String(route.method)} ${route.url}`;
        for (const part of PARTS) {
          if (schema[part] === undefined) continue;
          const validate = validatorCompiler({ schema: schema[part] as TSchema, httpPart: part, method: String(route.method), url: route.url });
          // The first call compiles; what it answers for an empty input does not matter here.
          expect(() => validate({}), `${where} ${part}`).not.toThrow();
          validators++;
        }
        for (const [status, response] of Object.entries((schema.response ?? {}) as Record<string, unknown>)) {
          expect(
            () => serializerFor({ schema: response, method: String(route.method), url: route.url, httpStatus: status }),
            `${where} ${status}`,
          ).not.toThrow();
          serializers++;
        }
      }
      expect(routes.length).toBeGreaterThan(150);
      expect(validators).toBeGreaterThan(100);
      expect(serializers).toBeGreaterThan(150);
    });
  },
  { once: true },
);
