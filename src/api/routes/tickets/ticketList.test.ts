// The ticket list through the HTTP API: views, filters, counts, cursor pages with a total, and
// full-text search over French, Dutch and English (stemmed, accents folded).

import type { Static } from "typebox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { buildCustomer, buildTeam } from "../../../../test/support/factories.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import type { CreateTicketResponse, TicketCounts, TicketListResponse } from "./schema.js";

type Created = Static<typeof CreateTicketResponse>;
type ListJson = Static<typeof TicketListResponse>;

describeStore("ticket list routes", (get) => {
  let api: ApiHarness;
  let customerId: string;
  let otherTeamId: string;

  beforeAll(async () => {
    api = await openApi(get());
    customerId = (await buildCustomer(api.db, { now: api.clock.now() })).id;
    otherTeamId = (await buildTeam(api.db, { now: api.clock.now() })).id;
  });
  afterAll(() => api.close());

  const open = async (body: Record<string, unknown>) => {
    api.clock.advance(60_000);
    const created = await api.call<Created>("admin", "POST", "/api/v1/tickets", { body: { channel: "email", customerId, ...body } });
    expect(created.status).toBe(201);
    return created.json.ticket.number;
  };
  const list = async (query: string, caller: Parameters<ApiHarness["call"]>[0] = "agent") => {
    const answer = await api.call<ListJson>(caller, "GET", `/api/v1/tickets?${query}`);
    expect(answer.status).toBe(200);
    return answer.json;
  };
  const numbers = (page: ListJson) => page.items.map((t) => t.number);

  describe("views and filters", () => {
    let mine: number, teammate: number, otherTeam: number, unassigned: number, solved: number;

    beforeAll(async () => {
      mine = await open({ subject: "Views: mine", tags: ["views"], teamId: api.teamId, assigneeId: api.agents.agent.id, priority: "high" });
      teammate = await open({ subject: "Views: teammate", tags: ["views", "vip"], teamId: api.teamId, assigneeId: api.agents.team_lead.id, channel: "chat" });
      otherTeam = await open({ subject: "Views: other team", tags: ["views"], teamId: otherTeamId, tier: "L2" });
      unassigned = await open({ subject: "Views: unassigned", tags: ["views", "vip"], priority: "urgent" });
      solved = await open({ subject: "Views: solved", tags: ["views"], teamId: api.teamId, assigneeId: api.agents.agent.id });
      expect((await api.call("agent", "PATCH", `/api/v1/tickets/${solved}`, { body: { status: "solved" } })).status).toBe(200);
    });

    it("shows each view: mine, my team's, unassigned, all", async () => {
      expect(numbers(await list("view=mine&tag=views&sort=number&order=asc"))).toEqual([mine, solved]);
      expect(numbers(await list("view=team&tag=views&sort=number&order=asc"))).toEqual([mine, teammate, solved]);
      expect(numbers(await list("view=unassigned&tag=views"))).toEqual([unassigned, otherTeam]);
      expect(numbers(await list("view=all&tag=views&sort=number&order=asc"))).toEqual([mine, teammate, otherTeam, unassigned, solved]);
      expect(numbers(await list("tag=views&sort=number&order=asc"))).toEqual([mine, teammate, otherTeam, unassigned, solved]);
    });

    it("filters by comma-separated lists, combined with the view", async () => {
      expect(numbers(await list("tag=views&status=new,open&priority=high,urgent&sort=number&order=asc"))).toEqual([mine, unassigned]);
      expect(numbers(await list("tag=views&channel=chat"))).toEqual([teammate]);
      expect(numbers(await list("tag=views&tier=L2"))).toEqual([otherTeam]);
      expect(numbers(await list(`tag=views&team=${otherTeamId}`))).toEqual([otherTeam]);
      expect(numbers(await list(`tag=views&assignee=me,${api.agents.team_lead.id}&sort=number&order=asc`))).toEqual([mine, teammate, solved]);
      expect(numbers(await list("tag=views,VIP&sort=number&order=asc"))).toEqual([teammate, unassigned]);
      expect(numbers(await list(`tag=views&customer=${customerId}&view=mine&status=new`))).toEqual([mine]);
      expect(numbers(await list(`tag=views&view=mine&assignee=${api.agents.team_lead.id}`))).toEqual([]);
      expect(numbers(await list(`tag=views&view=team&team=${otherTeamId}`))).toEqual([]);
      expect(numbers(await list(`tag=views&view=unassigned&assignee=me`))).toEqual([]);
    });

    it("counts the tickets neither solved nor closed in each view", async () => {
      const counts = await api.call<Static<typeof TicketCounts>>("agent", "GET", "/api/v1/tickets/counts");
      expect(counts.status).toBe(200);
      const all = await list("status=new,open,pending,on_hold&limit=1");
      const mineOpen = await list("view=mine&status=new,open,pending,on_hold&limit=1");
      const teamOpen = await list("view=team&status=new,open,pending,on_hold&limit=1");
      const unassignedOpen = await list("view=unassigned&status=new,open,pending,on_hold&limit=1");
      // No SLA policy here: no clocks, so nothing breaching or escalated.
      expect(counts.json).toEqual({ mine: mineOpen.total, team: teamOpen.total, unassigned: unassignedOpen.total, all: all.total, breaching: 0, escalated: 0 });
      expect(counts.json.mine).toBeGreaterThanOrEqual(1);
    });

    it("refuses filters it does not know, naming them", async () => {
      const bad = await api.call<ErrorJson>("agent", "GET", "/api/v1/tickets?status=open,nope&view=everything&assignee=bob&limit=0&colour=red");
      expect(bad.status).toBe(400);
      expect(bad.json.error.details.map((d) => d.path).sort()).toEqual([
        "querystring.assignee",
        "querystring.colour",
        "querystring.limit",
        "querystring.status",
        "querystring.view",
      ]);
    });
  });

  describe("pages", () => {
    const subjects = ["Page A", "Page B", "Page C", "Page D", "Page E", "Page F", "Page G"];
    let created: number[] = [];

    beforeAll(async () => {
      created = [];
      for (const subject of subjects) created.push(await open({ subject, tags: ["paged"] }));
      // Two tickets at the same instant: the keyset breaks the tie by number.
      const tie = await api.call<Created>("admin", "POST", "/api/v1/tickets", { body: { subject: "Page H", channel: "email", customerId, tags: ["paged"] } });
      created.push(tie.json.ticket.number);
    });

    for (const [sort, order] of [
      ["created_at", "desc"],
      ["created_at", "asc"],
      ["updated_at", "desc"],
      ["number", "asc"],
      ["number", "desc"],
    ] as const) {
      it(`walks every page, sorted by ${sort} ${order}, each ticket once, with the total`, async () => {
        const seen: number[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: ListJson = await list(`tag=paged&limit=3&sort=${sort}&order=${order}${cursor ? `&cursor=${cursor}` : ""}`);
          expect(page.total).toBe(created.length);
          expect(page.items.length).toBeLessThanOrEqual(3);
          seen.push(...numbers(page));
          cursor = page.nextCursor;
          pages++;
        } while (cursor !== null && pages < 10);
        expect(pages).toBe(3);
        const expected = [...created].sort((a, b) => a - b);
        expect(seen).toEqual(order === "asc" ? expected : expected.reverse());
      });
    }
  });

  describe("full-text search", () => {
    let fr: number, nl: number, en: number, body: number;

    beforeAll(async () => {
      fr = await open({ subject: "Je n'ai pas été remboursé de ma commande", language: "fr", tags: ["search"] });
      nl = await open({ subject: "Terugbetaling van mijn bestelling ontbreekt", language: "nl", tags: ["search"] });
      en = await open({ subject: "Refunded twice for the same order", language: "en", tags: ["search"] });
      body = await open({
        subject: "Question",
        language: "fr",
        tags: ["search"],
        message: { text: "La livraison est arrivée abîmée, les colis étaient ouverts." },
      });
    });

    it.each([
      ["remboursements", "a French plural finds the past participle", () => [fr]],
      ["rembourse", "accents are folded", () => [fr]],
      ["REMBOURSÉ", "case and accents do not matter", () => [fr]],
      ["terugbetalingen", "a Dutch plural finds the singular", () => [nl]],
      ["refunds", "an English plural finds the past tense", () => [en]],
      ["abime colis", "words from a message, all of them", () => [body]],
      ["livraisons", "a plural finds a message's singular", () => [body]],
      ["parapluie", "nothing unrelated", () => []],
    ])("%s: %s", async (q, _why, expected) => {
      expect(numbers(await list(`tag=search&q=${encodeURIComponent(q)}`))).toEqual(expected());
    });
  });
});
