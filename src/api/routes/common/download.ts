// A stored file sent as a download: its name in a Content-Disposition both old and new browsers
// read (RFC 6266), never sniffed, never run as a page of ours.

import type { FastifyReply } from "fastify";

/** Types shown in the page; SVG is not among them (it may carry script). */
export const INLINE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

/** `filename` for a Content-Disposition header: ASCII fallback and the UTF-8 name (RFC 6266). */
export function disposition(kind: "inline" | "attachment", filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Sends a file with its own type: images browsers render inertly inline, anything else as an
 * attachment; nosniff and a sandbox, so that even an HTML file opened from here runs nothing.
 */
export function sendDownload(reply: FastifyReply, file: { filename: string; contentType: string; content: Buffer }, cacheControl: string): FastifyReply {
  const type = file.contentType.toLowerCase();
  const inline = INLINE_TYPES.has(type);
  reply
    .header("Content-Type", type)
    .header("Content-Disposition", disposition(inline ? "inline" : "attachment", file.filename))
    .header("X-Content-Type-Options", "nosniff")
    .header("Content-Security-Policy", "default-src 'none'; sandbox")
    .header("Cache-Control", cacheControl);
  // The bytes as stored: a Buffer is sent as it is, never through the JSON serializer.
  return reply.send(file.content as never);
}
