-- Hand-written. Organisation identifiers in their canonical form (digits only,
-- KPP with its two optional letters), so that any path that bypasses the
-- application's checksum validation (src/lib/validators) still cannot store
-- a formatted or truncated value that would break matching with federal
-- registries.
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_inn_format"
    CHECK ("inn" ~ '^[0-9]{10}$');
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_ogrn_format"
    CHECK ("ogrn" ~ '^[0-9]{13}$');
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_kpp_format"
    CHECK ("kpp" ~ '^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$');
