// A message body as stored: plain text for search and e-mail, and HTML sanitized so that
// whatever a customer sent renders inert in an agent's browser.

import sanitizeHtml from "sanitize-html";

/** A body with both forms; `html` is always sanitized. */
export interface MessageBody {
  text: string;
  html: string;
}

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "div",
    "span",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "blockquote",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
  ],
  allowedAttributes: { a: ["href", "title", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  // Links open elsewhere and tell the target nothing about the helpdesk.
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }) },
  disallowedTagsMode: "discard",
};

/** Sanitizes untrusted HTML: no scripts, no event handlers, no styles, only safe links. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, ALLOWED);
}

/**
 * The body of a message from its text, its HTML, or both. Text alone becomes escaped HTML
 * with its line breaks; HTML alone gives its text with tags removed.
 */
export function messageBody(input: { text?: string | undefined; html?: string | undefined }): MessageBody {
  if (input.html !== undefined && input.html.trim() !== "") {
    const html = sanitize(input.html);
    return { html, text: input.text ?? htmlToText(html) };
  }
  const text = input.text ?? "";
  return { text, html: textToHtml(text) };
}

function textToHtml(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, "<br>")}</p>`)
    .join("");
}

function htmlToText(html: string): string {
  const withBreaks = html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/(p|div|li|h[1-4]|tr|blockquote)>/gi, "\n");
  const stripped = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(stripped)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
    const known = ENTITIES[name.toLowerCase()];
    if (known !== undefined) return known;
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return entity;
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
