-- Knowledge-base search (docs/knowledge-base.md): trigrams for typo tolerance, and one
-- text-search configuration per language that folds accents before stemming, so that
-- "evenement" and "évènement" meet both ways and ts_headline marks the accented word.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION kb_french (COPY = french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION kb_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION kb_dutch (COPY = dutch);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION kb_dutch ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION kb_english (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION kb_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
CREATE TABLE "kb_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_id" uuid,
	"fallback_language" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "kb_articles_fallback_check" CHECK (fallback_language in ('fr', 'nl', 'en'))
);
--> statement-breakpoint
CREATE TABLE "kb_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"names" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "kb_categories_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "kb_reads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"translation_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"query" text NOT NULL,
	"language" text NOT NULL,
	"kind" text NOT NULL,
	"hits" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_translations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"language" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"body_text" text NOT NULL,
	"status" text NOT NULL,
	"search" "tsvector" NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "kb_translations_slug_unique" UNIQUE("slug"),
	CONSTRAINT "kb_translations_language_check" CHECK (language in ('fr', 'nl', 'en')),
	CONSTRAINT "kb_translations_status_check" CHECK (status in ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "kb_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_category_id_kb_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."kb_categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_reads" ADD CONSTRAINT "kb_reads_translation_id_kb_translations_id_fk" FOREIGN KEY ("translation_id") REFERENCES "public"."kb_translations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_translations" ADD CONSTRAINT "kb_translations_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_articles_category_idx" ON "kb_articles" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "kb_reads_at_idx" ON "kb_reads" USING btree ("at");--> statement-breakpoint
CREATE INDEX "kb_searches_at_idx" ON "kb_searches" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_translations_article_language_idx" ON "kb_translations" USING btree ("article_id","language");--> statement-breakpoint
CREATE INDEX "kb_translations_search_idx" ON "kb_translations" USING gin ("search");--> statement-breakpoint
CREATE INDEX "kb_words_trgm_idx" ON "kb_words" USING gin ("word" gin_trgm_ops);