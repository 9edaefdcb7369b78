// One demo ticket's life told as a script: who opens it, who writes what and when, who routes,
// escalates, parks and solves it. The story follows the product's rules (a first reply opens the
// ticket, a customer's message reopens it) only to know where the ticket stands; the product
// itself writes every effect when the script is replayed.

import type { Channel, Language, MessageKind, Priority, Status, Tier } from "../core/ticket/ticket.js";
import type { Actor, ChangeCause } from "../core/events/index.js";
import { normalizeTags } from "../core/ticket/ticketRecord.js";
import { type ConversationTemplate, type LanguageWords, type Turn, WORDS } from "./conversations/index.js";
import type { DemoIds, Happening, PlannedTicket, ScriptedChanges } from "./ticketScript.js";
import type { SeededRandom } from "./random.js";
import { AGENTS, type DemoAgent, type DemoCustomer, ORGANIZATIONS, type TeamKey } from "./workspace.js";

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

/** A person's words given with a change, shown as written. */
const comment = (text: string): ChangeCause => ({ cause: "comment", text });
const ESCALATION_LEAD = "marc.vandenberghe";
const SOCIAL_LEAD = "manon.leroy";
const HEAD_OF_SUPPORT = "isabelle.peeters";

const TOPIC_TEAM: Record<ConversationTemplate["topic"], TeamKey> = { billing: "billing", account: "billing", technical: "technical", delivery: "technical" };

export interface StoryProps {
  status: Status;
  channel: Channel;
  language: Language;
  template: ConversationTemplate;
  customer: DemoCustomer;
}

/** Where the ticket stands, as the product's rules leave it after each happening. */
interface State {
  status: Status;
  priority: Priority;
  tier: Tier;
  teamId: string;
  assigneeId: string | null;
  tags: string[];
}

/** A happening with its instant in epoch milliseconds, before the story is moved into the past of `now`. */
type RawHappening = Happening extends infer H ? (H extends Happening ? Omit<H, "at"> & { at: number } : never) : never;

/** One ticket's life, written as its script. */
export class TicketStory {
  private readonly state: State;
  private readonly opening: Pick<State, "priority" | "tier" | "teamId" | "assigneeId" | "tags"> & { followers: string[] };
  private readonly happenings: RawHappening[] = [];
  private readonly vars: Record<string, string>;
  private readonly customerId: string;
  private readonly social: boolean;
  private team: TeamKey;
  private assignee: DemoAgent | null = null;
  private clock: number;
  /** The words of the ticket's language the agents write with. */
  private readonly words: LanguageWords;

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
    this.words = words;
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
    const tags = normalizeTags([...template.tags, ...(this.social ? ["social"] : []), ...(vip ? ["vip"] : [])]);
    const tier: Tier = props.channel === "api" ? "L0" : "L1";
    const teamId = id(ids.teams, this.team);
    this.opening = { priority, tier, teamId, assigneeId: null, tags, followers: vip ? [id(ids.agents, HEAD_OF_SUPPORT)] : [] };
    this.state = { status: "new", priority, tier, teamId, assigneeId: null, tags };
  }

  tell(): PlannedTicket {
    const { template, status, channel } = this.props;
    const turns = this.turnsFor(status);
    const phone = channel === "phone";
    // A phone call is written down by the agent who took it; the API channel is the self-care bot.
    if (phone) {
      this.assignee = this.pickAgent(this.team);
      this.opening.assigneeId = this.state.assigneeId = this.agentId();
    }
    const opener: Actor = phone ? this.agentActor() : channel === "api" ? { type: "system" } : { type: "customer", id: this.customerId };
    this.opened(opener, this.fill((turns[0] as Turn).text));
    let escalated = false;
    turns.forEach((turn, index) => {
      if (turn.by === "customer") {
        // The first message comes with the ticket; a chaser hours later; an answer within two days.
        if (index > 0) {
          this.advance(status === "new" ? minutes(this.rng, 120, 1200) : minutes(this.rng, 60, 2 * 24 * 60));
          this.message("customer", phone ? this.agentActor() : { type: "customer", id: this.customerId }, turn.text);
        }
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
        this.update(
          this.agentActor(),
          { tier: turn.tier },
          comment(turn.tier === "external" ? this.words.comments.toVendor : this.words.comments.toEngineering),
        );
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
        const asked: Turn[] = all.slice(
          0,
          all.findIndex((turn) => turn.by !== "customer"),
        );
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
      this.update(this.agentActor(), { status: "on_hold" }, comment(this.words.comments.onHold));
    }
    if (status === "solved" || status === "closed") {
      this.advance(minutes(this.rng, 5, 180));
      this.update(this.agentActor(), { status: "solved" }, null);
    }
    if (status === "closed") {
      this.clock += AUTO_CLOSE;
      this.update({ type: "system" }, { status: "closed" }, { cause: "auto_closed", afterDays: AUTO_CLOSE / DAY });
    }
  }

  private opened(actor: Actor, text: string): void {
    // What the request is: the customer's own words, even when an agent or the bot writes them down.
    this.happenings.push({ type: "open", at: this.clock, actor, message: { kind: "customer", text } });
  }

  /** Routes the ticket to an agent of its team who speaks its language. */
  private assign(): void {
    this.assignee = this.pickAgent(this.team);
    this.update({ type: "rule" }, { assigneeId: this.agentId() }, { cause: "routed", by: "language", language: this.props.language });
  }

  private escalate(reason: string): void {
    const changes: ScriptedChanges = { tier: "L2", priority: "urgent", addTags: ["escalated"] };
    const by = this.agentActor();
    this.advance(minutes(this.rng, 1, 15));
    if (this.team === "social") {
      changes.addFollowers = [id(this.ids.agents, SOCIAL_LEAD)];
    } else {
      this.team = "escalations";
      this.assignee = this.pickAgent("escalations");
      changes.teamId = id(this.ids.teams, "escalations");
      changes.assigneeId = this.agentId();
      changes.addFollowers = [id(this.ids.agents, ESCALATION_LEAD)];
    }
    this.update(by, changes, comment(this.words.comments.escalated(reason)));
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

  /** Someone writes; the story keeps up with the status the product gives the ticket for it. */
  private message(kind: MessageKind, actor: Actor, text: string): void {
    this.happenings.push({ type: "message", at: this.clock, actor, message: { kind, text: this.fill(text) } });
    if (kind === "customer" && (this.state.status === "pending" || this.state.status === "solved" || this.state.status === "on_hold"))
      this.state.status = "open";
    if (kind === "reply") {
      if (this.state.status === "new") this.state.status = "open";
      // An agent answering a request the self-care assistant took in takes it over.
      if (this.state.tier === "L0") this.update(actor, { tier: "L1" }, comment(this.words.comments.fromSelfCare));
    }
  }

  /** Someone changes the ticket; a change that changes nothing is left out of the script. */
  private update(actor: Actor, changes: ScriptedChanges, cause: ChangeCause | null): void {
    const { addTags, addFollowers, ...fields } = changes;
    const moved = (Object.entries(fields) as [keyof State, unknown][]).filter(([field, value]) => this.state[field] !== value);
    if (moved.length === 0 && !addTags?.length && !addFollowers?.length) return;
    Object.assign(this.state, Object.fromEntries(moved));
    if (addTags) this.state.tags = normalizeTags([...this.state.tags, ...addTags]);
    this.happenings.push({ type: "update", at: this.clock, actor, changes, cause });
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
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name === "agent" ? (this.assignee?.name.split(" ")[0] ?? "Lumio") : (this.vars[name] ?? whole),
    );
  }

  /** Moves the whole story back by whole days when it would end after `now`, and freezes it. */
  private finalize(): PlannedTicket {
    const latest = this.now.getTime() - 2 * MINUTE;
    const end = Math.max(...this.happenings.map((h) => h.at));
    const shift = end > latest ? Math.ceil((end - latest) / DAY) * DAY : 0;
    const happenings = this.happenings.map((h) => ({ ...h, at: new Date(h.at - shift) }) as Happening);
    const { template, channel, language } = this.props;
    const customFields: Record<string, unknown> = {};
    const text = template.turns.map((t) => t.text).join(" ");
    if (text.includes("{invoice}")) customFields.invoiceNumber = this.vars.invoice;
    if (text.includes("{order}")) customFields.orderNumber = this.vars.order;
    return {
      opening: {
        subject: template.subject,
        channel,
        language,
        ...this.opening,
        productId: template.product ? id(this.ids.products, template.product) : null,
        customerId: this.customerId,
        customFields,
      },
      happenings,
      createdAt: (happenings[0] as Happening).at,
      updatedAt: (happenings[happenings.length - 1] as Happening).at,
      ...this.state,
    };
  }
}

/** Whole minutes in [min, max]. */
function minutes(random: SeededRandom, min: number, max: number): number {
  return random.int(min, max);
}

function id<K>(ids: ReadonlyMap<K, string>, key: K): string {
  const found = ids.get(key);
  if (found === undefined) throw new Error(`the demo workspace has no ${String(key)}`);
  return found;
}
