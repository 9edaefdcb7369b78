CREATE TABLE "mailboxes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"tls" text DEFAULT 'tls' NOT NULL,
	"username" text NOT NULL,
	"password_secret" text,
	"folder" text DEFAULT 'INBOX' NOT NULL,
	"team_id" uuid NOT NULL,
	"address" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"uid_validity" bigint,
	"last_uid" bigint DEFAULT 0 NOT NULL,
	"state" text DEFAULT 'connecting' NOT NULL,
	"failing_since" timestamp with time zone,
	"last_error_code" text,
	"last_error" text,
	"last_connected_at" timestamp with time zone,
	"last_message_at" timestamp with time zone,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "mailboxes_tls_check" CHECK (tls in ('tls', 'starttls', 'none')),
	CONSTRAINT "mailboxes_state_check" CHECK (state in ('connecting', 'idle', 'polling', 'failing', 'disabled'))
);
--> statement-breakpoint
ALTER TABLE "mailboxes" ADD CONSTRAINT "mailboxes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mailboxes_name_key" ON "mailboxes" USING btree (lower("name"));