CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "incidents_kind_check" CHECK (kind in ('social_burst'))
);
--> statement-breakpoint
CREATE TABLE "phone_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_number" bigint NOT NULL,
	"message_id" uuid,
	"direction" text NOT NULL,
	"number" text NOT NULL,
	"duration_seconds" integer NOT NULL,
	"outcome" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"agent_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "phone_calls_direction_check" CHECK (direction in ('in', 'out')),
	CONSTRAINT "phone_calls_outcome_check" CHECK (outcome in ('answered', 'no_answer', 'voicemail', 'busy', 'failed')),
	CONSTRAINT "phone_calls_duration_check" CHECK (duration_seconds >= 0)
);
--> statement-breakpoint
CREATE TABLE "social_deliveries" (
	"network" text NOT NULL,
	"delivery_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "social_deliveries_network_delivery_id_pk" PRIMARY KEY("network","delivery_id")
);
--> statement-breakpoint
CREATE TABLE "social_networks" (
	"network" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"connector_url" text,
	"influence_threshold" integer DEFAULT 10000 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "social_networks_network_check" CHECK (network in ('twitter', 'facebook'))
);
--> statement-breakpoint
CREATE TABLE "social_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network" text NOT NULL,
	"external_id" text NOT NULL,
	"kind" text NOT NULL,
	"thread_id" text NOT NULL,
	"author_id" text NOT NULL,
	"author" jsonb NOT NULL,
	"text" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"ticket_number" bigint,
	"message_id" uuid,
	"negative" boolean DEFAULT false NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "social_posts_kind_check" CHECK (kind in ('mention', 'reply', 'direct_message'))
);
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_kind_check";--> statement-breakpoint
ALTER TABLE "sla_policies" ADD COLUMN "call_counts_as_response" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "phone_calls" ADD CONSTRAINT "phone_calls_ticket_number_tickets_number_fk" FOREIGN KEY ("ticket_number") REFERENCES "public"."tickets"("number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_calls" ADD CONSTRAINT "phone_calls_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_calls" ADD CONSTRAINT "phone_calls_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_posts" ADD CONSTRAINT "social_posts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_posts" ADD CONSTRAINT "social_posts_ticket_number_tickets_number_fk" FOREIGN KEY ("ticket_number") REFERENCES "public"."tickets"("number") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_posts" ADD CONSTRAINT "social_posts_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_raised_idx" ON "incidents" USING btree ("raised_at");--> statement-breakpoint
CREATE INDEX "phone_calls_ticket_idx" ON "phone_calls" USING btree ("ticket_number","created_at");--> statement-breakpoint
CREATE INDEX "social_deliveries_received_idx" ON "social_deliveries" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "social_posts_external_key" ON "social_posts" USING btree ("network","external_id");--> statement-breakpoint
CREATE INDEX "social_posts_thread_idx" ON "social_posts" USING btree ("network","thread_id");--> statement-breakpoint
CREATE INDEX "social_posts_author_idx" ON "social_posts" USING btree ("network","author_id","created_at");--> statement-breakpoint
CREATE INDEX "social_posts_created_idx" ON "social_posts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "customers_twitter_idx" ON "customers" USING btree (lower("social" ->> 'twitter'));--> statement-breakpoint
CREATE INDEX "customers_facebook_idx" ON "customers" USING btree (lower("social" ->> 'facebook'));--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_kind_check" CHECK (kind in ('email', 'webhook', 'inapp', 'social'));