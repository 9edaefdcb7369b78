// Signing in through the login screen and calling the API from a page with its session cookie
// and CSRF token, for the end-to-end suites.

import type { Page } from "playwright-core";

/**
 * Signs in on the login screen and waits for the inbox. The app speaks the profile's language once
 * signed in: `locale` (English unless told otherwise) is saved to the profile first, so a suite
 * reads the words it expects whatever the demo agent's own language.
 */
export async function signInAs(page: Page, baseUrl: string, email: string, password: string, inboxTitle = "Inbox", locale = "en"): Promise<void> {
  await page.goto(baseUrl + "/");
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId("profile").waitFor();
  const profile = await apiFromPage<{ principal: { locale?: string; language?: string | null } }>(page, "GET", "/auth/me");
  if ((profile.principal.locale ?? profile.principal.language) !== locale) {
    await apiFromPage(page, "PATCH", "/auth/me", { locale });
    await page.reload();
  }
  await page.getByRole("heading", { level: 1, name: inboxTitle }).waitFor();
}

/** Calls the API from the page, with the session cookie and the CSRF token, as the app does. */
export async function apiFromPage<T>(page: Page, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const me = (await (await fetch("/api/v1/auth/me")).json()) as { csrfToken: string };
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrfToken, ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text === "" ? undefined : (JSON.parse(text) as unknown);
    },
    { method, path, body, headers },
  ) as Promise<T>;
}
