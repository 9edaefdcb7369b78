CREATE TABLE "rule_timers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rule_id" uuid NOT NULL,
	"ticket_number" bigint NOT NULL,
	"anchor_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"fired_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rule_timers_state_check" CHECK (state in ('pending', 'fired', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"triggers" text[] NOT NULL,
	"time" jsonb,
	"conditions" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"stop" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "triage" jsonb;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "frustration" real;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "frustrated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "alarms" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "rule_timers" ADD CONSTRAINT "rule_timers_rule_id_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_timers" ADD CONSTRAINT "rule_timers_ticket_number_tickets_number_fk" FOREIGN KEY ("ticket_number") REFERENCES "public"."tickets"("number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rule_timers_rule_ticket_key" ON "rule_timers" USING btree ("rule_id","ticket_number");--> statement-breakpoint
CREATE INDEX "rule_timers_pending_due_idx" ON "rule_timers" USING btree ("due_at") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "rule_timers_ticket_idx" ON "rule_timers" USING btree ("ticket_number");--> statement-breakpoint
CREATE UNIQUE INDEX "rules_name_key" ON "rules" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "rules_position_idx" ON "rules" USING btree ("position");--> statement-breakpoint
CREATE INDEX "tickets_alarms_idx" ON "tickets" USING gin ("alarms");--> statement-breakpoint
CREATE INDEX "tickets_frustrated_idx" ON "tickets" USING btree ("status") WHERE frustrated;