-- One row per registered AI system (seed 000, "System Record").
CREATE TABLE systems (
    system_id      uuid PRIMARY KEY,
    system_name    text        NOT NULL UNIQUE,
    description    text,
    spec           jsonb       NOT NULL,
    status         text        NOT NULL,
    generation     bigint      NOT NULL DEFAULT 0,
    version        bigint      NOT NULL DEFAULT 0,
    infrastructure jsonb,
    error_message  text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX systems_created_at_idx ON systems (created_at DESC, system_id DESC);
