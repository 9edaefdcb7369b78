// The JSON of the knowledge base: public search and articles (the self-care widget's contract,
// docs/knowledge-base.md), and the staff's articles and categories.

import { Type } from "typebox";
import { KB_LANGUAGES, KB_LIMITS, KB_STATUSES } from "../../../core/kb/article.js";
import { DateTime, Nullable, StringEnum, Uuid } from "../common/schema.js";

export const Language = StringEnum(KB_LANGUAGES, { description: "fr, nl or en" });

/** One search result: `snippet` is HTML whose only markup is `<mark>…</mark>`; everything else is escaped. */
export const SearchResult = Type.Object(
  {
    id: Uuid,
    slug: Type.String(),
    title: Type.String({ description: "plain text" }),
    snippet: Type.String({ description: "HTML: the matched words in <mark>, every other character escaped" }),
    language: Language,
    category: Nullable(Type.String({ description: "the category's slug" })),
  },
  { additionalProperties: false },
);

export const SearchAnswer = Type.Object(
  { results: Type.Array(SearchResult), searchId: Uuid },
  { additionalProperties: false, description: "results, the reader's language first, then by relevance; searchId names this search in the visitor's journey" },
);

const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5, description: "results (default 5)" }));

export const PublicSearchQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 200, description: "the words searched for" }), lang: Type.Optional(Language), limit: Limit },
  { additionalProperties: false },
);

export const PublicSuggestQuery = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 5000, description: "free text, as typed in a contact form" }), lang: Type.Optional(Language), limit: Limit },
  { additionalProperties: false },
);

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: KB_LIMITS.slug }) }, { additionalProperties: false });
export const LangQuery = Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false });

/** A file attached to a version: what a reader sees of it, and where its bytes are. */
export const AttachmentSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String({ description: "the file's name" }),
    type: Type.String({ description: "its media type" }),
    size: Type.Integer({ description: "bytes" }),
    url: Type.String({ description: "where its bytes are downloaded" }),
  },
  { additionalProperties: false },
);

export const PublicArticle = Type.Object(
  {
    id: Uuid,
    slug: Type.String(),
    title: Type.String(),
    html: Type.String({ description: "the article rendered from Markdown and sanitized" }),
    language: Language,
    category: Nullable(Type.String()),
    translations: Type.Array(Type.Object({ language: Language, slug: Type.String() }, { additionalProperties: false }), {
      description: "every published version, this one included",
    }),
    attachments: Type.Array(AttachmentSchema, { description: "the files attached to the version shown" }),
  },
  { additionalProperties: false },
);

// ── staff ───────────────────────────────────────────────────────────────────────────────────

export const TranslationBody = Type.Object(
  {
    language: Language,
    slug: Type.String({ maxLength: KB_LIMITS.slug + 10, description: "lower-case letters and digits joined by hyphens, unique across articles" }),
    title: Type.String({ maxLength: KB_LIMITS.title + 10 }),
    body: Type.String({ maxLength: KB_LIMITS.body + 10, description: "Markdown" }),
    status: StringEnum(KB_STATUSES),
  },
  { additionalProperties: false },
);

export const ArticleBody = Type.Object(
  {
    categoryId: Nullable(Uuid),
    fallbackLanguage: Language,
    translations: Type.Array(TranslationBody, { maxItems: 3 }),
  },
  { additionalProperties: false },
);

export const TranslationSchema = Type.Object(
  {
    id: Uuid,
    language: Language,
    slug: Type.String(),
    title: Type.String(),
    body: Type.String(),
    html: Type.String(),
    status: StringEnum(KB_STATUSES),
    publishedAt: Nullable(DateTime),
    updatedAt: DateTime,
    attachments: Type.Array(AttachmentSchema),
  },
  { additionalProperties: false },
);

export const ArticleSchema = Type.Object(
  {
    id: Uuid,
    categoryId: Nullable(Uuid),
    fallbackLanguage: Language,
    translations: Type.Array(TranslationSchema),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);

export const CategorySchema = Type.Object(
  { id: Uuid, slug: Type.String(), names: Type.Object({ fr: Type.String(), nl: Type.String(), en: Type.String() }), position: Type.Integer() },
  { additionalProperties: false },
);

export const CategoryBody = Type.Object(
  {
    slug: Type.String({ maxLength: 80 }),
    names: Type.Object(
      { fr: Type.String({ maxLength: 90 }), nl: Type.String({ maxLength: 90 }), en: Type.String({ maxLength: 90 }) },
      { additionalProperties: false },
    ),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false },
);

export const StaffSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    lang: Type.Optional(Language),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);

export const StaffResult = Type.Object(
  {
    id: Uuid,
    slug: Type.String(),
    title: Type.String(),
    snippet: Type.String(),
    language: Language,
    category: Nullable(Type.String()),
    html: Type.String({ description: "the version's sanitized HTML, to insert in a reply" }),
    text: Type.String({ description: "the version's plain text" }),
  },
  { additionalProperties: false },
);

export const AttachmentParams = Type.Object({ id: Uuid, language: Language }, { additionalProperties: false });
export const AttachmentIdParams = Type.Object({ id: Uuid, attachmentId: Uuid }, { additionalProperties: false });
export const AttachmentUploadQuery = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 1000, description: "the file's name" }) },
  { additionalProperties: false },
);
