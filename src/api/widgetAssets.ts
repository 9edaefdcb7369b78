// Serves the self-care widget's script to customers' sites (`/widget.js`, cached and loadable
// from any origin), and a demonstration shop page carrying it under a strict content security
// policy (`/demo/widget`), as a customer's site would.

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { acceptedLocale, isLocale, type Locale, translate } from "../core/i18n/index.js";
import { escapeHtml } from "../core/message/messageBody.js";
import { teamSlug } from "../core/selfcare/journey.js";
import { widgetTeams } from "../store/selfcare.js";
import { errorBody } from "./errors.js";

/** Where `npm run build` puts the widget (the same from src/api and from dist/api). */
export const WIDGET_FILE = fileURLToPath(new URL("../../dist/widget/widget.js", import.meta.url));

/** The name stays the same across releases: caches keep it an hour and revalidate it by ETag. */
const WIDGET_CACHE = "public, max-age=3600, stale-while-revalidate=86400";

/** The demonstration page's policy: only Palier's own origin, no inline script or style at all. */
export const DEMO_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const DEMO_CSS = `body{font:16px/1.5 Georgia,serif;margin:0;color:#292524;background:#fafaf9}
header{background:#78350f;color:#fff;padding:1rem 2rem}main{max-width:40rem;margin:2rem auto;padding:0 1rem}
code{display:block;white-space:pre-wrap;background:#e7e5e4;padding:.5rem;border-radius:.25rem;font-size:.85rem}`;

interface Script {
  raw: Buffer;
  gzip: Buffer;
  etag: string;
}

/** Registers `/widget.js` (from `file`) and the demonstration page on `app`. */
export function registerWidgetAssets(app: FastifyInstance, file: string = WIDGET_FILE): void {
  let script: Script | undefined;
  const load = async (): Promise<Script | undefined> => {
    if (script) return script;
    const raw = await readFile(file).catch(() => undefined);
    if (!raw) return undefined;
    script = { raw, gzip: gzipSync(raw, { level: 9 }), etag: `"${createHash("sha256").update(raw).digest("hex").slice(0, 20)}"` };
    return script;
  };

  app.get("/widget.js", { schema: { hide: true } }, async (request, reply) => {
    const found = await load();
    if (!found) return reply.status(404).send(errorBody("not_found", "the widget is not built: run npm run build"));
    reply
      .header("content-type", "text/javascript; charset=utf-8")
      .header("cache-control", WIDGET_CACHE)
      .header("etag", found.etag)
      .header("vary", "accept-encoding")
      // Customers' pages load it from their own origin.
      .header("cross-origin-resource-policy", "cross-origin")
      .header("access-control-allow-origin", "*");
    if (request.headers["if-none-match"] === found.etag) return reply.status(304).send();
    if (/\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) return reply.header("content-encoding", "gzip").send(found.gzip);
    return reply.send(found.raw);
  });

  app.get("/demo/widget.css", { schema: { hide: true } }, async (_request, reply) =>
    reply.header("content-type", "text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(DEMO_CSS),
  );

  app.get("/demo/widget", { schema: { hide: true } }, async (request: FastifyRequest, reply: FastifyReply) => {
    const query = request.query as { lang?: string; team?: string };
    const locale: Locale = query.lang && isLocale(query.lang) ? query.lang : (acceptedLocale(request.headers["accept-language"]) ?? "en");
    const teams = await widgetTeams(request.server.database.db);
    const wanted = typeof query.team === "string" ? query.team.toLowerCase() : undefined;
    const team = teams.find((t) => wanted !== undefined && (t.id === wanted || teamSlug(t.name) === wanted)) ?? teams.find((t) => t.phone !== null) ?? teams[0];
    const t = (key: "title" | "heading" | "intro" | "orders" | "order" | "noTeam" | "embed") => escapeHtml(translate(locale, `widget.demo.${key}`));
    const tag = team ? `<script src="/widget.js" data-team="${escapeHtml(teamSlug(team.name))}" data-lang="${locale}" async></script>` : "";
    return reply
      .header("content-security-policy", DEMO_POLICY)
      .header("cache-control", "no-cache")
      .type("text/html; charset=utf-8")
      .send(
        `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t("title")}</title><link rel="stylesheet" href="/demo/widget.css"></head>
<body>
<header><strong>${t("heading")}</strong></header>
<main>
<p>${t("intro")}</p>
<h1>${t("orders")}</h1>
<p>${t("order")}</p>
${team ? `<p>${t("embed")}</p><code>${escapeHtml(tag.replace('src="/', `src="${request.protocol}://${request.host}/`))}</code>` : `<p>${t("noTeam")}</p>`}
</main>
${tag}
</body>
</html>
`,
      );
  });
}
