// The demo's planned tickets without a database: the same on every run, spread over every
// language, channel and status, in the past of `now`, and told the way the store tells them.
import { describe, expect, it } from "vitest";
import { CHANNELS, LANGUAGES, nextStatuses, STATUSES } from "../../core/ticket/ticket.js";
import { CONVERSATIONS } from "./conversations/index.js";
import { type DemoIds, type PlannedTicket, planDemoTickets } from "./demoTickets.js";
import { SeededRandom } from "./random.js";
import { AGENTS, CUSTOMERS, PRODUCTS, TEAMS } from "./workspace.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const IDS: DemoIds = {
  agents: new Map(AGENTS.map((a) => [a.login, `agent:${a.login}`])),
  customers: new Map(CUSTOMERS.map((c) => [c.email, `customer:${c.email}`])),
  teams: new Map(TEAMS.map((t) => [t.key, `team:${t.key}`])),
  products: new Map(PRODUCTS.map((p) => [p.code, `product:${p.code}`])),
};
const tickets = planDemoTickets(NOW, IDS);
const times = (t: PlannedTicket) => [t.createdAt, t.updatedAt, ...t.messages.map((m) => m.at), ...t.events.map((e) => e.at)];
const countBy = <K extends string>(key: (t: PlannedTicket) => K) => tickets.reduce<Record<string, number>>((n, t) => ({ ...n, [key(t)]: (n[key(t)] ?? 0) + 1 }), {});

describe("the demo's tickets", () => {
  it("are about 200, in French, Dutch and English, over every channel, status and priority", () => {
    expect(tickets).toHaveLength(200);
    expect(Object.keys(countBy((t) => t.language)).sort()).toEqual([...LANGUAGES].sort());
    expect(Object.keys(countBy((t) => t.channel)).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(countBy((t) => t.status)).sort()).toEqual([...STATUSES].sort());
    expect(Object.keys(countBy((t) => t.priority)).sort()).toEqual(["high", "low", "normal", "urgent"]);
    expect(Object.keys(countBy((t) => t.tier)).sort()).toEqual(["L0", "L1", "L2", "L3", "external"]);
  });

  it("are the same for the same `now`, and move with it", () => {
    const again = planDemoTickets(NOW, IDS);
    expect(again).toEqual(tickets);
    const weekLater = planDemoTickets(new Date(NOW.getTime() + 7 * 86_400_000), IDS);
    expect(weekLater.map((t) => t.subject)).toEqual(tickets.map((t) => t.subject));
    expect(weekLater[0]!.createdAt.getTime() - tickets[0]!.createdAt.getTime()).toBe(7 * 86_400_000);
    // Seeded at another time of day: the same conversations, only the times differ.
    const content = (list: PlannedTicket[]) => list.map((t) => [t.subject, t.status, t.channel, t.customerId, t.assigneeId, t.messages.map((m) => m.text)]).sort();
    expect(content(planDemoTickets(new Date(NOW.getTime() + 5 * 3_600_000 + 17 * 60_000), IDS))).toEqual(content(tickets));
  });

  it("lie in the weeks before now, oldest first, each timeline in order", () => {
    for (const t of tickets) {
      for (const at of times(t)) expect(at.getTime()).toBeLessThan(NOW.getTime());
      const events = t.events.map((e) => e.at.getTime());
      expect(events).toEqual([...events].sort((a, b) => a - b));
      expect(t.createdAt).toEqual(t.events[0]!.at);
      expect(t.updatedAt).toEqual(t.events[t.events.length - 1]!.at);
    }
    const created = tickets.map((t) => t.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(NOW.getTime() - created[0]!).toBeLessThan(60 * 86_400_000);
    expect(NOW.getTime() - created[created.length - 1]!).toBeLessThan(86_400_000);
  });

  it("each start with the customer's message; new tickets have no answer yet", () => {
    for (const t of tickets) {
      expect(t.messages.length).toBeGreaterThanOrEqual(1);
      expect(t.messages[0]!.kind).toBe("customer");
      expect(t.messages[0]!.authorCustomerId).toBe(t.customerId);
      if (t.status === "new") expect(t.messages.every((m) => m.kind === "customer")).toBe(true);
      else expect(t.messages.some((m) => m.kind === "reply")).toBe(true);
      for (const m of t.messages) {
        expect(m.text).not.toMatch(/\{\w+\}/); // every placeholder filled
        if (m.kind !== "customer") expect(m.authorAgentId).toMatch(/^agent:/);
      }
    }
  });

  it("have stamps and a version that agree with their messages and events", () => {
    for (const t of tickets) {
      const replies = t.messages.filter((m) => m.kind === "reply");
      expect(t.firstResponseAt).toEqual(replies[0]?.at ?? null);
      expect(t.lastAgentMessageAt).toEqual(replies[replies.length - 1]?.at ?? null);
      expect(t.lastCustomerMessageAt).toEqual(t.messages.filter((m) => m.kind === "customer").at(-1)?.at ?? null);
      expect(t.solvedAt !== null).toBe(t.status === "solved" || t.status === "closed");
      expect(t.closedAt !== null).toBe(t.status === "closed");
      // Every message bumps the version; so does every change of its own (not one a message caused).
      const updates = t.events.filter((e) => e.type === "updated").length;
      expect(t.version).toBeGreaterThanOrEqual(1 + t.messages.length);
      expect(t.version).toBeLessThanOrEqual(1 + t.messages.length + updates);
      expect(t.events.filter((e) => e.type === "message").map((e) => e.message)).toEqual(t.messages.map((_, i) => i));
    }
  });

  it("only change status the way the lifecycle allows", () => {
    for (const t of tickets) {
      let status = "new" as (typeof STATUSES)[number];
      for (const e of t.events) {
        const change = e.changes.status as [string | null, (typeof STATUSES)[number]] | undefined;
        if (!change || e.type === "created") continue;
        expect(change[0]).toBe(status);
        expect(nextStatuses(status)).toContain(change[1]);
        status = change[1];
      }
      expect(status).toBe(t.status);
    }
  });

  it("match channel, language, customer and team", () => {
    const customers = new Map(CUSTOMERS.map((c) => [`customer:${c.email}`, c]));
    for (const t of tickets) {
      const customer = customers.get(t.customerId)!;
      expect(customer.language).toBe(t.language);
      if (t.channel === "twitter" || t.channel === "facebook") {
        expect(customer.social?.[t.channel]).toBeDefined();
        expect(t.teamId).toBe("team:social");
        expect(t.tags).toContain("social");
      }
      if (t.assigneeId) {
        const agent = AGENTS.find((a) => `agent:${a.login}` === t.assigneeId)!;
        expect(agent.languages).toContain(t.language);
        expect(`team:${agent.team}`).toBe(t.teamId);
      }
    }
    expect(tickets.filter((t) => t.status === "new" && t.assigneeId === null).length).toBeGreaterThan(5);
    expect(tickets.some((t) => t.customerId === "customer:marie.dubois@example.com")).toBe(true);
  });

  it("escalate the angry ones to L2 with a reason, and VIP tickets are followed", () => {
    const escalated = tickets.filter((t) => t.tags.includes("escalated"));
    expect(escalated.length).toBeGreaterThan(5);
    for (const t of escalated) {
      expect(t.tier === "L2" || t.tier === "external" || t.tier === "L3").toBe(true);
      expect(t.priority).toBe("urgent");
      expect(t.events.some((e) => e.reason?.startsWith("escalated:"))).toBe(true);
    }
    expect(tickets.filter((t) => t.tags.includes("vip")).every((t) => t.followers.includes("agent:isabelle.peeters"))).toBe(true);
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
    const text = (language: (typeof LANGUAGES)[number]) => CONVERSATIONS[language].flatMap((t) => [t.subject, ...t.turns.map((turn) => turn.text)]).join(" ").toLowerCase();
    for (const word of ["remboursement", "facture", "double prélèvement", "ne fonctionne pas", "annuler mon compte", "avocat", "inacceptable"]) expect(text("fr")).toContain(word);
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
