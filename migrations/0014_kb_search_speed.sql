DROP INDEX "kb_translations_search_idx";--> statement-breakpoint
DROP INDEX "kb_words_trgm_idx";--> statement-breakpoint
CREATE INDEX "kb_translations_search_fr_idx" ON "kb_translations" USING gin ("search") WHERE language = 'fr';--> statement-breakpoint
CREATE INDEX "kb_translations_search_nl_idx" ON "kb_translations" USING gin ("search") WHERE language = 'nl';--> statement-breakpoint
CREATE INDEX "kb_translations_search_en_idx" ON "kb_translations" USING gin ("search") WHERE language = 'en';--> statement-breakpoint
CREATE INDEX "kb_words_trgm_idx" ON "kb_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- Search ranks every match by reading its vector: keep the vector in the row (compressed if
-- need be) and let the title and body go to TOAST first, so ranking never reads TOAST.
ALTER TABLE "kb_translations" ALTER COLUMN "search" SET STORAGE MAIN;--> statement-breakpoint
-- Rows already written keep their vector where it was until rewritten.
UPDATE "kb_translations" SET "search" = "search" || ''::tsvector;
