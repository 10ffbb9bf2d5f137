-- Drift detection and repair (issue 17): what the last verify found, the per-system policy, and
-- the sweep's schedule.

-- report | repair; null: the platform's PLATFORM_API_RECONCILE_POLICY.
ALTER TABLE systems ADD COLUMN reconcile_policy text;

-- The last verify of the current generation: in_sync | drifted | unknown, when it ended, and each
-- resource as it found it (the record's drift.resources). A new job (a new generation) resets it.
ALTER TABLE systems ADD COLUMN drift_status text NOT NULL DEFAULT 'unknown';
ALTER TABLE systems ADD COLUMN drift_checked_at timestamptz;
ALTER TABLE systems ADD COLUMN drift_resources jsonb NOT NULL DEFAULT '[]'::jsonb;

-- The sweep: when the system is next verified (null: not yet placed in the interval), and the
-- verify sent and not yet answered, so that a slow worker does not pile verifies up.
ALTER TABLE systems ADD COLUMN next_verify_at timestamptz;
ALTER TABLE systems ADD COLUMN verify_job_id uuid;
ALTER TABLE systems ADD COLUMN verify_requested_at timestamptz;

-- The sweep claims due active systems in small batches, oldest due first.
CREATE INDEX systems_next_verify_idx ON systems (next_verify_at NULLS FIRST)
    WHERE status = 'active';
-- GET /admin/systems?drifted=...
CREATE INDEX systems_drift_created_at_idx ON systems (drift_status, created_at DESC, system_id DESC);

-- A drift_detected / drift_repaired entry: the resources it is about, in the record's shape.
ALTER TABLE system_events ADD COLUMN drift jsonb;
