ALTER TABLE "agents" ADD COLUMN "open_tickets" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Routing reads an agent's load from agents.open_tickets: every write of tickets keeps it, whoever makes it.
CREATE FUNCTION "palier_agent_open_tickets"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_open boolean := TG_OP <> 'INSERT' AND OLD.assignee_id IS NOT NULL AND OLD.status IN ('new', 'open', 'pending', 'on_hold');
  is_open boolean := TG_OP <> 'DELETE' AND NEW.assignee_id IS NOT NULL AND NEW.status IN ('new', 'open', 'pending', 'on_hold');
BEGIN
  IF was_open AND is_open AND OLD.assignee_id = NEW.assignee_id THEN
    RETURN NULL;
  END IF;
  IF was_open THEN
    UPDATE "agents" SET "open_tickets" = "open_tickets" - 1 WHERE "id" = OLD.assignee_id;
  END IF;
  IF is_open THEN
    UPDATE "agents" SET "open_tickets" = "open_tickets" + 1 WHERE "id" = NEW.assignee_id;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "tickets_agent_open_tickets" AFTER INSERT OR DELETE OR UPDATE OF "assignee_id", "status" ON "tickets"
  FOR EACH ROW EXECUTE FUNCTION "palier_agent_open_tickets"();--> statement-breakpoint
UPDATE "agents" SET "open_tickets" = (
  SELECT count(*) FROM "tickets" WHERE "tickets"."assignee_id" = "agents"."id" AND "tickets"."status" IN ('new', 'open', 'pending', 'on_hold')
);
