// The routes an app registered, read from Fastify's route tree, so that tests can hold every
// route (including ones added later) to a rule.

import type { App } from "../../src/api/app.js";

export interface RegisteredRoute {
  method: string;
  /** OpenAPI style: `/api/v1/tickets/{number}`. */
  path: string;
}

/** Every route but HEAD (Fastify adds those for GETs), with `:param` written `{param}`. */
export function registeredRoutes(app: App): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? "").length / 4;
    stack.length = depth;
    const full = (stack[depth - 1] ?? "") + (match[2] ?? "");
    stack[depth] = full;
    for (const method of (match[3] ?? "")
      .split(",")
      .map((m) => m.trim())
      .filter((m) => m && m !== "HEAD")) {
      routes.push({ method, path: full.replace(/:(\w+)/g, "{$1}") });
    }
  }
  return routes;
}
