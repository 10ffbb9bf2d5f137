-- One row per registered AI system (seed 000, "System Record").
CREATE TABLE systems (
    system_id        uuid PRIMARY KEY,
    system_name      text        NOT NULL UNIQUE,
    spec             jsonb       NOT NULL,
    status           text        NOT NULL,
    -- Increases with every job; results of older generations are stale.
    generation       bigint      NOT NULL,
    -- Optimistic locking: every update names the version it read.
    version          bigint      NOT NULL DEFAULT 0,
    current_job_id   uuid        NOT NULL,
    current_job_kind text        NOT NULL,
    delete_data      boolean     NOT NULL DEFAULT false,
    infrastructure   jsonb,
    resources        jsonb       NOT NULL DEFAULT '[]'::jsonb,
    error_message    text,
    created_by       text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

-- Keyset paging, newest first.
CREATE INDEX systems_created_at_idx ON systems (created_at DESC, system_id DESC);
CREATE INDEX systems_status_created_at_idx ON systems (status, created_at DESC, system_id DESC);
-- The pending watchdog looks for systems waiting too long.
CREATE INDEX systems_pending_idx ON systems (updated_at)
    WHERE status IN ('pending_provisioning', 'deprovisioning');

-- The provisioning timeline of each system.
CREATE TABLE system_events (
    id            bigserial PRIMARY KEY,
    system_id     uuid        NOT NULL REFERENCES systems (system_id),
    generation    bigint      NOT NULL,
    job_id        uuid,
    step          text        NOT NULL,
    resource_name text,
    action        text,
    status        text        NOT NULL,
    error         text,
    at            timestamptz NOT NULL
);

CREATE INDEX system_events_system_idx ON system_events (system_id, id);

-- A POST with an Idempotency-Key answers the same response when it is retried.
CREATE TABLE idempotency_keys (
    subject       text        NOT NULL,
    key           text        NOT NULL,
    request_hash  text        NOT NULL,
    system_id     uuid        NOT NULL,
    response      jsonb       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, key)
);

-- Who did what under /admin, refused requests included. Append-only.
CREATE TABLE audit_log (
    id             bigserial PRIMARY KEY,
    at             timestamptz NOT NULL,
    subject        text,
    client_id      text,
    method         text        NOT NULL,
    path           text        NOT NULL,
    system_id      uuid,
    status         integer     NOT NULL,
    request_id     text        NOT NULL,
    source_address text
);

CREATE INDEX audit_log_system_idx ON audit_log (system_id, id DESC);
CREATE INDEX audit_log_subject_idx ON audit_log (subject, id DESC);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

-- Holds even for the table's owner, which REVOKE alone cannot stop.
CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;

-- Spring Modulith's event publication registry (schema v2): the transactional outbox.
CREATE TABLE event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);

CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
