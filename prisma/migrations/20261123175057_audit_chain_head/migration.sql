-- Hand-written: one round trip instead of two for each audit append.
--
-- The recorder serialises appends with a transaction-level advisory lock and
-- then reads the chain's last hash. Both must stay separate statements in
-- PostgreSQL's sense: a single "SELECT lock, (SELECT hash ...)" would read the
-- hash with the snapshot taken when the statement started, i.e. before a
-- concurrent append it waited for had committed, and fork the chain. A
-- VOLATILE plpgsql function takes a fresh snapshot for each statement inside
-- it (READ COMMITTED, the application's level), so the read after the lock
-- sees every append committed before the lock was granted.
CREATE FUNCTION "audit_chain_head_locked"(lock_key bigint) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    head text;
BEGIN
    PERFORM pg_advisory_xact_lock(lock_key);
    SELECT "hash" INTO head FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1;
    RETURN head;
END;
$$;
