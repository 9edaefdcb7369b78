// Mentions while writing a note: the `@word` being typed before the caret, the agents it matches,
// the text once one is chosen, and which chosen agents the text still names when it is sent.

import { fold } from "../../core/text/fold.js";

/** The mention being typed: where its `@` stands and the words after it; null when the caret is in none. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|\s)@([\p{L}\p{N}._'-]*(?: [\p{L}\p{N}._'-]*)?)$/u.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1] ?? "";
  return { start: caret - query.length - 1, query };
}

/** The active agents whose name holds `query` (case and accents aside), names starting with it first; at most `limit`. */
export function matchAgents<A extends { name: string; active: boolean }>(agents: readonly A[], query: string, limit = 6): A[] {
  const wanted = fold(query).trim();
  const scored = agents
    .filter((a) => a.active)
    .map((a) => ({ a, name: fold(a.name) }))
    .filter(({ name }) => name.includes(wanted))
    .sort((x, y) => Number(!x.name.startsWith(wanted)) - Number(!y.name.startsWith(wanted)) || x.name.localeCompare(y.name));
  return scored.slice(0, limit).map(({ a }) => a);
}

/** `text` with the mention typed from `start` to `caret` replaced by `@name `, and where the caret goes. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/** The ids of the chosen agents whose `@name` the text still holds, each once. */
export function mentionsIn<A extends { id: string; name: string }>(text: string, chosen: readonly A[]): string[] {
  return [...new Set(chosen.filter((a) => text.includes(`@${a.name}`)).map((a) => a.id))];
}

/** A suggested reply as the customer should read it: the `@name` of each agent it mentions taken out, spaces tidied. */
export function withoutMentions(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of names) out = out.split(`@${name}`).join("");
  return out
    .replace(/[ \t]+([,.;:!?])/g, "$1")
    .replace(/[ \t]{2,}/g, " ")
    .replace(/^[ \t]+|[ \t]+$/gm, "")
    .replace(/^[,;:]\s*/, "")
    .trim();
}
