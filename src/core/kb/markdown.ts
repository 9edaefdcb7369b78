// An article's Markdown as sanitized HTML (markdown-it, then the same sanitizer as message
// bodies), and as plain text for search and snippets.

import MarkdownIt from "markdown-it";
import { sanitize } from "../message/messageBody.js";

// Raw HTML in the Markdown is not passed through (html: false): it shows as text.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** The article's HTML, safe to put in a page. */
export function renderMarkdown(source: string): string {
  return sanitize(markdown.render(source));
}

/** Markers a snippet's highlights travel in; control characters an article's text never keeps. */
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

/** The article's words as plain text: Markdown syntax and markup removed, control characters dropped. */
export function markdownText(source: string): string {
  const html = markdown.render(source);
  const text = html
    .replace(/<\/(p|li|h[1-6]|tr|blockquote|pre)>/gi, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(td|th)>/gi, " ")
    .replace(/<\/?(table|thead|tbody|ul|ol|hr)[^>]*>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u0008\u000b-\u001f]/g, " ")
      .replace(/[ \t]+/g, " ")
      .replace(/\n\s*\n+/g, "\n")
      .trim()
  );
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * A snippet as the database highlighted it (highlights between {@link MARK_START} and
 * {@link MARK_END}) as HTML: every character escaped, the highlights as `<mark>` and nothing else.
 */
export function snippetHtml(highlighted: string): string {
  let open = false;
  let html = "";
  // eslint-disable-next-line no-control-regex -- the highlight markers are control characters
  for (const part of highlighted.split(/([\u0001\u0002])/)) {
    if (part === MARK_START) {
      if (!open) html += "<mark>";
      open = true;
    } else if (part === MARK_END) {
      if (open) html += "</mark>";
      open = false;
    } else html += escape(part);
  }
  return open ? `${html}</mark>` : html;
}

/** More words than this in a query add little and cost a search. */
const MAX_TERMS = 12;

/**
 * The words of a query or of free text, lower-cased, each once, at most twelve: what search
 * matches and what typo tolerance corrects. Punctuation and operators are not words.
 */
export function queryTerms(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    // "l'évènement", "d’un": the word after the elision is what matters.
    const bare = word.replace(/^[\p{L}]{1,2}['’]/u, "");
    if (bare.length < 2 || terms.includes(bare)) continue;
    terms.push(bare);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}
