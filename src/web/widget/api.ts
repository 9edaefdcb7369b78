// The widget's calls to Palier: its configuration, the knowledge base, journey steps and the
// contact form. Never with cookies (`credentials: "omit"`): the widget is anonymous everywhere.

export type Lang = "fr" | "nl" | "en";

export interface WidgetConfig {
  team: { id: string; name: string };
  language: Lang;
  texts: Record<string, string>;
  email: string | null;
  phone: string | null;
  phoneShown: boolean;
}

export interface ArticleHit {
  id: string;
  slug: string;
  title: string;
  /** HTML whose only element is <mark>. */
  snippet: string;
  language: string;
}

export interface Article {
  id: string;
  slug: string;
  title: string;
  html: string;
  language: string;
}

export type Step =
  | { kind: "search"; query: string; results: number }
  | { kind: "article"; slug: string; title: string }
  | { kind: "answered"; slug: string; title: string; helpful: boolean };

export interface ContactForm {
  name: string;
  email: string;
  subject: string;
  message: string;
}

/** A refused request: its status and the fields the server named. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly paths: string[],
  ) {
    super(`refused with ${status}`);
  }
}

/** The client of one Palier origin for one team, in one language, for one visitor. */
export function palierClient(origin: string, team: string, visitorId: string) {
  let lang: Lang | undefined;
  const pageUrl = /^https?:/.test(location.href) ? location.href.slice(0, 2000) : undefined;

  async function call<T>(path: string, init?: { body: unknown }): Promise<T> {
    const response = await fetch(origin + path, {
      method: init ? "POST" : "GET",
      credentials: "omit",
      headers: init ? { "content-type": "application/json" } : {},
      ...(init ? { body: JSON.stringify(init.body) } : {}),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { details?: { path: string }[] } } | null;
      throw new Refused(response.status, body?.error?.details?.map((d) => d.path) ?? []);
    }
    return (await response.json()) as T;
  }
  const query = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

  return {
    async config(wanted: Lang | undefined): Promise<WidgetConfig> {
      const config = await call<WidgetConfig>(`/api/v1/public/widget/config?${query({ team, ...(wanted ? { lang: wanted } : {}) })}`);
      lang = config.language;
      return config;
    },
    search: (q: string, limit = 5) =>
      call<{ results: ArticleHit[] }>(`/api/v1/public/kb/search?${query({ q, lang: lang ?? "en", limit })}`).then((r) => r.results),
    suggest: (text: string, limit = 3) =>
      call<{ results: ArticleHit[] }>(`/api/v1/public/kb/suggest?${query({ text: text.slice(0, 500), lang: lang ?? "en", limit })}`).then((r) => r.results),
    article: (slug: string) => call<Article>(`/api/v1/public/kb/articles/${encodeURIComponent(slug)}?${query({ lang: lang ?? "en" })}`),
    /** Records a step; a step that cannot be recorded never gets in the visitor's way. */
    step: (step: Step) =>
      call(`/api/v1/public/selfcare/journey`, { body: { visitorId, team, ...(lang ? { lang } : {}), ...(pageUrl ? { pageUrl } : {}), steps: [step] } }).catch(
        () => undefined,
      ),
    send: (form: ContactForm) =>
      call<{ number: number }>(`/api/v1/public/selfcare/requests`, {
        body: { visitorId, team, ...(lang ? { lang } : {}), ...(pageUrl ? { pageUrl } : {}), ...form },
      }),
  };
}

export type PalierClient = ReturnType<typeof palierClient>;
