CREATE TABLE "selfcare_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visitor_id" text NOT NULL,
	"team_id" uuid,
	"kind" text NOT NULL,
	"query" text,
	"results" integer,
	"article_slug" text,
	"article_title" text,
	"helpful" boolean,
	"language" text,
	"page_url" text,
	"ticket_number" bigint,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "selfcare_steps_kind_check" CHECK (kind in ('search', 'article', 'answered', 'request'))
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "selfcare_steps" ADD CONSTRAINT "selfcare_steps_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfcare_steps" ADD CONSTRAINT "selfcare_steps_ticket_number_tickets_number_fk" FOREIGN KEY ("ticket_number") REFERENCES "public"."tickets"("number") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "selfcare_steps_visitor_idx" ON "selfcare_steps" USING btree ("visitor_id","at");--> statement-breakpoint
CREATE INDEX "selfcare_steps_ticket_idx" ON "selfcare_steps" USING btree ("ticket_number");--> statement-breakpoint
CREATE INDEX "selfcare_steps_kind_idx" ON "selfcare_steps" USING btree ("kind","at");