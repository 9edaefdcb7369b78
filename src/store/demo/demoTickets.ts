// The demo's tickets, planned before anything is written: about 200 conversations in French,
// Dutch and English over every channel and status, told as the store would have recorded
// them (messages, status changes, assignments, escalations) with times before `now`.

import type { Channel, Language, MessageKind, Priority, Status, Tier } from "../../core/ticket/ticket.js";
import type { Actor } from "../events.js";
import { normalizeTags } from "../../core/ticket/ticketRecord.js";
import { CONVERSATIONS, type ConversationTemplate, type Turn, WORDS } from "./conversations/index.js";
import { SeededRandom } from "./random.js";
import { AGENTS, CUSTOMERS, type DemoAgent, type DemoCustomer, ORGANIZATIONS, type ProductCode, type TeamKey } from "./workspace.js";

/** The database ids of the workspace's rows, by their demo keys. */
export interface DemoIds {
  /** By login (`lea.martin`). */
  agents: ReadonlyMap<string, string>;
  /** By e-mail. */
  customers: ReadonlyMap<string, string>;
  teams: ReadonlyMap<TeamKey, string>;
  products: ReadonlyMap<ProductCode, string>;
}

export interface PlannedMessage {
  kind: MessageKind;
  authorAgentId: string | null;
  authorCustomerId: string | null;
  text: string;
  at: Date;
}

export interface PlannedEvent {
  at: Date;
  actor: Actor;
  type: "created" | "message" | "updated";
  changes: Record<string, [unknown, unknown]>;
  reason: string | null;
  /** A `message` event's message, as an index into the ticket's messages. */
  message?: number;
}

/** A ticket with its final fields, its messages and its timeline, oldest first. */
export interface PlannedTicket {
  subject: string;
  status: Status;
  priority: Priority;
  tier: Tier;
  channel: Channel;
  language: Language;
  productId: string | null;
  customerId: string;
  teamId: string | null;
  assigneeId: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  followers: string[];
  createdAt: Date;
  updatedAt: Date;
  firstResponseAt: Date | null;
  lastCustomerMessageAt: Date | null;
  lastAgentMessageAt: Date | null;
  solvedAt: Date | null;
  closedAt: Date | null;
  version: number;
  messages: PlannedMessage[];
  events: PlannedEvent[];
}

/** The seed of the demo's choices: the same workspace on every seeding (times move with `now`). */
export const DEMO_SEED = 0x9a11e7;

const STATUS_COUNTS: Record<Status, number> = { new: 30, open: 45, pending: 30, on_hold: 15, solved: 45, closed: 35 };
const CHANNEL_COUNTS: Record<Channel, number> = { email: 66, web: 38, chat: 30, phone: 20, twitter: 18, facebook: 16, api: 12 };
const LANGUAGE_COUNTS: Record<Language, number> = { fr: 80, nl: 70, en: 50 };

/** How long ago tickets in each status were opened, in hours. */
const AGE_HOURS: Record<Status, [number, number]> = {
  new: [0.1, 30],
  open: [3, 240],
  pending: [12, 320],
  on_hold: [24, 480],
  solved: [24, 620],
  closed: [130, 1000],
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Solved tickets close by themselves after this long. */
const AUTO_CLOSE = 4 * DAY;
const ESCALATION_LEAD = "marc.vandenberghe";
const SOCIAL_LEAD = "manon.leroy";
const HEAD_OF_SUPPORT = "isabelle.peeters";

const TOPIC_TEAM: Record<ConversationTemplate["topic"], TeamKey> = { billing: "billing", account: "billing", technical: "technical", delivery: "technical" };

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

interface StoryProps {
  status: Status;
  channel: Channel;
  language: Language;
  template: ConversationTemplate;
  customer: DemoCustomer;
}

interface State {
  status: Status;
  priority: Priority;
  tier: Tier;
  teamId: string | null;
  assigneeId: string | null;
  tags: string[];
  followers: string[];
}

interface RawMessage extends Omit<PlannedMessage, "at"> {
  at: number;
}

interface RawEvent extends Omit<PlannedEvent, "at"> {
  at: number;
}

/** One ticket's life, replayed with the store's rules (a first reply opens it, a customer reopens it). */
class TicketStory {
  private readonly state: State;
  private readonly messages: RawMessage[] = [];
  private readonly events: RawEvent[] = [];
  private version = 1;
  private firstResponseAt: number | null = null;
  private lastCustomerMessageAt: number | null = null;
  private lastAgentMessageAt: number | null = null;
  private solvedAt: number | null = null;
  private closedAt: number | null = null;
  private readonly vars: Record<string, string>;
  private readonly customerId: string;
  private readonly social: boolean;
  private team: TeamKey;
  private assignee: DemoAgent | null = null;
  private clock: number;

  constructor(
    private readonly rng: SeededRandom,
    private readonly ids: DemoIds,
    private readonly now: Date,
    private readonly props: StoryProps,
  ) {
    const { template, customer, language } = props;
    this.social = props.channel === "twitter" || props.channel === "facebook";
    this.team = this.social ? "social" : TOPIC_TEAM[template.topic];
    this.customerId = id(ids.customers, customer.email);
    const [low, high] = AGE_HOURS[props.status];
    this.clock = now.getTime() - Math.round(rng.between(low, high) * HOUR);
    const words = WORDS[language];
    this.vars = {
      first: customer.name.split(" ")[0] as string,
      amount: words.amount(rng.pick([12.5, 19.99, 24.95, 29.99, 39.99, 45, 59.9, 74.85, 89.97, 119.8])),
      invoice: `${words.invoicePrefix}-${rng.int(1_000_000, 9_999_999)}`,
      order: `${words.orderPrefix}-${rng.int(40_000, 99_999)}`,
      ref: String(rng.int(100_000, 999_999)),
    };
    const vip = ORGANIZATIONS.find((o) => o.name === customer.organization)?.segment === "vip";
    let priority: Priority = template.priority ?? "normal";
    if (vip && (priority === "low" || priority === "normal")) priority = "high";
    else if (priority === "normal" && rng.chance(0.2)) priority = rng.pick(["low", "high"] as const);
    this.state = {
      status: "new",
      priority,
      tier: props.channel === "api" ? "L0" : "L1",
      teamId: id(ids.teams, this.team),
      assigneeId: null,
      tags: normalizeTags([...template.tags, ...(this.social ? ["social"] : []), ...(vip ? ["vip"] : [])]),
      followers: vip ? [id(ids.agents, HEAD_OF_SUPPORT)] : [],
    };
  }

  tell(): PlannedTicket {
    const { template, status, channel } = this.props;
    const turns = this.turnsFor(status);
    const phone = channel === "phone";
    // A phone call is written down by the agent who took it; the API channel is the self-care bot.
    if (phone) this.assignee = this.pickAgent(this.team);
    const creator: Actor = phone ? this.agentActor() : channel === "api" ? { type: "system" } : { type: "customer", id: this.customerId };
    if (phone) this.state.assigneeId = this.agentId();
    this.created(creator);
    let escalated = false;
    turns.forEach((turn, index) => {
      if (turn.by === "customer") {
        // The first message comes with the ticket; a chaser hours later; an answer within two days.
        this.advance(index === 0 ? 0 : status === "new" ? minutes(this.rng, 120, 1200) : minutes(this.rng, 60, 2 * 24 * 60));
        const actor: Actor = phone ? this.agentActor() : { type: "customer", id: this.customerId };
        this.message("customer", actor, turn.text);
        // Routing picks an agent minutes after the request arrives (not every new ticket yet).
        if (index === 0 && !this.assignee && (status !== "new" || this.rng.chance(0.35))) {
          this.advance(minutes(this.rng, 1, 10));
          this.assign();
        }
        return;
      }
      this.advance(turn.by === "note" ? minutes(this.rng, 5, 240) : minutes(this.rng, 20, 18 * 60));
      this.clock = this.workingHours(this.clock);
      if (!this.assignee) this.assign();
      this.message(turn.by === "agent" ? "reply" : "note", this.agentActor(), turn.text);
      if (turn.tier && turn.tier !== this.state.tier) {
        this.update(this.agentActor(), { tier: turn.tier }, turn.tier === "external" ? "waiting on an outside vendor" : "handed to engineering");
      }
      if (template.escalate && !escalated) {
        escalated = true;
        this.escalate(template.escalate);
      }
      const next = turns[index + 1];
      if (turn.by === "agent" && next?.by === "customer" && this.rng.chance(0.6)) this.update(this.agentActor(), { status: "pending" }, null);
    });
    this.finish(status);
    return this.finalize();
  }

  /** The turns a ticket in `status` has had so far. */
  private turnsFor(status: Status): readonly Turn[] {
    const all = this.props.template.turns;
    const firstReply = all.findIndex((turn) => turn.by === "agent");
    const replies = all.flatMap((turn, index) => (turn.by === "agent" ? [index] : []));
    switch (status) {
      case "new": {
        const asked: Turn[] = all.slice(0, all.findIndex((turn) => turn.by !== "customer"));
        // Some customers chase an answer that has not come.
        if (this.rng.chance(0.3)) asked.push({ by: "customer", text: WORDS[this.props.language].nudge });
        return asked;
      }
      case "open":
        return all.slice(0, this.rng.int(firstReply, all.length - 1) + 1);
      case "pending":
      case "on_hold":
        return all.slice(0, this.rng.pick(replies) + 1);
      default:
        return all;
    }
  }

  private finish(status: Status): void {
    if (status === "pending") this.update(this.agentActor(), { status: "pending" }, null);
    if (status === "on_hold") {
      this.advance(minutes(this.rng, 10, 90));
      this.message("note", this.agentActor(), WORDS[this.props.language].holdNote);
      this.update(this.agentActor(), { status: "on_hold" }, "waiting on a third party");
    }
    if (status === "solved" || status === "closed") {
      this.advance(minutes(this.rng, 5, 180));
      this.update(this.agentActor(), { status: "solved" }, null);
    }
    if (status === "closed") {
      this.clock += AUTO_CLOSE;
      this.update({ type: "system" }, { status: "closed" }, "closed automatically 4 days after it was solved");
    }
  }

  private created(actor: Actor): void {
    const { template, channel, language } = this.props;
    const fields: Record<string, unknown> = {
      subject: template.subject,
      status: this.state.status,
      priority: this.state.priority,
      tier: this.state.tier,
      channel,
      language,
      productId: template.product ? id(this.ids.products, template.product) : null,
      customerId: this.customerId,
      teamId: this.state.teamId,
      assigneeId: this.state.assigneeId,
      tags: this.state.tags,
      followers: this.state.followers,
    };
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [field, value] of Object.entries(fields)) {
      if (value !== null && !(Array.isArray(value) && value.length === 0)) changes[field] = [null, value];
    }
    this.events.push({ at: this.clock, actor, type: "created", changes, reason: null });
  }

  /** Routes the ticket to an agent of its team who speaks its language. */
  private assign(): void {
    this.assignee = this.pickAgent(this.team);
    this.update({ type: "rule" }, { assigneeId: this.agentId() }, `routed to an agent of the team who speaks ${this.props.language}`);
  }

  private escalate(reason: string): void {
    const changes: Partial<State> = { tier: "L2", priority: "urgent", tags: normalizeTags([...this.state.tags, "escalated"]) };
    const by = this.agentActor();
    this.advance(minutes(this.rng, 1, 15));
    if (this.team === "social") {
      changes.followers = [...new Set([...this.state.followers, id(this.ids.agents, SOCIAL_LEAD)])];
    } else {
      this.team = "escalations";
      this.assignee = this.pickAgent("escalations");
      changes.teamId = id(this.ids.teams, "escalations");
      changes.assigneeId = this.agentId();
      changes.followers = [...new Set([...this.state.followers, id(this.ids.agents, ESCALATION_LEAD)])];
    }
    this.update(by, changes, `escalated: ${reason}`);
  }

  private pickAgent(team: TeamKey): DemoAgent {
    const speakers = AGENTS.filter((a) => a.team === team && a.languages.includes(this.props.language) && (a.role === "agent" || a.role === "team_lead"));
    // Leads carry fewer tickets than their agents.
    const weighted = speakers.flatMap((a) => (a.role === "agent" ? [a, a, a] : [a]));
    return this.rng.pick(weighted);
  }

  private agentId(): string {
    if (!this.assignee) throw new Error("no agent yet");
    return id(this.ids.agents, this.assignee.login);
  }

  private agentActor(): Actor {
    return { type: "agent", id: this.agentId() };
  }

  /** Adds a message as `appendMessage` does: its event, then the status change it causes. */
  private message(kind: MessageKind, actor: Actor, text: string): void {
    const at = this.clock;
    const filled = this.fill(text);
    this.messages.push({
      kind,
      authorAgentId: actor.type === "agent" ? (actor.id ?? null) : null,
      authorCustomerId: kind === "customer" ? this.customerId : null,
      text: filled,
      at,
    });
    this.events.push({ at, actor, type: "message", changes: {}, reason: null, message: this.messages.length - 1 });
    this.version++;
    if (kind === "customer") {
      this.lastCustomerMessageAt = at;
      if (this.state.status === "pending" || this.state.status === "solved" || this.state.status === "on_hold") this.change(actor, { status: "open" }, "the customer wrote");
    } else if (kind === "reply") {
      this.lastAgentMessageAt = at;
      this.firstResponseAt ??= at;
      if (this.state.tier === "L0") this.change(actor, { tier: "L1" }, "taken over from the self-care assistant");
      if (this.state.status === "new") this.change(actor, { status: "open" }, "first reply");
    }
  }

  /** A change of its own: a new version and an `updated` event. */
  private update(actor: Actor, changes: Partial<State>, reason: string | null): void {
    if (this.change(actor, changes, reason)) this.version++;
  }

  /** Applies changes and records them; false when nothing changed. */
  private change(actor: Actor, requested: Partial<State>, reason: string | null): boolean {
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [field, value] of Object.entries(requested) as [keyof State, unknown][]) {
      if (JSON.stringify(this.state[field]) !== JSON.stringify(value)) changes[field] = [this.state[field], value];
    }
    if (Object.keys(changes).length === 0) return false;
    Object.assign(this.state, requested);
    if (changes.status) {
      const [from, to] = changes.status as [Status, Status];
      if (to === "solved") this.solvedAt = this.clock;
      if (to === "closed") this.closedAt = this.clock;
      if (from === "solved" && to === "open") this.solvedAt = null;
    }
    // Two changes merged into one `updated` event when a message causes them together.
    const last = this.events[this.events.length - 1];
    if (last && last.type === "updated" && last.at === this.clock && last.reason === reason && sameActor(last.actor, actor)) {
      Object.assign(last.changes, changes);
    } else {
      this.events.push({ at: this.clock, actor, type: "updated", changes, reason });
    }
    return true;
  }

  private advance(minutes: number): void {
    this.clock += minutes * MINUTE;
  }

  /** Agents answer in working hours (UTC 7–17, the social team 7–21): later work waits for the morning. */
  private workingHours(at: number): number {
    const date = new Date(at);
    const [start, end] = this.social ? [7, 21] : [7, 17];
    const hour = date.getUTCHours();
    // Drawn whether used or not: the demo's choices must not depend on the time of day of `now`.
    const late = minutes(this.rng, 0, 90) * MINUTE;
    if (hour >= start && hour < end) return at;
    const morning = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), start) + late;
    return hour < start ? morning : morning + DAY;
  }

  private fill(text: string): string {
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name === "agent" ? (this.assignee?.name.split(" ")[0] ?? "Lumio") : (this.vars[name] ?? whole)));
  }

  /** Moves the whole story back by whole days when it would end after `now`, and freezes it. */
  private finalize(): PlannedTicket {
    const times = [...this.events.map((e) => e.at), ...this.messages.map((m) => m.at)];
    const latest = this.now.getTime() - 2 * MINUTE;
    const end = Math.max(...times);
    const shift = end > latest ? Math.ceil((end - latest) / DAY) * DAY : 0;
    const at = (time: number) => new Date(time - shift);
    const maybe = (time: number | null) => (time === null ? null : at(time));
    const { template, channel, language } = this.props;
    const customFields: Record<string, unknown> = {};
    const text = template.turns.map((t) => t.text).join(" ");
    if (text.includes("{invoice}")) customFields.invoiceNumber = this.vars.invoice;
    if (text.includes("{order}")) customFields.orderNumber = this.vars.order;
    const events = this.events.map((e) => ({ ...e, at: at(e.at) }));
    return {
      subject: template.subject,
      status: this.state.status,
      priority: this.state.priority,
      tier: this.state.tier,
      channel,
      language,
      productId: template.product ? id(this.ids.products, template.product) : null,
      customerId: this.customerId,
      teamId: this.state.teamId,
      assigneeId: this.state.assigneeId,
      tags: this.state.tags,
      customFields,
      followers: this.state.followers,
      createdAt: (events[0] as PlannedEvent).at,
      updatedAt: (events[events.length - 1] as PlannedEvent).at,
      firstResponseAt: maybe(this.firstResponseAt),
      lastCustomerMessageAt: maybe(this.lastCustomerMessageAt),
      lastAgentMessageAt: maybe(this.lastAgentMessageAt),
      solvedAt: maybe(this.solvedAt),
      closedAt: maybe(this.closedAt),
      version: this.version,
      messages: this.messages.map((m) => ({ ...m, at: at(m.at) })),
      events,
    };
  }
}

/** Whole minutes in [min, max]. */
function minutes(random: SeededRandom, min: number, max: number): number {
  return random.int(min, max);
}

function sameActor(a: Actor, b: Actor): boolean {
  return a.type === b.type && (a.id ?? null) === (b.id ?? null);
}

function id<K>(ids: ReadonlyMap<K, string>, key: K): string {
  const found = ids.get(key);
  if (found === undefined) throw new Error(`the demo workspace has no ${String(key)}`);
  return found;
}
