-- Runs after every migrate, as the user Flyway migrates with (the owner). When the application
-- connects as a user of its own (SPRING_DATASOURCE_USERNAME differs from SPRING_FLYWAY_USER),
-- that user gets exactly the data access it needs and nothing else: no DDL, no writes to the
-- migration history, and the audit log stays append-only. In RDS it also gets rds_iam, so it
-- logs in with IAM tokens. With a single user (local runs, tests) this does nothing.
DO $$
DECLARE
  app text := '${application_role}';
BEGIN
  IF app = '' OR app = current_user THEN
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
    EXECUTE format('CREATE ROLE %I LOGIN', app);
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rds_iam') THEN
    EXECUTE format('GRANT rds_iam TO %I', app);
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), app);
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I',
                 current_schema(), app);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), app);
  EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', app);
  IF to_regclass('audit_log') IS NOT NULL THEN
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM %I', app);
  END IF;
END
$$;
