import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/index.js";
import { isAvailable, type RoutingAgent } from "./availability.js";
import { chooseAgent, type ChooseAgentProps, type RoutingChoice } from "./chooseAgent.js";
import type { TicketNeeds } from "./skills.js";

const AT = new Date("2026-12-01T10:00:00Z");
const NO_NEEDS: TicketNeeds = { language: null, product: null, channel: null, tags: [] };

function agent(id: string, over: Partial<RoutingAgent> = {}): RoutingAgent {
  return {
    id,
    name: id,
    active: true,
    languages: [],
    products: [],
    channels: [],
    skills: [],
    capacity: 10,
    load: 0,
    outOfOfficeFrom: null,
    outOfOfficeUntil: null,
    ...over,
  };
}

function choose(members: RoutingAgent[], over: Partial<ChooseAgentProps> = {}) {
  return chooseAgent({ members, strategy: "load_balanced", needs: NO_NEEDS, lastServedId: null, at: AT, ...over });
}

function chosen(members: RoutingAgent[], over: Partial<ChooseAgentProps> = {}): RoutingChoice {
  const decision = choose(members, over);
  if (decision.outcome !== "assigned") throw new Error(`nobody chosen: ${JSON.stringify(decision)}`);
  return decision;
}

/** A small deterministic generator (mulberry32), so that the fairness runs repeat exactly. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("chooseAgent", () => {
  it("gives the ticket to the lowest load against capacity, and says so", () => {
    const sanne = agent("a-sanne", { name: "Sanne", load: 3, capacity: 10, languages: ["nl"], products: ["billing"] });
    const busy = agent("b-busy", { load: 2, capacity: 4, languages: ["nl"], products: ["billing"] });
    const decision = chosen([busy, sanne], { needs: { language: "nl", product: "billing", channel: "email", tags: [] } });
    expect(decision).toEqual({
      outcome: "assigned",
      strategy: "load_balanced",
      agentId: "a-sanne",
      name: "Sanne",
      load: 3,
      capacity: 10,
      matched: { language: "nl", product: "billing", tags: [] },
    });
  });

  it("passes over agents without a skill someone of the team has, and ignores skills nobody has", () => {
    const dutch = agent("a", { languages: ["nl"], load: 5 });
    const french = agent("b", { languages: ["fr"], skills: ["api"] });
    expect(chosen([dutch, french], { needs: { ...NO_NEEDS, language: "nl" } }).agentId).toBe("a");
    // Nobody speaks German: the language does not bind.
    expect(chosen([dutch, french], { needs: { ...NO_NEEDS, language: "de" } }).agentId).toBe("b");
    // A tag naming a skill binds; a tag nobody has does not.
    const decision = chosen([dutch, french], { needs: { ...NO_NEEDS, tags: ["api", "vip"] } });
    expect(decision.agentId).toBe("b");
    expect(decision.matched.tags).toEqual(["api"]);
  });

  it("binds a channel only when someone names it; agents naming none work every channel", () => {
    const phone = agent("a", { channels: ["phone"], load: 4 });
    const any = agent("b", { load: 5 });
    const mail = agent("c", { channels: ["email"], load: 0 });
    expect(chosen([phone, any, mail], { needs: { ...NO_NEEDS, channel: "phone" } }).agentId).toBe("a");
    expect(chosen([phone, any], { needs: { ...NO_NEEDS, channel: "phone" } }).matched.channel).toBe("phone");
    expect(chosen([any], { needs: { ...NO_NEEDS, channel: "chat" } }).matched.channel).toBeUndefined();
  });

  it("leaves out agents who are inactive, out of office, outside their hours or at capacity, and counts why", () => {
    const closed = { isOpen: () => false };
    const members = [
      agent("a", { active: false }),
      agent("b", { outOfOfficeFrom: new Date("2026-11-30T00:00:00Z"), outOfOfficeUntil: null }),
      agent("c", { hours: closed }),
      agent("d", { load: 10, capacity: 10 }),
      agent("e", { capacity: 0 }),
      agent("f", { languages: ["fr"] }),
      agent("g", { languages: ["nl"], load: 10, capacity: 10 }),
    ];
    const decision = choose(members, { needs: { ...NO_NEEDS, language: "nl" } });
    expect(decision).toEqual({
      outcome: "waiting",
      strategy: "load_balanced",
      why: "nobody_available",
      needs: { language: "nl", tags: [] },
      members: 7,
      passedOver: { inactive: 1, out_of_office: 1, outside_hours: 1, at_capacity: 3, lacks_skills: 1 },
    });
  });

  it("reads working hours on the agent's calendar, in its zone", () => {
    const days = [["09:00", "17:00"]] as [string, string][];
    const hours = BusinessCalendar.fromSpec({ timezone: "Europe/Brussels", hours: { mon: days, tue: days, wed: days, thu: days, fri: days } });
    const brussels = agent("a", { hours });
    // Tuesday 1 December 2026: 08:30 UTC is 09:30 in Brussels; 16:30 UTC is 17:30.
    expect(isAvailable(brussels, new Date("2026-12-01T08:30:00Z"))).toBe(true);
    expect(isAvailable(brussels, new Date("2026-12-01T16:30:00Z"))).toBe(false);
    expect(isAvailable(brussels, new Date("2026-12-05T10:00:00Z"))).toBe(false);
  });

  it("takes an agent back when their out of office ends (the end excluded)", () => {
    const back = agent("a", { outOfOfficeFrom: new Date("2026-11-20T00:00:00Z"), outOfOfficeUntil: AT });
    expect(chosen([back]).agentId).toBe("a");
    expect(choose([back], { at: new Date(AT.getTime() - 1) }).outcome).toBe("waiting");
    const later = agent("b", { outOfOfficeFrom: new Date(AT.getTime() + 1), outOfOfficeUntil: null });
    expect(chosen([later]).agentId).toBe("b");
  });

  it("chooses nobody for a manual team", () => {
    expect(choose([agent("a")], { strategy: "manual" })).toMatchObject({ outcome: "waiting", why: "manual" });
  });

  it("chooses nobody in an empty team", () => {
    expect(choose([])).toMatchObject({ outcome: "waiting", why: "nobody_available", members: 0, passedOver: {} });
  });

  it("goes round robin to the next available agent after the last served, wrapping around", () => {
    const members = [agent("a"), agent("b", { load: 10 }), agent("c"), agent("d", { load: 9 })];
    const rr = { strategy: "round_robin" as const };
    expect(chosen(members, { ...rr, lastServedId: null }).agentId).toBe("a");
    expect(chosen(members, { ...rr, lastServedId: "a" }).agentId).toBe("c");
    expect(chosen(members, { ...rr, lastServedId: "c" }).agentId).toBe("d");
    expect(chosen(members, { ...rr, lastServedId: "d" }).agentId).toBe("a");
    // The last served has left the team: the next one after their id.
    expect(chosen(members, { ...rr, lastServedId: "bb" }).agentId).toBe("c");
  });

  it("breaks load-balanced ties round the team after the last served", () => {
    const members = [agent("a", { load: 1 }), agent("b", { load: 1 }), agent("c", { load: 1 }), agent("d", { load: 2 })];
    expect(chosen(members, { lastServedId: null }).agentId).toBe("a");
    expect(chosen(members, { lastServedId: "a" }).agentId).toBe("b");
    expect(chosen(members, { lastServedId: "c" }).agentId).toBe("a");
    // Against capacity: 2 of 20 is lighter than 1 of 5.
    expect(chosen([agent("a", { load: 1, capacity: 5 }), agent("b", { load: 2, capacity: 20 })]).agentId).toBe("b");
  });

  describe("fairness over ten thousand tickets", () => {
    const ids = Array.from({ length: 10 }, (_, i) => `agent-${i}`);

    /** Routes 10,000 tickets to ten equal agents; after each, `solve` says which agent solves one of theirs (null: nobody). */
    function run(strategy: "load_balanced" | "round_robin", solve: (last: number) => number | null) {
      const members = ids.map((id) => agent(id, { capacity: 1000 }));
      const counts = ids.map(() => 0);
      let last: string | null = null;
      let widestSpread = 0;
      for (let n = 0; n < 10_000; n++) {
        const decision = chosen(members, { strategy, lastServedId: last });
        const index = ids.indexOf(decision.agentId);
        const member = members[index] as RoutingAgent;
        member.load += 1;
        counts[index] = (counts[index] ?? 0) + 1;
        last = member.id;
        const solver = solve(index);
        if (solver !== null && (members[solver] as RoutingAgent).load > 0) (members[solver] as RoutingAgent).load -= 1;
        const loads = members.map((m) => m.load);
        widestSpread = Math.max(widestSpread, Math.max(...loads) - Math.min(...loads));
      }
      return { counts, widestSpread };
    }

    it("gives each of ten equal agents exactly 1,000 by round robin", () => {
      const next = random(7);
      expect(run("round_robin", () => Math.floor(next() * 10)).counts).toEqual(Array(10).fill(1000));
    });

    it("gives each of ten equal agents who never solve exactly 1,000 by load balancing", () => {
      expect(run("load_balanced", () => null).counts).toEqual(Array(10).fill(1000));
    });

    it("spreads ties evenly: agents who solve each ticket at once (always tied at zero) get exactly 1,000 each", () => {
      expect(run("load_balanced", (last) => last).counts).toEqual(Array(10).fill(1000));
    });

    it("keeps loads within two tickets of each other whoever solves, so that counts follow each agent's pace", () => {
      const next = random(42);
      // Random solves at an even pace: the counts differ only by the randomness of the solves (about ±30).
      const even = run("load_balanced", () => (next() < 0.8 ? Math.floor(next() * 10) : null));
      expect(even.widestSpread).toBeLessThanOrEqual(2);
      expect(even.counts.reduce((a, b) => a + b, 0)).toBe(10_000);
      for (const count of even.counts) expect(Math.abs(count - 1000)).toBeLessThanOrEqual(100);
      // Agent 0 solves as fast as the nine others together: it takes about half of the tickets.
      const fast = run("load_balanced", () => (next() < 0.5 ? 0 : 1 + Math.floor(next() * 9)));
      expect(fast.widestSpread).toBeLessThanOrEqual(2);
      expect(Math.abs((fast.counts[0] ?? 0) - 5000)).toBeLessThanOrEqual(200);
    });
  });
});
