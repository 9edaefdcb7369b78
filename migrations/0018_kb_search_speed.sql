CREATE TABLE "kb_vocabulary" (
	"id" integer PRIMARY KEY NOT NULL,
	"generation" bigint NOT NULL,
	CONSTRAINT "kb_vocabulary_one_row" CHECK (id = 1)
);
--> statement-breakpoint
DROP INDEX "kb_translations_search_fr_idx";--> statement-breakpoint
DROP INDEX "kb_translations_search_nl_idx";--> statement-breakpoint
DROP INDEX "kb_translations_search_en_idx";--> statement-breakpoint
DROP INDEX "kb_words_trgm_idx";--> statement-breakpoint
CREATE INDEX "kb_translations_search_fr_idx" ON "kb_translations" USING gin ("search") WITH (fastupdate=false) WHERE language = 'fr';--> statement-breakpoint
CREATE INDEX "kb_translations_search_nl_idx" ON "kb_translations" USING gin ("search") WITH (fastupdate=false) WHERE language = 'nl';--> statement-breakpoint
CREATE INDEX "kb_translations_search_en_idx" ON "kb_translations" USING gin ("search") WITH (fastupdate=false) WHERE language = 'en';--> statement-breakpoint
CREATE INDEX "kb_words_trgm_idx" ON "kb_words" USING gin ("word" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
-- The one row of the vocabulary's generation; the words already there count as generation 0.
INSERT INTO "kb_vocabulary" ("id", "generation") VALUES (1, 0);