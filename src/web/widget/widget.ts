// The self-care widget a customer's site loads with one script tag (docs/self-care.md). It walks
// the ladder in a shadow root: articles suggested for the page, a search, an article with "did
// this answer your question?", a contact form that suggests articles as the customer types, and
// last the other ways to reach the team. Every step goes to the visitor's journey.

import css from "./widget.css?inline";
import { type ArticleHit, type Lang, type PalierClient, palierClient, Refused, type WidgetConfig } from "./api.js";
import { debounce, fill, h, safeNodes } from "./dom.js";

const LANGS: readonly Lang[] = ["fr", "nl", "en"];
const VISITOR_KEY = "palier-visitor";

/** The first of the page's language hints that Palier speaks: data-lang, <html lang>, the browser's. */
function pageLanguage(script: HTMLScriptElement): Lang | undefined {
  const hints = [script.dataset.lang, document.documentElement.lang, ...(navigator.languages ?? [navigator.language])];
  for (const hint of hints) {
    const lang = hint?.toLowerCase().split(/[-_]/)[0] as Lang | undefined;
    if (lang && LANGS.includes(lang)) return lang;
  }
  return undefined;
}

/** This browser's visitor id, kept on the site's origin (a new one each page when storage is refused). */
function visitorId(): string {
  const fresh = () => [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
  try {
    const kept = localStorage.getItem(VISITOR_KEY);
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
    const id = fresh();
    localStorage.setItem(VISITOR_KEY, id);
    return id;
  } catch {
    return fresh();
  }
}

let ids = 0;
const uid = (name: string) => `palier-${name}-${++ids}`;

function render(root: ShadowRoot, client: PalierClient, config: WidgetConfig): void {
  const t = (key: string, values: Record<string, string | number> = {}) => fill(config.texts[key] ?? key, values);
  const titleId = uid("title");
  const panelId = uid("panel");

  const launcher = h("button", { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": panelId }, t("launcher"));
  const close = h("button", { type: "button", class: "close", "aria-label": t("close") }, "×");
  const status = h("p", { class: "muted", role: "status", "aria-live": "polite" });

  // Home: suggestions for this page, the search, the way to the form.
  const suggested = h("ul");
  const suggestedId = uid("suggested");
  const suggestedBox = h("section", { hidden: true, "aria-labelledby": suggestedId }, h("h3", { id: suggestedId }, t("suggested")), suggested);
  const searchInput = h("input", { type: "search", id: uid("q"), placeholder: t("searchPlaceholder"), autocomplete: "off", maxlength: "300" });
  const searchForm = h(
    "form",
    { role: "search", class: "search-form" },
    h("label", { for: searchInput.id }, t("searchLabel")),
    h("div", { class: "search" }, searchInput, h("button", { type: "submit", class: "primary" }, t("searchButton"))),
  );
  const resultsHeading = h("h3", { hidden: true }, t("results"));
  const results = h("ul");
  const toContact = h("button", { type: "button", class: "secondary" }, t("contactOpen"));
  const home = h("div", {}, suggestedBox, searchForm, resultsHeading, results, toContact);

  // An article, and whether it answered.
  const back = h("button", { type: "button", class: "back" }, `← ${t("back")}`);
  const articleTitle = h("h2", { tabindex: "-1" });
  const articleBody = h("div", { class: "article" });
  const yes = h("button", { type: "button", class: "primary" }, t("yes"));
  const no = h("button", { type: "button", class: "secondary" }, t("no"));
  const answeredQuestion = h("p", { id: uid("answered") }, t("answered"));
  const answeredBox = h("div", { class: "answered", role: "group", "aria-labelledby": answeredQuestion.id }, answeredQuestion, yes, no);
  const answeredNotice = h("p", { class: "notice", role: "status", tabindex: "-1", hidden: true });
  const articleView = h("div", { hidden: true }, back, articleTitle, articleBody, answeredBox, answeredNotice);

  // The contact form, suggesting articles as the customer types.
  const field = (name: "name" | "email" | "subject" | "message") => {
    const id = uid(name);
    const input =
      name === "message"
        ? h("textarea", { id, name, required: true, maxlength: "10000", "aria-describedby": `${id}-error` })
        : h("input", {
            id,
            name,
            required: true,
            type: name === "email" ? "email" : "text",
            autocomplete: name === "subject" ? "off" : name,
            maxlength: name === "email" ? "320" : "200",
            "aria-describedby": `${id}-error`,
          });
    const error = h("p", { class: "error", id: `${id}-error`, hidden: true });
    return { input, error, row: h("div", {}, h("label", { for: id }, t(name)), input, error) };
  };
  const fields = { name: field("name"), email: field("email"), subject: field("subject"), message: field("message") };
  const mightAnswer = h("ul");
  const mightAnswerBox = h("section", { hidden: true, "aria-live": "polite" }, h("h3", {}, t("mightAnswer")), mightAnswer);
  const send = h("button", { type: "submit", class: "primary" }, t("send"));
  const formNotice = h("p", { class: "notice", role: "status", tabindex: "-1", hidden: true });
  const contactTitle = h("h2", { tabindex: "-1" }, t("contactTitle"));
  const form = h("form", { novalidate: true }, fields.name.row, fields.email.row, fields.subject.row, fields.message.row, mightAnswerBox, h("p", {}, send));
  const contactBack = h("button", { type: "button", class: "back" }, `← ${t("back")}`);
  const contactView = h("div", { hidden: true }, contactBack, contactTitle, form, formNotice);

  // Last, the other ways to reach the team.
  const ways = h("ul");
  if (config.phoneShown && config.phone)
    ways.append(h("li", {}, h("a", { href: `tel:${config.phone.replace(/[^+\d]/g, "")}` }, t("callUs", { phone: config.phone }))));
  if (config.email) ways.append(h("li", {}, h("a", { href: `mailto:${config.email}` }, t("emailUs", { email: config.email }))));
  const waysBox = h("section", { class: "ways", hidden: ways.childElementCount === 0 }, h("h3", {}, t("otherWays")), ways);

  const panel = h(
    "div",
    { class: "panel", id: panelId, role: "dialog", "aria-modal": "false", "aria-labelledby": titleId, hidden: true },
    h("div", { class: "head" }, h("h2", { id: titleId }, t("title")), close),
    status,
    home,
    articleView,
    contactView,
    waysBox,
  );
  root.append(panel, launcher);

  let cameFrom: HTMLElement = home;
  const show = (view: HTMLElement) => {
    for (const v of [home, articleView, contactView]) v.hidden = v !== view;
  };

  const hitList = (list: HTMLUListElement, hits: readonly ArticleHit[]) => {
    list.replaceChildren(
      ...hits.map((hit) =>
        h(
          "li",
          {},
          (() => {
            const button = h("button", { type: "button", class: "link" }, hit.title);
            if (hit.snippet) button.append(h("span", { class: "snippet" }, ...safeNodes(hit.snippet, ["mark"])));
            button.addEventListener("click", () => void openArticle(hit.slug));
            return button;
          })(),
        ),
      ),
    );
  };

  async function openArticle(slug: string): Promise<void> {
    cameFrom = contactView.hidden ? home : contactView;
    status.textContent = t("loading");
    try {
      const article = await client.article(slug);
      articleTitle.textContent = article.title;
      articleBody.replaceChildren(...safeNodes(article.html));
      answeredBox.hidden = false;
      answeredNotice.hidden = true;
      yes.onclick = no.onclick = null;
      const answer = (helpful: boolean) => {
        void client.step({ kind: "answered", slug: article.slug, title: article.title, helpful });
        answeredBox.hidden = true;
        answeredNotice.textContent = t(helpful ? "thanksHelped" : "thanksNotHelped");
        answeredNotice.hidden = false;
        // The buttons are gone: the focus goes to what replaced them, not to the page.
        answeredNotice.focus();
      };
      yes.onclick = () => answer(true);
      no.onclick = () => answer(false);
      status.textContent = "";
      show(articleView);
      articleTitle.focus();
      void client.step({ kind: "article", slug: article.slug, title: article.title });
    } catch {
      status.textContent = t("unreachable");
    }
  }

  let suggestedOnce = false;
  const open = (expanded: boolean) => {
    panel.hidden = !expanded;
    launcher.setAttribute("aria-expanded", String(expanded));
    if (!expanded) return launcher.focus();
    if (!home.hidden) searchInput.focus();
    if (suggestedOnce) return;
    suggestedOnce = true;
    // From the page the widget is on: its title and the words of its path.
    const page = `${document.title} ${decodeURIComponent(location.pathname).replace(/[/_.-]+/g, " ")}`.trim();
    if (page) {
      client
        .suggest(page)
        .then((hits) => {
          hitList(suggested, hits);
          suggestedBox.hidden = hits.length === 0;
        })
        .catch(() => undefined);
    }
  };
  launcher.addEventListener("click", () => open(panel.hidden));
  close.addEventListener("click", () => open(false));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) open(false);
  });

  searchForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = searchInput.value.trim();
    if (!q) return searchInput.focus();
    status.textContent = t("searching");
    client
      .search(q)
      .then((hits) => {
        hitList(results, hits);
        resultsHeading.hidden = hits.length === 0;
        status.textContent = hits.length === 0 ? t("noResults") : "";
        void client.step({ kind: "search", query: q.slice(0, 300), results: hits.length });
      })
      .catch(() => {
        status.textContent = t("unreachable");
      });
  });

  back.addEventListener("click", () => {
    show(cameFrom);
    (cameFrom === home ? searchInput : contactTitle).focus();
  });
  const toForm = () => {
    show(contactView);
    status.textContent = "";
    contactTitle.focus();
  };
  toContact.addEventListener("click", toForm);
  contactBack.addEventListener("click", () => {
    show(home);
    searchInput.focus();
  });

  const suggestWhileTyping = debounce(() => {
    const text = `${fields.subject.input.value} ${fields.message.input.value}`.trim();
    if (text.length < 4) return;
    client
      .suggest(text)
      .then((hits) => {
        hitList(mightAnswer, hits);
        mightAnswerBox.hidden = hits.length === 0;
      })
      .catch(() => undefined);
  }, 400);
  fields.subject.input.addEventListener("input", suggestWhileTyping);
  fields.message.input.addEventListener("input", suggestWhileTyping);

  const setError = (name: keyof typeof fields, message: string | null) => {
    const { input, error } = fields[name];
    input.setAttribute("aria-invalid", String(message !== null));
    error.textContent = message ?? "";
    error.hidden = message === null;
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    let first: HTMLElement | null = null;
    for (const name of Object.keys(fields) as (keyof typeof fields)[]) {
      const value = fields[name].input.value.trim();
      const problem = value === "" ? t("required") : name === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? t("invalidEmail") : null;
      setError(name, problem);
      if (problem && !first) first = fields[name].input;
    }
    if (first) return first.focus();
    send.disabled = true;
    send.textContent = t("sending");
    formNotice.hidden = true;
    client
      .send({
        name: fields.name.input.value.trim(),
        email: fields.email.input.value.trim(),
        subject: fields.subject.input.value.trim(),
        message: fields.message.input.value.trim(),
      })
      .then(({ number }) => {
        form.hidden = true;
        formNotice.className = "notice";
        formNotice.textContent = t("sent", { number });
        formNotice.hidden = false;
        formNotice.focus();
      })
      .catch((error: unknown) => {
        const paths = error instanceof Refused ? error.paths : [];
        for (const name of Object.keys(fields) as (keyof typeof fields)[])
          if (paths.includes(name)) setError(name, t(name === "email" ? "invalidEmail" : "required"));
        formNotice.className = "notice bad";
        formNotice.textContent = t(error instanceof Refused ? "sendFailed" : "unreachable");
        formNotice.hidden = false;
      })
      .finally(() => {
        send.disabled = false;
        send.textContent = t("send");
      });
  });
}

/**
 * The widget's styles in its shadow root: a constructable stylesheet, which a strict CSP allows
 * as it is no inline style. A browser without them (Safari before 16.4) gets a `<style>`
 * element, which applies where the page's CSP allows inline styles; elsewhere the widget still
 * works, unstyled.
 */
function style(root: ShadowRoot): void {
  if ("adoptedStyleSheets" in root && "replaceSync" in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const element = document.createElement("style");
  element.textContent = css;
  root.append(element);
}

/** Starts the widget for the script tag that loaded it; without a team it says so in the console and stays out. */
async function start(script: HTMLScriptElement): Promise<void> {
  const team = script.dataset.team;
  if (!team) return console.warn("Palier widget: the script tag needs data-team");
  const origin = new URL(script.src, location.href).origin;
  const client = palierClient(origin, team, visitorId());
  let config: WidgetConfig;
  try {
    config = await client.config(pageLanguage(script));
  } catch (error) {
    return console.warn("Palier widget: no configuration", error);
  }
  const host = document.createElement("palier-help");
  const root = host.attachShadow({ mode: "open" });
  style(root);
  host.lang = config.language;
  render(root, client, config);
  document.body.append(host);
}

const current = document.currentScript as HTMLScriptElement | null;
const script = current ?? document.querySelector<HTMLScriptElement>("script[data-team][src*='widget.js']");
if (script) {
  if (document.body) void start(script);
  else document.addEventListener("DOMContentLoaded", () => void start(script), { once: true });
}
