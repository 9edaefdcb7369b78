CREATE TABLE "escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_number" bigint NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"from_agent_id" uuid,
	"from_team_id" uuid,
	"to_team_id" uuid,
	"to_agent_id" uuid,
	"vendor" text,
	"vendor_reference" text,
	"promised_at" timestamp with time zone,
	"handoff" jsonb NOT NULL,
	"eta_at" timestamp with time zone,
	"notice_message_id" uuid,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"bounce_reason" text,
	"suggested_team_id" uuid,
	"root_cause" text,
	"root_cause_text" text,
	"resolved_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "escalations_kind_check" CHECK (kind in ('functional', 'hierarchical', 'external')),
	CONSTRAINT "escalations_status_check" CHECK (status in ('open', 'accepted', 'bounced', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "oncall_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"timezone" text NOT NULL,
	"layers" jsonb NOT NULL,
	"overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notices_until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "products" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "channels" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "out_of_office_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "out_of_office_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "tier" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "assignment" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "round_robin_last_id" uuid;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "on_call_schedule_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "queued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_ticket_number_tickets_number_fk" FOREIGN KEY ("ticket_number") REFERENCES "public"."tickets"("number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_from_agent_id_agents_id_fk" FOREIGN KEY ("from_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_from_team_id_teams_id_fk" FOREIGN KEY ("from_team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_to_team_id_teams_id_fk" FOREIGN KEY ("to_team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_to_agent_id_agents_id_fk" FOREIGN KEY ("to_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_notice_message_id_messages_id_fk" FOREIGN KEY ("notice_message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_decided_by_id_agents_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_suggested_team_id_teams_id_fk" FOREIGN KEY ("suggested_team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "escalations_ticket_idx" ON "escalations" USING btree ("ticket_number","created_at");--> statement-breakpoint
CREATE INDEX "escalations_status_idx" ON "escalations" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "escalations_to_team_idx" ON "escalations" USING btree ("to_team_id","status");--> statement-breakpoint
CREATE INDEX "escalations_from_agent_idx" ON "escalations" USING btree ("from_agent_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "escalations_one_active_key" ON "escalations" USING btree ("ticket_number") WHERE status in ('open', 'accepted');--> statement-breakpoint
CREATE UNIQUE INDEX "oncall_schedules_name_key" ON "oncall_schedules" USING btree (lower("name"));--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_round_robin_last_id_agents_id_fk" FOREIGN KEY ("round_robin_last_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_on_call_schedule_id_oncall_schedules_id_fk" FOREIGN KEY ("on_call_schedule_id") REFERENCES "public"."oncall_schedules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tickets_queued_idx" ON "tickets" USING btree ("team_id","queued_at") WHERE queued_at is not null;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_tier_check" CHECK (tier in ('L0', 'L1', 'L2', 'L3', 'external'));--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_assignment_check" CHECK (assignment in ('load_balanced', 'round_robin', 'manual'));