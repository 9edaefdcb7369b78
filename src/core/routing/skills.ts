// What a ticket needs of its agent (its language, product, channel, and tags that name skills)
// and which of those needs an agent meets. A need binds only when someone in the team meets it:
// a ticket in a language nobody of the team speaks is still routed, to anyone.

import type { RoutingAgent } from "./availability.js";

/** What the ticket asks of the agent who takes it. */
export interface TicketNeeds {
  language: string | null;
  /** The product's code. */
  product: string | null;
  channel: string | null;
  tags: readonly string[];
}

/** The needs that bind (someone of the team meets each), as matched on the chosen agent. */
export interface MatchedSkills {
  language?: string;
  product?: string;
  channel?: string;
  tags: string[];
}

type Skilled = Pick<RoutingAgent, "languages" | "products" | "channels" | "skills">;

const speaks = (agent: Skilled, language: string) => agent.languages.includes(language);
const knows = (agent: Skilled, product: string) => agent.products.includes(product);
const works = (agent: Skilled, channel: string) => agent.channels.length === 0 || agent.channels.includes(channel);
const has = (agent: Skilled, tag: string) => agent.skills.includes(tag);

/** The needs that bind in a team of `members`: each one someone of them meets (whether available or not). */
export function bindingNeeds(needs: TicketNeeds, members: readonly Skilled[]): MatchedSkills {
  const binding: MatchedSkills = { tags: [] };
  const { language, product, channel } = needs;
  if (language !== null && members.some((m) => speaks(m, language))) binding.language = language;
  if (product !== null && members.some((m) => knows(m, product))) binding.product = product;
  // A channel binds only when someone names it: agents who name none work every channel.
  if (channel !== null && members.some((m) => m.channels.includes(channel))) binding.channel = channel;
  for (const tag of new Set(needs.tags)) if (members.some((m) => has(m, tag))) binding.tags.push(tag);
  return binding;
}

/** Whether `agent` meets every binding need. */
export function meetsNeeds(agent: Skilled, binding: MatchedSkills): boolean {
  if (binding.language !== undefined && !speaks(agent, binding.language)) return false;
  if (binding.product !== undefined && !knows(agent, binding.product)) return false;
  if (binding.channel !== undefined && !works(agent, binding.channel)) return false;
  return binding.tags.every((tag) => has(agent, tag));
}
