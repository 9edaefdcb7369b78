// A knowledge-base article: one article in several language versions (French, Dutch,
// English), each with its own slug, title and Markdown body, draft or published. Validation
// names every problem with its field path; nothing here reads the clock or the database.

export const KB_LANGUAGES = ["fr", "nl", "en"] as const;
export type KbLanguage = (typeof KB_LANGUAGES)[number];

export const KB_STATUSES = ["draft", "published"] as const;
export type KbStatus = (typeof KB_STATUSES)[number];

/** Limits of an article's fields. */
export const KB_LIMITS = { slug: 120, title: 200, body: 100_000, categoryName: 80 } as const;

export function isKbLanguage(value: unknown): value is KbLanguage {
  return typeof value === "string" && (KB_LANGUAGES as readonly string[]).includes(value);
}

/** One language version as written by an editor. */
export interface TranslationInput {
  language: KbLanguage;
  slug: string;
  title: string;
  /** Markdown. */
  body: string;
  status: KbStatus;
}

/** A problem with one field of an article or a category. */
export interface KbProblem {
  path: string;
  code:
    | "required"
    | "too_long"
    | "kb_slug_format"
    | "kb_duplicate_language"
    | "kb_fallback_missing"
    | "kb_no_translation"
    | "kb_slug_taken"
    | "kb_unknown_category"
    | "kb_attachment_empty"
    | "kb_attachment_too_large"
    | "kb_attachment_too_many"
    | "not_allowed_value";
  message: string;
  params?: Record<string, string | number>;
}

/** An article or a category that cannot be stored as given; `problems` names each problem. */
export class KbInvalid extends Error {
  constructor(readonly problems: readonly KbProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join("; "));
    this.name = "KbInvalid";
  }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug made of a title: lower case ASCII words joined by hyphens ("Évènement reporté" → "evenement-reporte"). */
export function slugify(title: string): string {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, KB_LIMITS.slug)
    .replace(/-+$/, "");
}

/** The problems of one language version at `path` (`translations[0]`). */
export function translationProblems(input: TranslationInput, path: string): KbProblem[] {
  const problems: KbProblem[] = [];
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if (!isKbLanguage(input.language))
    problems.push({ path: at("language"), code: "not_allowed_value", message: "must be fr, nl or en", params: { allowed: KB_LANGUAGES.join(", ") } });
  if (input.title.trim() === "") problems.push({ path: at("title"), code: "required", message: "is required" });
  else if (input.title.length > KB_LIMITS.title)
    problems.push({ path: at("title"), code: "too_long", message: `must be at most ${KB_LIMITS.title} characters`, params: { max: KB_LIMITS.title } });
  if (!SLUG.test(input.slug)) problems.push({ path: at("slug"), code: "kb_slug_format", message: "must be lower-case letters and digits joined by hyphens" });
  else if (input.slug.length > KB_LIMITS.slug)
    problems.push({ path: at("slug"), code: "too_long", message: `must be at most ${KB_LIMITS.slug} characters`, params: { max: KB_LIMITS.slug } });
  if (input.body.length > KB_LIMITS.body)
    problems.push({ path: at("body"), code: "too_long", message: `must be at most ${KB_LIMITS.body} characters`, params: { max: KB_LIMITS.body } });
  if (!(KB_STATUSES as readonly string[]).includes(input.status))
    problems.push({ path: at("status"), code: "not_allowed_value", message: "must be draft or published", params: { allowed: KB_STATUSES.join(", ") } });
  return problems;
}

/** An article as written: its language versions and the language a reader falls back to. */
export interface ArticleInput {
  fallbackLanguage: KbLanguage;
  translations: TranslationInput[];
}

/** Throws {@link KbInvalid} naming every problem of a new article. */
export function validateArticle(input: ArticleInput): void {
  const problems: KbProblem[] = [];
  if (!isKbLanguage(input.fallbackLanguage))
    problems.push({ path: "fallbackLanguage", code: "not_allowed_value", message: "must be fr, nl or en", params: { allowed: KB_LANGUAGES.join(", ") } });
  if (input.translations.length === 0)
    problems.push({ path: "translations", code: "kb_no_translation", message: "an article needs at least one language version" });
  const seen = new Set<string>();
  input.translations.forEach((t, i) => {
    problems.push(...translationProblems(t, `translations[${i}]`));
    if (seen.has(t.language))
      problems.push({
        path: `translations[${i}].language`,
        code: "kb_duplicate_language",
        message: `there is already a version in ${t.language}`,
        params: { language: t.language },
      });
    seen.add(t.language);
  });
  if (input.translations.length > 0 && isKbLanguage(input.fallbackLanguage) && !seen.has(input.fallbackLanguage)) {
    problems.push({
      path: "fallbackLanguage",
      code: "kb_fallback_missing",
      message: `the article has no version in ${input.fallbackLanguage}`,
      params: { language: input.fallbackLanguage },
    });
  }
  if (problems.length > 0) throw new KbInvalid(problems);
}

/** Throws {@link KbInvalid} unless a category's names are usable. */
export function validateCategory(input: { slug: string; names: Partial<Record<KbLanguage, string>> }): void {
  const problems: KbProblem[] = [];
  if (!SLUG.test(input.slug)) problems.push({ path: "slug", code: "kb_slug_format", message: "must be lower-case letters and digits joined by hyphens" });
  for (const language of KB_LANGUAGES) {
    const name = input.names[language];
    if (name === undefined || name.trim() === "") problems.push({ path: `names.${language}`, code: "required", message: "is required" });
    else if (name.length > KB_LIMITS.categoryName)
      problems.push({
        path: `names.${language}`,
        code: "too_long",
        message: `must be at most ${KB_LIMITS.categoryName} characters`,
        params: { max: KB_LIMITS.categoryName },
      });
  }
  if (problems.length > 0) throw new KbInvalid(problems);
}

/**
 * The version a reader of `wanted` is shown: theirs, else the article's fallback language, else
 * the first there is (in fr, nl, en order). `undefined` when there is none.
 */
export function pickVersion<T extends { language: string }>(versions: readonly T[], wanted: string | undefined, fallback: string): T | undefined {
  return (
    versions.find((v) => v.language === wanted) ??
    versions.find((v) => v.language === fallback) ??
    [...versions].sort((a, b) => KB_LANGUAGES.indexOf(a.language as KbLanguage) - KB_LANGUAGES.indexOf(b.language as KbLanguage))[0]
  );
}
