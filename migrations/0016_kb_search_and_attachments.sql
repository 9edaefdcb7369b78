CREATE TABLE "kb_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"translation_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "kb_translations_search_idx";--> statement-breakpoint
DROP INDEX "kb_words_trgm_idx";--> statement-breakpoint
ALTER TABLE "kb_attachments" ADD CONSTRAINT "kb_attachments_translation_id_kb_translations_id_fk" FOREIGN KEY ("translation_id") REFERENCES "public"."kb_translations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_attachments_translation_idx" ON "kb_attachments" USING btree ("translation_id");--> statement-breakpoint
CREATE INDEX "kb_translations_search_fr_idx" ON "kb_translations" USING gin ("search") WHERE language = 'fr';--> statement-breakpoint
CREATE INDEX "kb_translations_search_nl_idx" ON "kb_translations" USING gin ("search") WHERE language = 'nl';--> statement-breakpoint
CREATE INDEX "kb_translations_search_en_idx" ON "kb_translations" USING gin ("search") WHERE language = 'en';--> statement-breakpoint
CREATE INDEX "kb_words_trgm_idx" ON "kb_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- Search ranks every match by reading its vector: keep the vector in the row (compressed if
-- need be) and let the title and body go to TOAST first, so ranking never reads TOAST.
ALTER TABLE "kb_translations" ALTER COLUMN "search" SET STORAGE MAIN;--> statement-breakpoint
-- Rows already written keep their vector where it was until rewritten.
UPDATE "kb_translations" SET "search" = "search" || ''::tsvector;
