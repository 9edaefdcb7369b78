-- Routing reads what it needs of a ticket's team in one call: the team (strategy, last served, lead,
-- calendar with its hours), the ticket's product and queue stamp, the needs some member meets, and
-- the first members in the order the core's chooseAgent considers them (src/core/routing), each
-- with their working calendar. A PL/pgSQL function keeps its plans from one call to the next,
-- where the same statements sent as SQL were planned again for every ticket.
-- Without such a team: no row. A team that assigns by hand, or nobody to take the ticket: one row
-- with the team and no member (id null). Otherwise one row per member, best first.
CREATE FUNCTION "palier_routing_read"(
  p_team uuid, p_product uuid, p_ticket bigint, p_language text, p_channel text, p_tags text[], p_at timestamptz, p_limit integer
) RETURNS TABLE (
  team_name text, assignment text, round_robin_last_id uuid, lead_id uuid, team_calendar_id uuid, on_call_schedule_id uuid,
  product_code text, product_name text, queued_at timestamptz, lead_locale text,
  team_calendar_version integer, team_calendar_spec jsonb,
  bind_language boolean, bind_product boolean, bind_channel boolean, bind_tags text[],
  id uuid, name text, languages text[], products text[], channels text[], skills text[], capacity integer, load integer,
  calendar_id uuid, out_of_office_from timestamptz, out_of_office_until timestamptz,
  hours_version integer, hours_spec jsonb
) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
  t record;
  b_language boolean;
  b_product boolean;
  b_channel boolean;
  b_tags text[];
BEGIN
  SELECT m.name, m.assignment, m.round_robin_last_id, m.lead_id, m.calendar_id, m.on_call_schedule_id,
         p.code AS product_code, p.name AS product_name,
         (SELECT k.queued_at FROM tickets k WHERE k.number = p_ticket) AS queued_at,
         l.locale AS lead_locale, c.version AS calendar_version, c.spec AS calendar_spec
    INTO t
    FROM teams m
    LEFT JOIN products p ON p.id = p_product
    LEFT JOIN agents l ON l.id = m.lead_id AND l.active
    LEFT JOIN calendars c ON c.id = m.calendar_id
   WHERE m.id = p_team;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF t.assignment NOT IN ('load_balanced', 'round_robin') THEN
    RETURN QUERY SELECT t.name, t.assignment, t.round_robin_last_id, t.lead_id, t.calendar_id, t.on_call_schedule_id,
      t.product_code, t.product_name, t.queued_at, t.lead_locale, t.calendar_version, t.calendar_spec,
      false, false, false, '{}'::text[],
      NULL::uuid, NULL::text, NULL::text[], NULL::text[], NULL::text[], NULL::text[], NULL::integer, NULL::integer,
      NULL::uuid, NULL::timestamptz, NULL::timestamptz, NULL::integer, NULL::jsonb;
    RETURN;
  END IF;
  -- A need binds when someone of the team who may take tickets meets it (the core's bindingNeeds):
  -- each asked alone, so that the first member who meets it answers.
  b_language := EXISTS (SELECT 1 FROM agents a WHERE a.team_id = p_team AND a.active AND a.capacity > 0 AND p_language = any(a.languages));
  b_product := EXISTS (SELECT 1 FROM agents a WHERE a.team_id = p_team AND a.active AND a.capacity > 0 AND t.product_code = any(a.products));
  b_channel := EXISTS (SELECT 1 FROM agents a WHERE a.team_id = p_team AND a.active AND a.capacity > 0 AND p_channel = any(a.channels));
  SELECT coalesce(array_agg(tag), '{}')
    INTO b_tags
    FROM unnest(p_tags) AS tag
   WHERE EXISTS (SELECT 1 FROM agents a WHERE a.team_id = p_team AND a.active AND a.capacity > 0 AND tag = any(a.skills));
  -- Under capacity, not out of office at p_at, meeting the needs that bind; load-balanced: lowest
  -- load against capacity first; then round the team after the last served.
  RETURN QUERY
    SELECT t.name, t.assignment, t.round_robin_last_id, t.lead_id, t.calendar_id, t.on_call_schedule_id,
      t.product_code, t.product_name, t.queued_at, t.lead_locale, t.calendar_version, t.calendar_spec,
      b_language, b_product, b_channel, b_tags,
      f.id, f.name, f.languages, f.products, f.channels, f.skills, f.capacity, f.open_tickets,
      f.calendar_id, f.out_of_office_from, f.out_of_office_until, h.version, h.spec
    FROM (
      SELECT a.id, a.name, a.languages, a.products, a.channels, a.skills, a.capacity, a.open_tickets,
             a.calendar_id, a.out_of_office_from, a.out_of_office_until,
             CASE WHEN t.assignment = 'load_balanced' THEN a.open_tickets::float8 / a.capacity ELSE 0 END AS weight,
             (a.id <= coalesce(t.round_robin_last_id, '00000000-0000-0000-0000-000000000000'::uuid)) AS served
        FROM agents a
       WHERE a.team_id = p_team AND a.active AND a.capacity > 0
         AND a.open_tickets < a.capacity
         AND NOT (a.out_of_office_from IS NOT NULL AND a.out_of_office_from <= p_at
                  AND (a.out_of_office_until IS NULL OR p_at < a.out_of_office_until))
         AND (NOT b_language OR p_language = any(a.languages))
         AND (NOT b_product OR t.product_code = any(a.products))
         AND (NOT b_channel OR cardinality(a.channels) = 0 OR p_channel = any(a.channels))
         AND a.skills @> b_tags
       ORDER BY weight, served, a.id
       LIMIT p_limit
    ) f
    LEFT JOIN calendars h ON h.id = coalesce(f.calendar_id, t.calendar_id)
    ORDER BY f.weight, f.served, f.id;
  IF NOT FOUND THEN
    RETURN QUERY SELECT t.name, t.assignment, t.round_robin_last_id, t.lead_id, t.calendar_id, t.on_call_schedule_id,
      t.product_code, t.product_name, t.queued_at, t.lead_locale, t.calendar_version, t.calendar_spec,
      b_language, b_product, b_channel, b_tags,
      NULL::uuid, NULL::text, NULL::text[], NULL::text[], NULL::text[], NULL::text[], NULL::integer, NULL::integer,
      NULL::uuid, NULL::timestamptz, NULL::timestamptz, NULL::integer, NULL::jsonb;
  END IF;
END
$$;
