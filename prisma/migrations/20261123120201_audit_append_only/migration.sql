-- Hand-written: rules Prisma's schema language cannot express. Prisma's differ
-- ignores triggers, functions and CHECK constraints, so `npm run db:check`
-- keeps passing and later generated migrations leave these alone.

-- AuditEvent is an append-only, hash-chained trail: a row, once written, is
-- evidence. Refuse UPDATE and DELETE per row and TRUNCATE per statement (row
-- triggers do not fire on TRUNCATE). This guards against application bugs and
-- careless SQL; a superuser can still disable triggers, which the hash chain
-- then exposes.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditEvent is append-only'
        USING ERRCODE = '55000', -- object_not_in_prerequisite_state
              HINT = 'Audit rows can only be inserted; record a new event instead.';
END;
$$;

CREATE TRIGGER "AuditEvent_no_update_delete"
    BEFORE UPDATE OR DELETE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate"
    BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();

-- The hashes are sha256 in lowercase hex; anything else would break chain
-- verification silently. (char(64) pads short values with spaces, which the
-- cast to text strips, so short values fail the pattern too.)
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_hash_check"
    CHECK ("hash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_prevHash_check"
    CHECK ("prevHash" ~ '^[0-9a-f]{64}$');

-- A user's scope kind decides which scope columns must be set, so that access
-- checks never see a half-scoped user. ELSE false: a ScopeKind value added
-- later is rejected until this constraint learns about it.
ALTER TABLE "User" ADD CONSTRAINT "User_scope_check" CHECK (
    CASE "scopeKind"
        WHEN 'ORGANISATION' THEN "organisationId" IS NOT NULL
        WHEN 'MUNICIPALITY' THEN "municipalityId" IS NOT NULL AND "organisationId" IS NULL
        WHEN 'REGION' THEN "organisationId" IS NULL AND "municipalityId" IS NULL
        ELSE false
    END
);
