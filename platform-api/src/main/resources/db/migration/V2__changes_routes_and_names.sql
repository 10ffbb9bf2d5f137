-- Day-2 changes, route ownership and names that are freed by a deletion with data (issue 15).

-- The configuration a change asks for, while the system is updating and after the change failed
-- (for a retry); spec stays the configuration that runs.
ALTER TABLE systems ADD COLUMN change_spec jsonb;

-- A name is held by every system but those deleted with their data: a deleted system whose
-- buckets were retained keeps its name until they are purged.
ALTER TABLE systems DROP CONSTRAINT systems_system_name_key;
CREATE UNIQUE INDEX systems_name_held_idx ON systems (system_name)
    WHERE NOT (status = 'deleted' AND delete_data);
CREATE INDEX systems_name_idx ON systems (system_name);

-- The pending watchdog looks for systems waiting too long; a change waits too.
DROP INDEX systems_pending_idx;
CREATE INDEX systems_pending_idx ON systems (updated_at)
    WHERE status IN ('pending_provisioning', 'updating', 'deprovisioning');

-- Each route (METHOD path) of the platform HTTP API belongs to one system at most.
CREATE TABLE system_routes (
    route     text PRIMARY KEY,
    system_id uuid NOT NULL REFERENCES systems (system_id)
);

CREATE INDEX system_routes_system_idx ON system_routes (system_id);

-- Systems registered before this migration own their routes; of two that share one (possible
-- before routes were unique), the first registered keeps it.
INSERT INTO system_routes (route, system_id)
SELECT e ->> 'method' || ' ' || (e ->> 'path'), s.system_id
FROM systems s CROSS JOIN LATERAL jsonb_array_elements(s.spec -> 'endpoints') AS e
WHERE s.status <> 'deleted'
ORDER BY s.created_at
ON CONFLICT (route) DO NOTHING;

-- A requested change's diff: [{"field", "before", "after"}, ...].
ALTER TABLE system_events ADD COLUMN changes jsonb;
