// The human escalation end to end, in real Chromium against `palier serve`: Thomas (billing)
// escalates a ticket to the technical support team, first with an incomplete hand-off whose
// missing fields are named beside them, then complete, with the customer notice previewed; Pieter,
// who leads that team, sends it back with a reason; Thomas sees it back with him, the bounce
// counted, and the board lists it; the manager sees the bounce counts on the agents list and in
// the agent editor. On a router ticket, Thomas ticks the steps of its guided procedure and fills
// what it collects; the escalate dialog starts the hand-off from them. Screenshots at 1440 px in
// French, Dutch and English go to test-artifacts/.

import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser, releaseBrowser } from "./support/browser.js";
import { startServer, SUITE_START_MS, type RunningServer } from "./support/server.js";
import { apiFromPage, signInAs } from "./support/session.js";

const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const WIDE = { width: 1440, height: 900 };
const RUN = `esc${Date.now().toString(36)}`;
const AGENT = "thomas.lefebvre@demo.palier.local";
const LEAD = "pieter.janssens@demo.palier.local";
const MANAGER = "isabelle.peeters@demo.palier.local";
const DEMO_PASSWORD = "demo-palier";
const LANGUAGES = ["en", "fr", "nl"] as const;
const BOARD = { en: "Escalations", fr: "Escalades", nl: "Escalaties" } as const;
const SENT_BACK = { en: "Sent back once", fr: "Renvoyé une fois", nl: "Eén keer teruggestuurd" } as const;
const TOOK_OVER = {
  fr: "Isabelle Peeters a repris le ticket à Thomas Lefebvre",
  nl: "Isabelle Peeters heeft het ticket overgenomen van Thomas Lefebvre",
} as const;

// No browser: skipped with the reason, except in CI, where browserAvailable() fails the run.
const suite = browserAvailable() ? describe : describe.skip;

suite("the human escalation", () => {
  let server: RunningServer;
  let browser: Browser;
  let agent: Page;
  let lead: Page;
  let manager: Page;
  let number = 0;
  let second = 0;
  let billingId = "";
  let thomasId = "";

  const shot = (target: Page, name: string) => target.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: false });
  const panel = (target: Page) => target.locator(".escalation-panel");
  const openPage = async (email: string) => {
    const context = await browser.newContext({ viewport: WIDE, locale: "en-GB" });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, email, DEMO_PASSWORD);
    return page;
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    // Each one signed in first, so that the notices they receive are written in the language their profile now says.
    [agent, lead, manager] = [await openPage(AGENT), await openPage(LEAD), await openPage(MANAGER)];
    const me = await apiFromPage<{ principal: { id: string; teamId: string } }>(agent, "GET", "/auth/me");
    billingId = me.principal.teamId;
    const customers = await apiFromPage<{ items: { id: string }[] }>(agent, "GET", "/customers?limit=1");
    const created = await apiFromPage<{ ticket: { number: number } }>(agent, "POST", "/tickets", {
      subject: `Double invoice after the upgrade ${RUN}`,
      channel: "email",
      customerId: customers.items[0]?.id,
      teamId: billingId,
      assigneeId: me.principal.id,
      message: { kind: "customer", text: "Since the upgrade every invoice reaches us twice, and our accounting cannot close the month." },
    });
    number = created.ticket.number;
    thomasId = me.principal.id;
    // A second ticket of Thomas's, where a manager suggests a reply and then takes it over.
    second = (
      await apiFromPage<{ ticket: { number: number } }>(agent, "POST", "/tickets", {
        subject: `Credit note for the duplicate ${RUN}`,
        channel: "web",
        customerId: customers.items[0]?.id,
        teamId: billingId,
        assigneeId: me.principal.id,
        message: { kind: "customer", text: "Will the duplicate invoice be cancelled?" },
      })
    ).ticket.number;
    await apiFromPage(agent, "POST", `/tickets/${number}/messages`, {
      kind: "note",
      text: "Checked the billing run: the duplicates come from the export job.",
    });
  }, SUITE_START_MS);

  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.stop();
  }, 30_000);

  it("refuses an incomplete hand-off and names the missing fields beside them", async () => {
    await agent.goto(`${server.baseUrl}/tickets/${number}`);
    await panel(agent).getByRole("button", { name: "Escalate…" }).click();
    const dialog = agent.getByRole("dialog", { name: `Escalate ticket #${number}` });
    await dialog.getByLabel("Team", { exact: true }).selectOption({ label: "Support technique" });
    await dialog.getByLabel("Problem summary").fill("Every invoice is sent twice since the upgrade");
    await dialog.getByRole("button", { name: "Escalate", exact: true }).click();
    await dialog.locator('.field-error[data-path="handoff.tried"]').waitFor();
    await expect(dialog.locator(".field-error").allTextContents()).resolves.toEqual(["is required", "is required", "is required"]);
    await expect(dialog.locator('[role="alert"] li').allTextContents()).resolves.toEqual([
      "What was already tried is required",
      "Customer impact is required",
      "Urgency is required",
    ]);
    await shot(agent, "escalation-01-incomplete-en-1440");
  }, 60_000);

  it("escalates with a complete hand-off after previewing the customer notice", async () => {
    const dialog = agent.getByRole("dialog", { name: `Escalate ticket #${number}` });
    await dialog.getByLabel("What was already tried").fill("Re-ran the billing export; cleared the queue");
    await dialog.getByLabel("Customer impact").fill("One customer, every invoice of the month doubled");
    await dialog.getByLabel("Urgency").selectOption("high");
    await dialog.getByLabel("Tell the customer of the transfer").check();
    await dialog.getByRole("button", { name: "Preview the notice" }).click();
    const notice = dialog.locator('textarea[name="noticeText"]');
    await notice.waitFor();
    await expect(notice.inputValue()).resolves.toMatch(/Support technique/);
    await dialog.locator(".notice-preview .eta").waitFor();
    await shot(agent, "escalation-02-preview-en-1440");
    await dialog.getByRole("button", { name: "Escalate", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await panel(agent).locator('.escalation-active[data-status="open"]').waitFor();
    await expect(panel(agent).locator(".escalation-active").textContent()).resolves.toContain("Support technique");
    await agent.locator(".conversation-section").getByText("Support technique").first().waitFor();
  }, 60_000);

  it("lets the receiving team's lead send it back with a reason and a better team", async () => {
    await lead.goto(`${server.baseUrl}/tickets/${number}`);
    await panel(lead).getByRole("button", { name: "Send back" }).click();
    const dialog = lead.getByRole("dialog", { name: "Send the escalation back" });
    await dialog.getByLabel("Why it is not for your team").fill("The export job belongs to billing: see the note on the billing run.");
    await dialog.getByLabel("Better team (optional)").selectOption(billingId);
    await shot(lead, "escalation-03-bounce-en-1440");
    await dialog.getByRole("button", { name: "Send back" }).click();
    await dialog.waitFor({ state: "detached" });
    await panel(lead).getByText(SENT_BACK.en).waitFor();
  }, 60_000);

  it("shows the first agent the ticket back with the bounce counted, in French, Dutch and English", async () => {
    await agent.reload();
    await panel(agent).getByText(SENT_BACK.en).waitFor();
    await expect(panel(agent).locator(".bounce-reason").textContent()).resolves.toContain("The export job belongs to billing");
    await expect(agent.locator(".ticket-meta").textContent()).resolves.toContain("Thomas Lefebvre");
    // The bounce counts on the agent too.
    await expect(panel(agent).locator(".agent-record").textContent()).resolves.toMatch(/^Thomas Lefebvre: \d+ escalations?, 1 sent back$/);
    await expect
      .poll(async () => (await apiFromPage<{ items: { title: string }[] }>(agent, "GET", "/notifications")).items.map((n) => n.title), { timeout: 20_000 })
      .toContain(`Ticket #${number} was sent back to you`);
    for (const language of LANGUAGES) {
      await apiFromPage(agent, "PATCH", "/auth/me", { locale: language });
      await agent.goto(`${server.baseUrl}/tickets/${number}`);
      await panel(agent).getByText(SENT_BACK[language]).waitFor();
      await panel(agent).scrollIntoViewIfNeeded();
      await shot(agent, `escalation-04-back-${language}-1440`);
      await agent.getByRole("link", { name: BOARD[language], exact: true }).click();
      await agent.getByRole("heading", { level: 1, name: BOARD[language] }).waitFor();
      const row = agent.locator(".escalation-table tr", { hasText: `#${number}` });
      await row.waitFor();
      await expect(row.getAttribute("data-status")).resolves.toBe("bounced");
      await shot(agent, `escalation-05-board-${language}-1440`);
    }
    await apiFromPage(agent, "PATCH", "/auth/me", { locale: "en" });
  }, 120_000);

  it("shows managers the bounce counts on the agents list and in the agent editor", async () => {
    await manager.goto(`${server.baseUrl}/admin/agents`);
    const thomas = manager.locator(`tr[data-agent="${AGENT}"] td[data-column="escalations"] .bounce-count`);
    await thomas.waitFor();
    await expect(thomas.getAttribute("data-bounced")).resolves.toBe("1");
    await expect(thomas.textContent()).resolves.toMatch(/^\d+ · 1 sent back$/);
    await shot(manager, "escalation-06-agents-en-1440");
    // Pieter, who sent it back, has it counted as sent back by him.
    await manager.locator(`tr[data-agent="${LEAD}"] a`).click();
    const figures = manager.locator(".agent-escalations");
    await figures.getByRole("heading", { name: "Escalations" }).waitFor();
    await expect(figures.locator('[data-figure="sentBack"] dd').textContent()).resolves.toBe("1");
    await expect(figures.locator('[data-figure="sentBack"] dt').textContent()).resolves.toBe("Sent back by the agent");
    await figures.scrollIntoViewIfNeeded();
    await shot(manager, "escalation-07-agent-editor-en-1440");
  }, 60_000);

  it("lets a manager change the escalation settings, each bad field named beside it", async () => {
    await manager.goto(`${server.baseUrl}/escalations`);
    await manager.getByRole("link", { name: "Settings" }).click();
    const form = manager.getByRole("form", { name: "Escalation settings" });
    const reminder = form.getByLabel("Remind the owner of an idle escalation after (business hours)");
    await reminder.fill("0");
    await form.getByLabel("Agent", { exact: true }).fill("lots");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.locator('.field-error[data-path="reminderHours"]').textContent()).resolves.toBe("must be a whole number from 1 to 200");
    await expect(form.locator('.field-error[data-path="approvalLimits.agent"]').count()).resolves.toBe(1);
    await expect(reminder.getAttribute("aria-invalid")).resolves.toBe("true");
    await shot(manager, "escalation-08-settings-errors-en-1440");
    await reminder.fill("2");
    await form.getByLabel("Agent", { exact: true }).fill("80");
    await form.locator('li[data-code="customer_side"]').getByRole("button", { name: "Retire" }).click();
    // A cause of the workspace's own: its Dutch label forgotten first, named beside the field.
    await form.getByRole("button", { name: "Add a root cause" }).click();
    const added = form.locator(".root-cause-list > li").last();
    await added.getByLabel("Label in French").fill("Panne chez le fournisseur");
    await added.getByLabel("Label in English").fill("Vendor outage");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(added.locator(".field-error").textContent()).resolves.toBe("is required");
    await expect(added.getByLabel("Label in Dutch").getAttribute("aria-invalid")).resolves.toBe("true");
    await added.getByLabel("Label in Dutch").fill("Storing bij de leverancier");
    await added.scrollIntoViewIfNeeded();
    await shot(manager, "escalation-09-root-causes-en-1440");
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText("Settings saved.").waitFor();
    const saved = await apiFromPage<{ reminderHours: number; approvalLimits: { agent: number }; rootCauses: { code: string; retired: boolean }[] }>(
      manager,
      "GET",
      "/settings/escalation",
    );
    expect(saved).toMatchObject({ reminderHours: 2, approvalLimits: { agent: 8000 } });
    expect(saved.rootCauses).toContainEqual(expect.objectContaining({ code: "customer_side", retired: true }));
    expect(saved.rootCauses).toContainEqual(expect.objectContaining({ code: "vendor_outage", retired: false }));
    // Put the agent's limit back: the approval below counts on 50 €.
    await apiFromPage(manager, "PUT", "/settings/escalation", { approvalLimits: { agent: 5000 } });
  }, 60_000);

  it("asks a manager to approve a refund beyond the agent's limit, who approves it from the notification", async () => {
    await agent.goto(`${server.baseUrl}/tickets/${number}`);
    const approvals = panel(agent).locator("details.approvals");
    await approvals.locator("summary").click();
    await approvals.getByLabel("Kind").selectOption("refund");
    await approvals.getByLabel("Amount (EUR)").fill("300");
    await approvals.getByLabel("Reason").fill("Both November invoices were charged");
    await approvals.getByRole("button", { name: "Ask for approval" }).click();
    await approvals.locator('li[data-status="pending"]').waitFor();
    await shot(agent, "escalation-06-approval-asked-en-1440");

    await manager.reload();
    const bell = manager.getByTestId("bell");
    await expect.poll(async () => (await bell.getAttribute("aria-label")) ?? "", { timeout: 20_000 }).toMatch(/unread/);
    await bell.click();
    const notice = manager.locator(".bell-list li", { hasText: `Approval asked for ticket #${number}` });
    await notice.waitFor();
    await shot(manager, "escalation-07-approval-notification-en-1440");
    await notice.getByRole("button", { name: "Approve" }).click();
    await notice.locator(".approval-decided", { hasText: "Approved" }).waitFor();

    await agent.reload();
    await panel(agent).locator("details.approvals summary").click();
    await panel(agent).locator('details.approvals li[data-status="approved"]').waitFor();
  }, 90_000);

  it("asks for the root cause when the receiving team solves an escalated ticket", async () => {
    const technical = (await apiFromPage<{ items: { id: string; name: string }[] }>(agent, "GET", "/teams")).items.find(
      (team) => team.name === "Support technique",
    );
    await apiFromPage(agent, "POST", `/tickets/${number}/escalations`, {
      kind: "functional",
      toTeamId: technical?.id,
      handoff: { summary: "The export job still doubles invoices", tried: "Fixed the billing run's settings", impact: "Same customer", urgency: "normal" },
    });
    await lead.goto(`${server.baseUrl}/tickets/${number}`);
    await panel(lead).getByRole("button", { name: "Accept" }).click();
    await panel(lead).locator('.escalation-active[data-status="accepted"]').waitFor();
    const properties = lead.locator("form.properties");
    await properties.getByLabel("Status").selectOption("solved");
    const prompt = properties.locator(".root-cause");
    await prompt.waitFor();
    await properties.getByRole("button", { name: "Save", exact: true }).click();
    await properties.locator('[role="alert"]', { hasText: "Root cause" }).waitFor();
    // The workspace's own cause is offered in the reader's words.
    await prompt.getByLabel("Root cause", { exact: true }).selectOption({ label: "Vendor outage" });
    await shot(lead, "escalation-08-root-cause-en-1440");
    await properties.getByRole("button", { name: "Save", exact: true }).click();
    await lead.locator(".ticket-meta .badge", { hasText: "Solved" }).waitFor();
    await expect
      .poll(async () => (await apiFromPage<{ items: { title: string; body: string }[] }>(agent, "GET", "/notifications")).items.map((n) => n.body), {
        timeout: 20_000,
      })
      .toContain("Root cause: Vendor outage.");
  }, 90_000);

  it("offers agents after @ in a note, and lets the agent mentioned use the manager's suggested reply", async () => {
    await manager.goto(`${server.baseUrl}/tickets/${second}`);
    const box = manager.locator("form.reply-box");
    await box.locator('input[name="mode"][value="note"]').check();
    const note = box.locator("textarea");
    await note.fill("Please answer: the duplicate is cancelled, the credit note follows. @Thom");
    const options = box.getByRole("listbox", { name: "Agents to mention" });
    await options.getByRole("option", { name: "Thomas Lefebvre" }).waitFor();
    await shot(manager, "escalation-10-mention-en-1440");
    await note.press("Enter");
    await expect(note.inputValue()).resolves.toBe("Please answer: the duplicate is cancelled, the credit note follows. @Thomas Lefebvre ");
    await box.getByLabel("Suggest this note as their reply").check();
    await box.getByRole("button", { name: "Suggest the reply" }).click();
    await manager.locator('.conversation li[data-suggestion="true"]', { hasText: "Suggested to Thomas Lefebvre" }).waitFor();

    await expect
      .poll(async () => (await apiFromPage<{ items: { title: string }[] }>(agent, "GET", "/notifications")).items.map((n) => n.title), { timeout: 20_000 })
      .toContain(`Isabelle Peeters suggests a reply on ticket #${second}`);
    await agent.goto(`${server.baseUrl}/tickets/${second}`);
    const suggested = agent.locator('.conversation li[data-suggestion="true"]');
    await suggested.getByRole("button", { name: "Use this reply" }).click();
    const reply = agent.locator("form.reply-box");
    // The mention is for Thomas, not for the customer: it is taken out of the reply.
    await expect(reply.locator("textarea").inputValue()).resolves.toBe("Please answer: the duplicate is cancelled, the credit note follows.");
    await expect(reply.locator('input[name="mode"][value="reply"]').isChecked()).resolves.toBe(true);
    await shot(agent, "escalation-11-use-suggestion-en-1440");
    await reply.getByRole("button", { name: "Send reply" }).click();
    await agent.locator('.conversation li[data-kind="reply"]', { hasText: "the credit note follows" }).waitFor();
  }, 90_000);

  it("lets a manager take the ticket over after confirming, the agent following it and told", async () => {
    // Thomas has no right to take tickets over: no button for him.
    await panel(agent).getByRole("button", { name: "Escalate…" }).waitFor();
    await expect(panel(agent).getByRole("button", { name: "Take over…" }).count()).resolves.toBe(0);
    await manager.goto(`${server.baseUrl}/tickets/${second}`);
    await panel(manager).getByRole("button", { name: "Take over…" }).click();
    const dialog = manager.getByRole("dialog", { name: `Take ticket #${second} over` });
    await dialog.getByText("Thomas Lefebvre keeps following it").waitFor();
    await dialog.getByLabel("Reason (optional)").fill("The customer asked for a manager");
    await shot(manager, "escalation-12-take-over-en-1440");
    await dialog.getByRole("button", { name: "Take over", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(async () => manager.locator(".ticket-meta").textContent()).toContain("Isabelle Peeters");
    await manager.locator(".timeline", { hasText: "Isabelle Peeters took the ticket over from Thomas Lefebvre" }).waitFor();
    const ticket = await apiFromPage<{ followers: string[] }>(manager, "GET", `/tickets/${second}`);
    expect(ticket.followers).toContain(thomasId);
    await expect
      .poll(async () => (await apiFromPage<{ items: { title: string }[] }>(agent, "GET", "/notifications")).items.map((n) => n.title), { timeout: 20_000 })
      .toContain(`Ticket #${second} was taken over`);
    for (const language of ["fr", "nl"] as const) {
      await apiFromPage(manager, "PATCH", "/auth/me", { locale: language });
      await manager.reload();
      await manager.locator(".timeline", { hasText: TOOK_OVER[language] }).waitFor();
      await shot(manager, `escalation-13-taken-over-${language}-1440`);
    }
    await apiFromPage(manager, "PATCH", "/auth/me", { locale: "en" });
  }, 90_000);
  it("starts the hand-off from the guided procedure the agent worked through on the ticket", async () => {
    const me = await apiFromPage<{ principal: { id: string } }>(agent, "GET", "/auth/me");
    const customers = await apiFromPage<{ items: { id: string }[] }>(agent, "GET", "/customers?limit=1");
    const created = await apiFromPage<{ ticket: { number: number } }>(agent, "POST", "/tickets", {
      subject: `The router keeps dropping the connection ${RUN}`,
      channel: "email",
      customerId: customers.items[0]?.id,
      teamId: billingId,
      assigneeId: me.principal.id,
      tags: ["router"],
      message: { kind: "customer", text: "Our router loses the connection every evening." },
    });
    const routerTicket = created.ticket.number;
    await apiFromPage(agent, "POST", `/tickets/${routerTicket}/messages`, { kind: "note", text: "Called the customer about the router." });
    await agent.goto(`${server.baseUrl}/tickets/${routerTicket}`);
    const procedure = agent.getByRole("form", { name: "Router replacement" });
    await procedure.getByLabel("Check the firmware version").check();
    await procedure.getByLabel("Factory reset with the customer").check();
    await procedure.getByLabel("Serial number").fill("LB-4471-22");
    await procedure.getByRole("button", { name: "Save progress" }).click();
    await procedure.locator(".procedure-saved", { hasText: "Saved by Thomas Lefebvre" }).waitFor();
    await agent.locator('.timeline li.event[data-type="procedure"]', { hasText: "Procedure “Router replacement”: 2 of 2 steps done" }).waitFor();
    await shot(agent, "escalation-09-procedure-en-1440");

    await panel(agent).getByRole("button", { name: "Escalate…" }).click();
    const dialog = agent.getByRole("dialog", { name: `Escalate ticket #${routerTicket}` });
    await expect(dialog.getByLabel("What was already tried").inputValue()).resolves.toBe(
      "Router replacement, steps done:\n- Check the firmware version\n- Factory reset with the customer",
    );
    await expect(dialog.getByLabel("Problem summary").inputValue()).resolves.toBe("Router replacement, information collected:\n- Serial number: LB-4471-22");
    await dialog.locator(".handoff-from-procedure").waitFor();
    await shot(agent, "escalation-10-prefilled-en-1440");
    // Editable before sending: the agent adds the first line and escalates.
    await dialog.getByLabel("Problem summary").fill("The router drops every evening.\nSerial number: LB-4471-22");
    await dialog.getByLabel("Team", { exact: true }).selectOption({ label: "Support technique" });
    await dialog.getByLabel("Customer impact").fill("One household without internet in the evening");
    await dialog.getByLabel("Urgency").selectOption("normal");
    await dialog.getByRole("button", { name: "Escalate", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    const sent = await apiFromPage<{ items: { handoff: { tried: string; summary: string } }[] }>(agent, "GET", `/tickets/${routerTicket}/escalations`);
    expect(sent.items[0]?.handoff).toMatchObject({
      summary: "The router drops every evening.\nSerial number: LB-4471-22",
      tried: "Router replacement, steps done:\n- Check the firmware version\n- Factory reset with the customer",
    });

    // Managers keep the procedures under Escalations › Procedures; a new one names each missing field beside it.
    await manager.goto(`${server.baseUrl}/escalations`);
    await manager.getByRole("link", { name: "Procedures" }).click();
    await manager.locator('li[data-procedure="router"]', { hasText: "Router replacement" }).waitFor();
    await shot(manager, "escalation-11-procedures-en-1440");
    await manager.getByRole("link", { name: "New procedure" }).click();
    const editor = manager.getByRole("form", { name: "Procedure" });
    await editor.getByLabel("Name (French)").fill("Coupure TV");
    await editor.getByRole("button", { name: "Add a step" }).click();
    await editor.getByRole("button", { name: "Save the procedure" }).click();
    await expect(editor.locator('.field-error[data-path="names.en"]').textContent()).resolves.toBe("is required");
    await expect(editor.locator('.field-error[data-path="requestType"]').textContent()).resolves.toBe("is required");
    await expect(editor.getByLabel("Step 1 (Dutch)").getAttribute("aria-invalid")).resolves.toBe("true");
    await shot(manager, "escalation-12-procedure-errors-en-1440");
  }, 90_000);
});
