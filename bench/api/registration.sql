-- pgbench script: the database writes of one registration, as platform-api issues them.
--   pgbench -n -M prepared -c C -j 2 -T 20 -f registration.sql -h HOST -p PORT -U postgres platform
-- Transaction 1 is SystemRegistrations.register: INSERT systems (Systems.insert), INSERT
-- system_events (Timeline.append), INSERT event_publication (Spring Modulith's outbox, same
-- transaction). Transaction 2 is the audit filter's INSERT audit_log (autocommit, after the
-- request). The ids come from one SELECT (the API makes them in Java: this costs pgbench one
-- extra round trip, so it slightly favours the API).
-- Differences, on purpose: the outbox row is written already completed so that the API's
-- resubmission never sends these fake jobs to SQS; the API instead writes it incomplete and
-- UPDATEs completion_date after its SQS send (one more write per registration, not done here).
SELECT gen_random_uuid() AS sid, gen_random_uuid() AS jid, 'pgb-' || substr(md5(random()::text), 1, 24) AS name \gset
BEGIN;
INSERT INTO systems (system_id, system_name, spec, status, generation, version,
    current_job_id, current_job_kind, delete_data, created_by, created_at, updated_at)
VALUES (:sid, :name, ('{"system_name":"' || :name::text || '","description":"AI system for inventory optimization","data_sources":["inventory","orders","products"],"endpoints":[{"path":"/inventory-optimizer/optimize","method":"POST"},{"path":"/inventory-optimizer/recommendations","method":"GET"}],"lambda_config":{"memory":2048,"timeout":600,"runtime":"python3.11"}}')::jsonb,
    'pending_provisioning', 1, 0, :jid, 'PROVISION', false, 'dev-admin', now(), now());
INSERT INTO system_events
    (system_id, generation, job_id, step, resource_name, action, status, error, at)
VALUES (:sid, 1, :jid, 'registration', NULL, NULL, 'accepted', NULL, now());
INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
    completion_date, status, completion_attempts, last_resubmission_date)
VALUES (gen_random_uuid(), 'io.aiplatform.api.provisioning.JobRelay.send(io.aiplatform.api.registration.JobRequested)',
    'io.aiplatform.api.registration.JobRequested',
    '{"job":{"schemaVersion":1,"jobId":"' || :jid::text || '","systemId":"' || :sid::text || '","kind":"PROVISION","generation":1,"spec":{"systemName":"' || :name::text || '","description":"AI system for inventory optimization","dataSources":["inventory","orders","products"],"endpoints":[{"path":"/inventory-optimizer/optimize","method":"POST"},{"path":"/inventory-optimizer/recommendations","method":"GET"}],"lambdaConfig":{"memory":2048,"timeout":600,"runtime":"python3.11"}},"deleteData": false,"requestedBy":"dev-admin","requestedAt":"2026-01-01T00:00:00.000000Z"}}',
    now(), now(), 'COMPLETED', 1, NULL);
COMMIT;
INSERT INTO audit_log (at, subject, client_id, method, path, system_id, status,
    request_id, source_address)
VALUES (now(), 'dev-admin', 'platform-cli', 'POST', '/admin/systems', :sid, 201,
    :jid, '127.0.0.1');
