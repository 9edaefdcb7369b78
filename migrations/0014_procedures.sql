CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid,
	"request_type" text NOT NULL,
	"names" jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"steps" jsonb NOT NULL,
	"fields" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_procedures" (
	"ticket_number" bigint NOT NULL,
	"procedure_id" uuid NOT NULL,
	"done" jsonb NOT NULL,
	"values" jsonb NOT NULL,
	"updated_by_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ticket_procedures_ticket_number_procedure_id_pk" PRIMARY KEY("ticket_number","procedure_id")
);
--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_procedures" ADD CONSTRAINT "ticket_procedures_ticket_number_tickets_number_fk" FOREIGN KEY ("ticket_number") REFERENCES "public"."tickets"("number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_procedures" ADD CONSTRAINT "ticket_procedures_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_procedures" ADD CONSTRAINT "ticket_procedures_updated_by_id_agents_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "procedures_request_type_idx" ON "procedures" USING btree ("request_type");--> statement-breakpoint
CREATE INDEX "procedures_team_idx" ON "procedures" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "ticket_procedures_procedure_idx" ON "ticket_procedures" USING btree ("procedure_id");