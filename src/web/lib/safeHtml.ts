// Defence in depth for message bodies: the server already sanitizes `bodyHtml`; the browser
// sanitizes again with DOMPurify and the same allow-list, so nothing in a body can execute.

import DOMPurify from "dompurify";

/** The server's allow-list (src/core/message/messageBody.ts): text formatting, lists, tables, links. */
const ALLOWED_TAGS = [
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
];
const ALLOWED_ATTR = ["href", "title"];
const SAFE_URL = /^(?:https?:|mailto:|tel:)/i;

const purifier = DOMPurify(window);
purifier.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName !== "A") return;
  const href = node.getAttribute("href");
  if (href !== null && !SAFE_URL.test(href.trim())) node.removeAttribute("href");
  // Links open elsewhere and tell the target nothing about the helpdesk.
  node.setAttribute("target", "_blank");
  node.setAttribute("rel", "noopener noreferrer nofollow");
});

/** `html` with everything outside the allow-list removed: no scripts, handlers, styles or images. */
export function safeHtml(html: string): string {
  return purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_TRUSTED_TYPE: false,
  });
}
