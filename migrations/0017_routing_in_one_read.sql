-- The needs a team's members can meet between them, kept by a trigger on agents so that routing
-- reads them in one row instead of from every member of a team of a thousand.
CREATE TABLE "team_skills" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"languages" text[] NOT NULL,
	"products" text[] NOT NULL,
	"channels" text[] NOT NULL,
	"skills" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "team_skills" ADD CONSTRAINT "team_skills_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- What the members of `p_team` who may take tickets know between them, written again.
CREATE FUNCTION "palier_team_skills_of"(p_team uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "team_skills" ("team_id", "languages", "products", "channels", "skills")
  SELECT p_team,
         array(SELECT DISTINCT x FROM "agents" a, unnest(a.languages) x WHERE a.team_id = p_team AND a.active AND a.capacity > 0),
         array(SELECT DISTINCT x FROM "agents" a, unnest(a.products) x WHERE a.team_id = p_team AND a.active AND a.capacity > 0),
         array(SELECT DISTINCT x FROM "agents" a, unnest(a.channels) x WHERE a.team_id = p_team AND a.active AND a.capacity > 0),
         array(SELECT DISTINCT x FROM "agents" a, unnest(a.skills) x WHERE a.team_id = p_team AND a.active AND a.capacity > 0)
  ON CONFLICT ("team_id") DO UPDATE SET "languages" = excluded.languages, "products" = excluded.products,
    "channels" = excluded.channels, "skills" = excluded.skills
$$;--> statement-breakpoint
-- A member who joins only adds to what the team knows (a bulk insert of agents stays cheap); any
-- other change (left, deactivated, capacity, skills edited) writes the team's row again.
CREATE FUNCTION "palier_team_skills"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.team_id IS NOT NULL AND NEW.active AND NEW.capacity > 0 THEN
      INSERT INTO "team_skills" ("team_id", "languages", "products", "channels", "skills")
      VALUES (NEW.team_id, NEW.languages, NEW.products, NEW.channels, NEW.skills)
      ON CONFLICT ("team_id") DO UPDATE SET
        "languages" = array(SELECT DISTINCT x FROM unnest("team_skills".languages || excluded.languages) x),
        "products" = array(SELECT DISTINCT x FROM unnest("team_skills".products || excluded.products) x),
        "channels" = array(SELECT DISTINCT x FROM unnest("team_skills".channels || excluded.channels) x),
        "skills" = array(SELECT DISTINCT x FROM unnest("team_skills".skills || excluded.skills) x);
    END IF;
    RETURN NULL;
  END IF;
  IF OLD.team_id IS NOT NULL THEN
    PERFORM "palier_team_skills_of"(OLD.team_id);
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.team_id IS NOT NULL AND NEW.team_id IS DISTINCT FROM OLD.team_id THEN
    PERFORM "palier_team_skills_of"(NEW.team_id);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "agents_team_skills" AFTER INSERT OR DELETE OR UPDATE OF "team_id", "active", "capacity", "languages", "products", "channels", "skills" ON "agents"
  FOR EACH ROW EXECUTE FUNCTION "palier_team_skills"();--> statement-breakpoint
SELECT "palier_team_skills_of"("id") FROM "teams";--> statement-breakpoint
-- Routing reads what it needs of a ticket's team in one call: the team (strategy, last served, lead,
-- calendar with its hours), the ticket's product and queue stamp, the needs some member meets, and
-- the first members in the order the core's chooseAgent considers them (src/core/routing), each
-- with their own working calendar when they have one (the team's otherwise). A PL/pgSQL function
-- keeps its plans from one call to the next, where the same statements sent as SQL were planned
-- again for every ticket.
-- Without such a team: no row. Otherwise a first row with the team (id null, its calendar in the
-- calendar columns), then unless the team assigns by hand one row per member, best first, with
-- nothing but the member's columns.
CREATE FUNCTION "palier_routing_read"(
  p_team uuid, p_product uuid, p_ticket bigint, p_language text, p_channel text, p_tags text[], p_at timestamptz, p_limit integer
) RETURNS TABLE (
  team_name text, assignment text, round_robin_last_id uuid, lead_id uuid, on_call_schedule_id uuid,
  product_code text, product_name text, queued_at timestamptz, lead_locale text,
  bind_language boolean, bind_product boolean, bind_channel boolean, bind_tags text[],
  id uuid, name text, capacity integer, load integer,
  calendar_id uuid, calendar_version integer, calendar_spec jsonb
) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
  t record;
BEGIN
  SELECT m.name, m.assignment, m.round_robin_last_id, m.lead_id, m.calendar_id, m.on_call_schedule_id,
         p.code AS product_code, p.name AS product_name,
         (SELECT k.queued_at FROM tickets k WHERE k.number = p_ticket) AS queued_at,
         l.locale AS lead_locale, c.version AS calendar_version, c.spec AS calendar_spec,
         -- A need binds when someone of the team who may take tickets meets it (the core's bindingNeeds).
         coalesce(p_language = any(s.languages), false) AS b_language,
         coalesce(p.code = any(s.products), false) AS b_product,
         coalesce(p_channel = any(s.channels), false) AS b_channel,
         array(SELECT tag FROM unnest(p_tags) AS tag WHERE tag = any(s.skills)) AS b_tags
    INTO t
    FROM teams m
    LEFT JOIN products p ON p.id = p_product
    LEFT JOIN agents l ON l.id = m.lead_id AND l.active
    LEFT JOIN calendars c ON c.id = m.calendar_id
    LEFT JOIN team_skills s ON s.team_id = m.id
   WHERE m.id = p_team;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  RETURN QUERY SELECT t.name, t.assignment, t.round_robin_last_id, t.lead_id, t.on_call_schedule_id,
    t.product_code, t.product_name, t.queued_at, t.lead_locale, t.b_language, t.b_product, t.b_channel, t.b_tags,
    NULL::uuid, NULL::text, NULL::integer, NULL::integer, t.calendar_id, t.calendar_version, t.calendar_spec;
  IF t.assignment NOT IN ('load_balanced', 'round_robin') THEN
    RETURN;
  END IF;
  -- Under capacity, not out of office at p_at, meeting the needs that bind; load-balanced: lowest
  -- load against capacity first; then round the team after the last served.
  RETURN QUERY
    SELECT NULL::text, NULL::text, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text, NULL::text, NULL::timestamptz, NULL::text,
      NULL::boolean, NULL::boolean, NULL::boolean, NULL::text[],
      f.id, f.name, f.capacity, f.open_tickets, f.calendar_id, h.version, h.spec
    FROM (
      SELECT a.id, a.name, a.capacity, a.open_tickets, a.calendar_id,
             CASE WHEN t.assignment = 'load_balanced' THEN a.open_tickets::float8 / a.capacity ELSE 0 END AS weight,
             (a.id <= coalesce(t.round_robin_last_id, '00000000-0000-0000-0000-000000000000'::uuid)) AS served
        FROM agents a
       WHERE a.team_id = p_team AND a.active AND a.capacity > 0
         AND a.open_tickets < a.capacity
         AND NOT (a.out_of_office_from IS NOT NULL AND a.out_of_office_from <= p_at
                  AND (a.out_of_office_until IS NULL OR p_at < a.out_of_office_until))
         AND (NOT t.b_language OR p_language = any(a.languages))
         AND (NOT t.b_product OR t.product_code = any(a.products))
         AND (NOT t.b_channel OR cardinality(a.channels) = 0 OR p_channel = any(a.channels))
         AND a.skills @> t.b_tags
       ORDER BY weight, served, a.id
       LIMIT p_limit
    ) f
    LEFT JOIN calendars h ON h.id = f.calendar_id
    ORDER BY f.weight, f.served, f.id;
END
$$;
--> statement-breakpoint
-- Routing's assignment of ticket `p_number` to `p_agent` of team `p_team` at `p_at`, in one call
-- whose plans the database keeps: the team's last served, the events (`assignment`, then
-- `updated`, in the order given, as jsonb rows of ticket_events' columns), and the ticket's new
-- assignee, out of the queue, stamped and its version bumped. Returns the ticket as written.
CREATE FUNCTION "palier_routing_assign"(p_number bigint, p_team uuid, p_agent uuid, p_at timestamptz, p_events jsonb)
RETURNS SETOF "tickets" LANGUAGE plpgsql AS $$
DECLARE
  written "tickets";
BEGIN
  UPDATE "teams" SET "round_robin_last_id" = p_agent WHERE "id" = p_team;
  INSERT INTO "ticket_events" ("ticket_number", "at", "actor_type", "actor_id", "type", "changes", "reason", "data")
  SELECT p_number, p_at, e.actor_type, e.actor_id, e.type, e.changes, e.reason, e.data
    FROM ROWS FROM (jsonb_to_recordset(p_events) AS (actor_type text, actor_id uuid, type text, changes jsonb, reason text, data jsonb))
         WITH ORDINALITY AS e(actor_type, actor_id, type, changes, reason, data, position)
   ORDER BY e.position;
  UPDATE "tickets" SET "assignee_id" = p_agent, "queued_at" = NULL, "updated_at" = p_at, "version" = "version" + 1
   WHERE "number" = p_number
  RETURNING * INTO written;
  IF FOUND THEN
    RETURN NEXT written;
  END IF;
END
$$;
