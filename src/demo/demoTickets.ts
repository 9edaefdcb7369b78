// The demo's tickets as scripts, planned before anything is written: about 200 conversations in
// French, Dutch and English over every channel and status, each the list of what happens in its
// life (opened, messages, assignments, escalations, status changes) at times before `now`. The
// product's own operations replay them, so what they leave is what the product writes.

import type { Channel, Language, Status } from "../core/ticket/ticket.js";
import { CONVERSATIONS } from "./conversations/index.js";
import { SeededRandom } from "./random.js";
import type { DemoIds, PlannedTicket } from "./ticketScript.js";
import { TicketStory } from "./ticketStory.js";
import { AGENTS, CUSTOMERS, PRODUCTS, TEAMS } from "./workspace.js";

export type { DemoIds, Happening, Opening, PlannedTicket, ScriptedChanges, ScriptedMessage } from "./ticketScript.js";

/** Ids that name the rows by their demo keys (`agent:lea.martin`), for planning without a database. */
export function placeholderIds(): DemoIds {
  return {
    agents: new Map(AGENTS.map((a) => [a.login, `agent:${a.login}`])),
    customers: new Map(CUSTOMERS.map((c) => [c.email, `customer:${c.email}`])),
    teams: new Map(TEAMS.map((t) => [t.key, `team:${t.key}`])),
    products: new Map(PRODUCTS.map((p) => [p.code, `product:${p.code}`])),
  };
}

/** The seed of the demo's choices: the same workspace on every seeding (times move with `now`). */
export const DEMO_SEED = 0x9a11e7;

const STATUS_COUNTS: Record<Status, number> = { new: 30, open: 45, pending: 30, on_hold: 15, solved: 45, closed: 35 };
const CHANNEL_COUNTS: Record<Channel, number> = { email: 66, web: 38, chat: 30, phone: 20, twitter: 18, facebook: 16, api: 12 };
const LANGUAGE_COUNTS: Record<Language, number> = { fr: 80, nl: 70, en: 50 };

/** The demo tickets for a workspace whose rows have `ids`, all in the past of `now`, oldest first. */
export function planDemoTickets(now: Date, ids: DemoIds): PlannedTicket[] {
  const rng = new SeededRandom(DEMO_SEED);
  const statuses = rng.shuffle(expand(STATUS_COUNTS));
  const channels = rng.shuffle(expand(CHANNEL_COUNTS));
  const languages = rng.shuffle(expand(LANGUAGE_COUNTS));
  const pools = new Pools(rng);
  const tickets: PlannedTicket[] = [];
  for (let i = 0; i < statuses.length; i++) {
    const status = statuses[i] as Status;
    const channel = channels[i] as Channel;
    const language = languages[i] as Language;
    const social = channel === "twitter" || channel === "facebook";
    const template = pools.take(`template:${language}:${social}`, () => CONVERSATIONS[language].filter((t) => Boolean(t.social) === social));
    const customer = pools.take(`customer:${language}:${social ? channel : template.business ? "business" : "individual"}`, () =>
      CUSTOMERS.filter((c) => c.language === language && (social ? c.social?.[channel] !== undefined : Boolean(c.organization) === Boolean(template.business))),
    );
    tickets.push(new TicketStory(rng, ids, now, { status, channel, language, template, customer }).tell());
  }
  return tickets.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function expand<K extends string>(counts: Record<K, number>): K[] {
  return (Object.entries(counts) as [K, number][]).flatMap(([key, count]) => Array.from({ length: count }, () => key));
}

/** Lists taken from in turn, reshuffled at each round: every template and customer gets used. */
class Pools {
  private readonly rounds = new Map<string, { items: unknown[]; next: number }>();

  constructor(private readonly rng: SeededRandom) {}

  take<T>(key: string, items: () => readonly T[]): T {
    let round = this.rounds.get(key);
    if (!round || round.next >= round.items.length) {
      const all = items();
      if (all.length === 0) throw new Error(`the demo has nothing for ${key}`);
      round = { items: this.rng.shuffle(all), next: 0 };
      this.rounds.set(key, round);
    }
    return round.items[round.next++] as T;
  }
}
