// Routing end to end, in real Chromium against one `palier serve`: a team set to load balancing
// in the admin's team editor, its only agent out of office, a ticket that waits in the team's
// queue (shown on the team's page), then the agent back from the agent editor, the ticket handed
// to them at once, and the assignment's reason on the ticket's timeline.

import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, describe, it } from "vitest";
import { browserAvailable, launchBrowser, releaseBrowser } from "./support/browser.js";
import { startServer, SUITE_START_MS, type RunningServer } from "./support/server.js";
import { apiFromPage, signInAs } from "./support/session.js";

const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const LAPTOP = { width: 1280, height: 900 };
/** Makes this run's records easy to find among the demo's. */
const RUN = `e2e${Date.now().toString(36)}`;

const suite = browserAvailable() ? describe : describe.skip;

suite("routing", () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  let teamId = "";
  let agentId = "";
  let ticketNumber = 0;

  const shot = (name: string) => admin.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
  const field = (path: string) => admin.locator(`[data-field="${path}"]`);
  const adminNav = () => admin.getByRole("navigation", { name: "Administration" });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const context = await browser.newContext({ viewport: LAPTOP, locale: "en-GB" });
    context.setDefaultTimeout(20_000);
    admin = await context.newPage();
    await signInAs(admin, server.baseUrl, server.email, server.password);
  }, SUITE_START_MS);

  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.stop();
  }, 30_000);

  it("sets a team to load balancing in its editor", async () => {
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
    await adminNav().getByRole("link", { name: "Teams" }).click();
    await admin.getByRole("link", { name: "New team" }).click();
    await field("name").getByRole("textbox").fill(`Routage ${RUN}`);
    await field("assignment").getByRole("combobox").selectOption({ label: "Load-balanced" });
    await field("assignment")
      .getByText(/lowest load against their capacity/)
      .waitFor();
    await admin.getByRole("button", { name: "Create the team" }).click();
    await admin.getByRole("heading", { level: 1, name: `Routage ${RUN}` }).waitFor();
    teamId = /\/admin\/teams\/([0-9a-f-]{36})$/.exec(admin.url())?.[1] ?? "";
    expect((await apiFromPage<{ assignment: string }>(admin, "GET", `/teams/${teamId}`)).assignment).toBe("load_balanced");
    await admin.getByText("No ticket is waiting: everyone found an agent.").waitFor();
  }, 60_000);

  it("queues a ticket while the team's only agent is out of office, and shows it on the team's page", async () => {
    const agent = await apiFromPage<{ id: string }>(admin, "POST", "/agents", {
      name: `Sanne ${RUN}`,
      email: `sanne.${RUN}@example.org`,
      teamId,
      languages: ["nl"],
      capacity: 5,
      outOfOfficeFrom: "2020-01-01T00:00:00Z",
    });
    agentId = agent.id;
    const customer = await apiFromPage<{ id: string }>(admin, "POST", "/customers", { name: `Klant ${RUN}`, email: `klant.${RUN}@example.be` });
    const created = await apiFromPage<{ ticket: { number: number; assigneeId: string | null } }>(admin, "POST", "/tickets", {
      subject: `Wachtwoord ${RUN}`,
      channel: "email",
      customerId: customer.id,
      teamId,
      language: "nl",
    });
    ticketNumber = created.ticket.number;
    expect(created.ticket.assigneeId).toBeNull();

    await admin.reload();
    await admin.getByRole("heading", { level: 2, name: "Queue" }).waitFor();
    await admin.getByRole("link", { name: `#${ticketNumber} Wachtwoord ${RUN}` }).waitFor();
    await admin.getByText("1 ticket waits").waitFor();
    await shot("routing-01-team-queue");
  }, 60_000);

  it("hands the ticket to the agent as soon as they are back, and says why on its timeline", async () => {
    await admin.goto(`${server.baseUrl}/admin/agents/${agentId}`);
    await admin.getByRole("heading", { level: 1, name: `Sanne ${RUN}` }).waitFor();
    await admin.getByRole("group", { name: "Routing" }).waitFor();
    await shot("routing-02-agent-out-of-office");
    await field("outOfOfficeFrom").locator("input").fill("");
    await admin.getByRole("button", { name: "Save" }).click();
    await admin.getByText("Saved.", { exact: true }).waitFor();
    await expect.poll(async () => (await apiFromPage<{ assigneeId: string | null }>(admin, "GET", `/tickets/${ticketNumber}`)).assigneeId).toBe(agentId);

    await admin.goto(`${server.baseUrl}/tickets/${ticketNumber}`);
    const event = admin.locator(".timeline .event", { hasText: "by routing" }).first();
    await event.waitFor();
    await event.getByText(`Load-balanced: Sanne ${RUN} has 0 of 5, speaks Dutch`).waitFor();
    await shot("routing-03-assignment-event");

    await admin.goto(`${server.baseUrl}/admin/teams/${teamId}`);
    await admin.getByText("No ticket is waiting: everyone found an agent.").waitFor();
  }, 60_000);
});
