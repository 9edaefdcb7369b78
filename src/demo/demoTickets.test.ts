// The demo's ticket scripts without a database: the same on every run, spread over every
// language, channel and status, in the past of `now`, and each a life the product allows.
import { describe, expect, it } from "vitest";
import { CHANNELS, LANGUAGES, nextStatuses, STATUSES, type Status } from "../core/ticket/ticket.js";
import { CONVERSATIONS, WORDS } from "./conversations/index.js";
import { type Happening, type PlannedTicket, placeholderIds, planDemoTickets } from "./demoTickets.js";
import { SeededRandom } from "./random.js";
import { AGENTS, CUSTOMERS } from "./workspace.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const IDS = placeholderIds();
const tickets = planDemoTickets(NOW, IDS);
const messagesOf = (t: PlannedTicket) => t.happenings.flatMap((h) => (h.type === "update" ? [] : [{ ...h.message, at: h.at, actor: h.actor }]));
const times = (t: PlannedTicket) => [t.createdAt, t.updatedAt, ...t.happenings.map((h) => h.at)];
const countBy = <K extends string>(key: (t: PlannedTicket) => K) =>
  tickets.reduce<Record<string, number>>((n, t) => ({ ...n, [key(t)]: (n[key(t)] ?? 0) + 1 }), {});

describe("the demo's tickets", () => {
  it("are about 200, in French, Dutch and English, over every channel, status and priority", () => {
    expect(tickets).toHaveLength(200);
    expect(Object.keys(countBy((t) => t.opening.language)).sort()).toEqual([...LANGUAGES].sort());
    expect(Object.keys(countBy((t) => t.opening.channel)).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(countBy((t) => t.status)).sort()).toEqual([...STATUSES].sort());
    expect(Object.keys(countBy((t) => t.priority)).sort()).toEqual(["high", "low", "normal", "urgent"]);
    expect(Object.keys(countBy((t) => t.tier)).sort()).toEqual(["L0", "L1", "L2", "L3", "external"]);
  });

  it("are the same for the same `now`, and move with it", () => {
    const again = planDemoTickets(NOW, IDS);
    expect(again).toEqual(tickets);
    const weekLater = planDemoTickets(new Date(NOW.getTime() + 7 * 86_400_000), IDS);
    expect(weekLater.map((t) => t.opening.subject)).toEqual(tickets.map((t) => t.opening.subject));
    expect(weekLater[0]!.createdAt.getTime() - tickets[0]!.createdAt.getTime()).toBe(7 * 86_400_000);
    // Seeded at another time of day: the same conversations, only the times differ.
    const content = (list: PlannedTicket[]) =>
      list.map((t) => [t.opening.subject, t.status, t.opening.channel, t.opening.customerId, t.assigneeId, messagesOf(t).map((m) => m.text)]).sort();
    expect(content(planDemoTickets(new Date(NOW.getTime() + 5 * 3_600_000 + 17 * 60_000), IDS))).toEqual(content(tickets));
  });

  it("lie in the weeks before now, oldest first, each script in order", () => {
    for (const t of tickets) {
      for (const at of times(t)) expect(at.getTime()).toBeLessThan(NOW.getTime());
      const happenings = t.happenings.map((h) => h.at.getTime());
      expect(happenings).toEqual([...happenings].sort((a, b) => a - b));
      expect(t.createdAt).toEqual(t.happenings[0]!.at);
      expect(t.updatedAt).toEqual(t.happenings[t.happenings.length - 1]!.at);
    }
    const created = tickets.map((t) => t.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(NOW.getTime() - created[0]!).toBeLessThan(60 * 86_400_000);
    expect(NOW.getTime() - created[created.length - 1]!).toBeLessThan(86_400_000);
  });

  it("each open with the customer's message; new tickets have no answer yet", () => {
    for (const t of tickets) {
      expect(t.happenings[0]!.type).toBe("open");
      expect(t.happenings.filter((h) => h.type === "open")).toHaveLength(1);
      const messages = messagesOf(t);
      expect(messages[0]!.kind).toBe("customer");
      if (t.status === "new") expect(messages.every((m) => m.kind === "customer")).toBe(true);
      else expect(messages.some((m) => m.kind === "reply")).toBe(true);
      for (const m of messages) {
        expect(m.text).not.toMatch(/\{\w+\}/); // every placeholder filled
        // Only a customer writes as themselves; an agent writes replies and notes, or what a caller said.
        if (m.actor.type === "customer") expect([m.kind, m.actor.id]).toEqual(["customer", t.opening.customerId]);
        if (m.kind !== "customer") expect(m.actor.id).toMatch(/^agent:/);
      }
    }
  });

  it("only change status the way the lifecycle allows", () => {
    for (const t of tickets) {
      let status: Status = "new";
      for (const h of t.happenings) {
        // What a message does to the status is the product's rule, which the script follows.
        if (h.type !== "update") {
          if (h.message.kind === "customer" && ["pending", "solved", "on_hold"].includes(status)) status = "open";
          if (h.message.kind === "reply" && status === "new") status = "open";
          continue;
        }
        const to = h.changes.status;
        if (to === undefined) continue;
        expect(nextStatuses(status)).toContain(to);
        status = to;
      }
      expect(status).toBe(t.status);
    }
  });

  it("never ask for a change that changes nothing", () => {
    for (const t of tickets) {
      for (const h of t.happenings.filter((h): h is Extract<Happening, { type: "update" }> => h.type === "update"))
        expect(Object.keys(h.changes).length).toBeGreaterThan(0);
    }
  });

  it("match channel, language, customer and team", () => {
    const customers = new Map(CUSTOMERS.map((c) => [`customer:${c.email}`, c]));
    for (const t of tickets) {
      const customer = customers.get(t.opening.customerId)!;
      expect(customer.language).toBe(t.opening.language);
      if (t.opening.channel === "twitter" || t.opening.channel === "facebook") {
        expect(customer.social?.[t.opening.channel]).toBeDefined();
        expect(t.teamId).toBe("team:social");
        expect(t.tags).toContain("social");
      }
      if (t.assigneeId) {
        const agent = AGENTS.find((a) => `agent:${a.login}` === t.assigneeId)!;
        expect(agent.languages).toContain(t.opening.language);
        expect(`team:${agent.team}`).toBe(t.teamId);
      }
    }
    expect(tickets.filter((t) => t.status === "new" && t.assigneeId === null).length).toBeGreaterThan(5);
    expect(tickets.some((t) => t.opening.customerId === "customer:marie.dubois@example.com")).toBe(true);
  });

  it("escalate the angry ones to L2 with a reason in the ticket's language, and VIP tickets are followed", () => {
    const escalated = tickets.filter((t) => t.tags.includes("escalated"));
    expect(escalated.length).toBeGreaterThan(5);
    for (const t of escalated) {
      expect(t.tier === "L2" || t.tier === "external" || t.tier === "L3").toBe(true);
      expect(t.priority).toBe("urgent");
      const escalatedWord = WORDS[t.opening.language].comments.escalated("");
      expect(t.happenings.some((h) => h.type === "update" && h.cause?.cause === "comment" && h.cause.text.startsWith(escalatedWord))).toBe(true);
    }
    expect(tickets.filter((t) => t.tags.includes("vip")).every((t) => t.opening.followers.includes("agent:isabelle.peeters"))).toBe(true);
  });
});

describe("the demo's conversations", () => {
  it.each(LANGUAGES)("in %s: 30–40 of them, each opened by the customer and answered at least once", (language) => {
    const templates = CONVERSATIONS[language];
    expect(templates.length).toBeGreaterThanOrEqual(30);
    expect(templates.length).toBeLessThanOrEqual(40);
    for (const template of templates) {
      expect(template.turns[0]?.by).toBe("customer");
      expect(template.turns.some((turn) => turn.by === "agent")).toBe(true);
    }
    expect(templates.filter((t) => t.social).length).toBeGreaterThanOrEqual(3);
    expect(templates.filter((t) => t.escalate).length).toBeGreaterThanOrEqual(3);
  });

  it("use the words people search for", () => {
    const text = (language: (typeof LANGUAGES)[number]) =>
      CONVERSATIONS[language]
        .flatMap((t) => [t.subject, ...t.turns.map((turn) => turn.text)])
        .join(" ")
        .toLowerCase();
    for (const word of ["remboursement", "facture", "double prélèvement", "ne fonctionne pas", "annuler mon compte", "avocat", "inacceptable"])
      expect(text("fr")).toContain(word);
    for (const word of ["betaling mislukt", "werkt niet", "opzeggen", "klacht"]) expect(text("nl")).toContain(word);
    for (const word of ["refund", "login fails", "cancel my account", "unacceptable", "lawyer"]) expect(text("en")).toContain(word);
  });
});

describe("SeededRandom", () => {
  it("repeats itself for a seed and stays in range", () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const drawn = Array.from({ length: 1000 }, () => a.next());
    expect(drawn).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(drawn.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(drawn).size).toBeGreaterThan(990);
    const ints = Array.from({ length: 1000 }, () => a.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    expect(a.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
