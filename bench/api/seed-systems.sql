-- Tops the systems table up to :target rows (psql -v target=10000), for the GET /admin/systems
-- benchmark: same spec shape as a registration, spread over statuses and creation times.
INSERT INTO systems (system_id, system_name, spec, status, generation, version,
    current_job_id, current_job_kind, delete_data, created_by, created_at, updated_at)
SELECT gen_random_uuid(), 'seed-' || g || '-' || substr(md5(random()::text), 1, 8),
    ('{"system_name":"seed-' || g || '","description":"AI system for inventory optimization","data_sources":["inventory","orders","products"],"endpoints":[{"path":"/inventory-optimizer/optimize","method":"POST"},{"path":"/inventory-optimizer/recommendations","method":"GET"}],"lambda_config":{"memory":2048,"timeout":600,"runtime":"python3.11"}}')::jsonb,
    (ARRAY['active', 'active', 'active', 'pending_provisioning', 'provisioning_failed'])[1 + g % 5],
    1, 0, gen_random_uuid(), 'PROVISION', false, 'seed', now() - g * interval '1 minute', now()
FROM generate_series(1, GREATEST(:target - (SELECT count(*) FROM systems), 0)) AS g;
ANALYZE systems;
