// Serves the browser app that Vite builds into dist/web: its files at `/`, and index.html for
// every other page path (the app routes in the browser). Without a build, a page says so.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { escapeHtml } from "../core/message/messageBody.js";
import { errorBody } from "./errors.js";

/** Where `npm run build` puts the web app (the same from src/api and from dist/api). */
export const WEB_ROOT = fileURLToPath(new URL("../../dist/web", import.meta.url));

/** Hashed build assets never change under their name; everything else is revalidated. */
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

/**
 * Registers the web app on `app` from `root` (default {@link WEB_ROOT}). Returns whether the
 * built app was found; when it was not, `/` and page paths answer a page saying how to build it.
 */
export async function registerWebApp(app: FastifyInstance, root: string = WEB_ROOT): Promise<{ built: boolean }> {
  const built = existsSync(join(root, "index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: "/",
      // One route per built file, so that other paths reach the page fallback below rather
      // than the API's JSON 404.
      wildcard: false,
      cacheControl: false,
      setHeaders: (response, path) => response.setHeader("cache-control", /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : REVALIDATE),
    });
  } else {
    app.get("/", { schema: { hide: true } }, async (_request, reply) => notBuilt(reply, root));
  }
  app.get("/*", { schema: { hide: true } }, async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split("?")[0] ?? "/";
    // API paths and missing files (a name with an extension) are real 404s, not pages.
    if (path === "/api" || path.startsWith("/api/") || /\.[^/]*$/.test(path)) {
      return reply.status(404).send(errorBody("not_found", `no route ${request.method} ${path}`));
    }
    if (!built) return notBuilt(reply, root);
    return reply.header("cache-control", REVALIDATE).sendFile("index.html");
  });
  return { built };
}

function notBuilt(reply: FastifyReply, root: string): FastifyReply {
  return reply
    .header("cache-control", REVALIDATE)
    .type("text/html; charset=utf-8")
    .send(
      `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Palier – the web app is not built</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1f2937}code{background:#f3f4f6;padding:.1rem .3rem;border-radius:.25rem}</style></head>
<body>
<h1>Palier is running, but the web app is not built</h1>
<p>There is no <code>${escapeHtml(join(root, "index.html"))}</code>. Run <code>npm run build</code> (or <code>npm start</code>, which builds first) and reload this page.</p>
<p>The API works meanwhile: <a href="/api/health">/api/health</a>, and its documentation at <a href="/api/docs">/api/docs</a>.</p>
</body>
</html>
`,
    );
}
