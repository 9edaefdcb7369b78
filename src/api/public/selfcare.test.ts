// The public self-care API as the widget calls it: its configuration and the phone shown only
// while the team's calendar is open, journey steps, the contact form becoming a web ticket with
// the journey attached, validation, CORS, and the rate limits answering 429 rather than failing.

import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi } from "../../../test/api/harness.js";
import { buildCalendar, buildTeam, PARIS_OFFICE } from "../../../test/support/factories.js";
import { describeStore } from "../../../test/support/testDatabase.js";
import { getTicket } from "../../store/tickets/ticketRows.js";
import { SELFCARE_LIMITS } from "./selfcare.js";

interface Config {
  team: { id: string; name: string };
  language: string;
  texts: Record<string, string>;
  email: string | null;
  phone: string | null;
  phoneShown: boolean;
}

describeStore("public self-care API", (get) => {
  let api: ApiHarness;
  let teamId: string;
  const visitor = "visitor-0123456789abcdef";
  beforeAll(async () => {
    api = await openApi(get());
    const calendar = await buildCalendar(api.db, { spec: PARIS_OFFICE, now: api.clock.now() });
    teamId = (
      await buildTeam(api.db, {
        name: "Support Technique",
        email: "support@example.be",
        phone: "+32 2 555 01 02",
        calendarId: calendar.id,
        now: api.clock.now(),
      })
    ).id;
  });
  afterAll(() => api.close());

  it("gives the widget its words in the asked language, its team by slug or id, and the phone only while the calendar is open", async () => {
    // 2026-11-23T09:00Z is a Monday, 10:00 in Paris: open.
    const open = await api.call<Config>("anonymous", "GET", "/api/v1/public/widget/config?team=support-technique&lang=nl");
    expect(open.status).toBe(200);
    expect(open.json).toMatchObject({
      team: { id: teamId, name: "Support Technique" },
      language: "nl",
      email: "support@example.be",
      phone: "+32 2 555 01 02",
      phoneShown: true,
    });
    expect(open.json.texts.launcher).toBe("Hulp");
    expect(open.headers["access-control-allow-origin"]).toBe("*");

    const byId = await api.call<Config>("anonymous", "GET", `/api/v1/public/widget/config?team=${teamId}`, {
      headers: { "accept-language": "fr-BE,fr;q=0.9" },
    });
    expect(byId.json.language).toBe("fr");
    expect(byId.json.texts.launcher).toBe("Aide");

    // Saturday 28 November, closed: no phone.
    api.clock.set(new Date("2026-11-28T10:00:00Z"));
    const closed = await api.call<Config>("anonymous", "GET", "/api/v1/public/widget/config?team=support-technique&lang=en");
    expect(closed.json).toMatchObject({ phone: null, phoneShown: false, language: "en" });
    api.clock.set(new Date("2026-11-23T09:00:00Z"));

    const unknown = await api.call<ErrorJson>("anonymous", "GET", "/api/v1/public/widget/config?team=nobody");
    expect(unknown.status).toBe(404);
    const badLang = await api.call<ErrorJson>("anonymous", "GET", "/api/v1/public/widget/config?team=support-technique&lang=de");
    expect(badLang.status).toBe(400);
    expect(badLang.json.error.details.map((d) => d.path)).toContain("querystring.lang");
  });

  it("answers a cross-origin preflight for the widget's POSTs without credentials", async () => {
    const preflight = await api.app.inject({
      method: "OPTIONS",
      url: "/api/v1/public/selfcare/journey",
      headers: { origin: "https://shop.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("*");
    expect(String(preflight.headers["access-control-allow-methods"])).toContain("POST");
    expect(preflight.headers["access-control-allow-credentials"]).toBeUndefined();
  });

  it("attaches the visitor's searches, articles and answers to the ticket their contact form creates", async () => {
    const steps = [
      { kind: "search", query: "remboursement commande", results: 2 },
      { kind: "article", slug: "rembourser-une-commande", title: "Rembourser une commande" },
      { kind: "answered", slug: "rembourser-une-commande", title: "Rembourser une commande", helpful: false },
    ];
    const recorded = await api.call("anonymous", "POST", "/api/v1/public/selfcare/journey", {
      body: { visitorId: visitor, team: "support-technique", lang: "fr", pageUrl: "https://shop.example/commandes", steps },
    });
    expect(recorded.status).toBe(202);
    expect(recorded.json).toEqual({ recorded: 3, deflected: 0 });

    api.clock.advance(60_000);
    const sent = await api.call<{ number: number }>("anonymous", "POST", "/api/v1/public/selfcare/requests", {
      body: {
        visitorId: visitor,
        team: "support-technique",
        lang: "fr",
        name: "Claire Dupont",
        email: "claire.dupont@example.be",
        subject: "Remboursement de ma commande",
        message: "Bonjour, je n'ai toujours pas reçu le remboursement de ma commande 4411.",
      },
    });
    expect(sent.status).toBe(201);
    const ticket = await getTicket(api.db, sent.json.number);
    expect(ticket).toMatchObject({ channel: "web", teamId, subject: "Remboursement de ma commande", language: "fr" });

    const journey = await api.call<{ steps: { kind: string; query?: string; helpful?: boolean }[]; summary: unknown }>(
      "agent",
      "GET",
      `/api/v1/tickets/${sent.json.number}/journey`,
    );
    expect(journey.status).toBe(200);
    expect(journey.json.steps.map((s) => s.kind)).toEqual(["search", "article", "answered", "request"]);
    expect(journey.json.steps[0]?.query).toBe("remboursement commande");
    expect(journey.json.summary).toEqual({ searches: 1, articles: 1, helped: false });

    // The same visitor's next request does not take the steps the first one already has.
    api.clock.advance(60_000);
    const second = await api.call<{ number: number }>("anonymous", "POST", "/api/v1/public/selfcare/requests", {
      body: {
        visitorId: visitor,
        team: "support-technique",
        name: "Claire",
        email: "CLAIRE.DUPONT@example.be",
        subject: "Autre question",
        message: "Et ma facture ?",
      },
    });
    const again = await api.call<{ steps: { kind: string }[] }>("agent", "GET", `/api/v1/tickets/${second.json.number}/journey`);
    expect(again.json.steps.map((s) => s.kind)).toEqual(["request"]);
    expect((await getTicket(api.db, second.json.number))?.customerId).toBe(ticket?.customerId);

    // Customers do not see journeys, not even their own.
    const customer = await api.signInCustomer("Someone", "someone@example.be");
    expect((await api.call(customer, "GET", `/api/v1/tickets/${sent.json.number}/journey`)).status).toBe(403);
  });

  it("counts an article that answered the question as deflected in the self-service ratio", async () => {
    api.clock.set(new Date("2026-11-24T09:00:00Z"));
    await api.call("anonymous", "POST", "/api/v1/public/selfcare/journey", {
      body: {
        visitorId: "visitor-ratio-000000001",
        team: teamId,
        steps: [
          { kind: "article", slug: "suivre-un-colis", title: "Suivre un colis" },
          { kind: "answered", slug: "suivre-un-colis", title: "Suivre un colis", helpful: true },
        ],
      },
    });
    await api.call("anonymous", "POST", "/api/v1/public/selfcare/requests", {
      body: {
        visitorId: "visitor-ratio-000000002",
        team: teamId,
        name: "Jan",
        email: "jan@example.be",
        subject: "Levering",
        message: "Waar blijft mijn pakket?",
      },
    });
    const stats = await api.call<{ deflected: number; requests: number; ratio: number | null; articles: { slug: string; helpful: number }[] }>(
      "manager",
      "GET",
      "/api/v1/selfcare/stats?from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z",
    );
    expect(stats.status).toBe(200);
    expect(stats.json).toMatchObject({ deflected: 1, requests: 1, ratio: 0.5 });
    expect(stats.json.articles).toEqual([{ slug: "suivre-un-colis", title: "Suivre un colis", helpful: 1, notHelpful: 0 }]);
    expect((await api.call("agent", "GET", "/api/v1/selfcare/stats?from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z")).status).toBe(403);
    const backwards = await api.call<ErrorJson>("manager", "GET", "/api/v1/selfcare/stats?from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z");
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.details[0]?.path).toBe("querystring.to");
  });

  it("refuses bad input with the field's path and writes nothing", async () => {
    const cases: [unknown, string][] = [
      [{ visitorId: "short", team: "support-technique", steps: [{ kind: "search", query: "x", results: 1 }] }, "visitorId"],
      [{ visitorId: visitor, team: "support-technique", steps: [] }, "steps"],
      [{ visitorId: visitor, team: "support-technique", steps: [{ kind: "search", query: "   ", results: 1 }] }, "steps/0/query"],
      [{ visitorId: visitor, team: "support-technique", steps: [{ kind: "answered", slug: "a", title: "A" }] }, "steps/0"],
      [{ visitorId: visitor, team: "support-technique", pageUrl: "javascript:alert(1)", steps: [{ kind: "article", slug: "a", title: "A" }] }, "pageUrl"],
      [{ visitorId: visitor, team: "support-technique", steps: [{ kind: "article", slug: "a", title: "A" }], extra: 1 }, "extra"],
    ];
    for (const [body, path] of cases) {
      const answer = await api.call<ErrorJson>("anonymous", "POST", "/api/v1/public/selfcare/journey", { body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.json.error.details.map((d) => d.path).join(" "), JSON.stringify(body)).toContain(path.split("/")[0]);
    }
    const badEmail = await api.call<ErrorJson>("anonymous", "POST", "/api/v1/public/selfcare/requests", {
      body: { visitorId: visitor, team: "support-technique", name: "X", email: "not-an-address", subject: "S", message: "M" },
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.json.error.details.map((d) => d.path)).toEqual(["email"]);
    const noTeam = await api.call<ErrorJson>("anonymous", "POST", "/api/v1/public/selfcare/requests", {
      body: { visitorId: visitor, team: "nobody", name: "X", email: "x@example.be", subject: "S", message: "M" },
    });
    expect(noTeam.status).toBe(404);
    const text = await api.call<ErrorJson>("anonymous", "POST", "/api/v1/public/selfcare/requests", {
      body: "hello",
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
  });

  it("answers 429 with the error shape once an address sends too many requests, never a 500", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= SELFCARE_LIMITS.requests.max; i++) {
      const answer = await api.call<ErrorJson>("anonymous", "POST", "/api/v1/public/selfcare/requests", {
        body: { visitorId: "visitor-flood-00000000", team: "support-technique", name: "Flood", email: "x", subject: "S", message: "M" },
        headers: { "x-forwarded-for": "203.0.113.9" },
      });
      statuses.push(answer.status);
      if (answer.status === 429) expect(answer.json.error.code).toBe("rate_limited");
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 400 || s === 429)).toBe(true);
  });
});
