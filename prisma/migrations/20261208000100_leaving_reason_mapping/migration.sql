-- Coded reasons for the leaving orders recorded before the code existed
-- (issue 22). Mirrors mapLeavingReasonText in src/lib/movement/leaving-reasons.ts
-- rule for rule (the same regular expressions, first match wins, text
-- lower-cased with ё → е); src/server/services/movement/leaving-reasons.integration.test.ts
-- runs this file and the function on the same texts and compares. Keep the two in step.
--
-- - TRANSFER_OUT with a transfer: the registry's transfer, always to an
--   organisation of the region → TRANSFER_IN_REGION.
-- - TRANSFER_OUT without one: a transfer reason the text names, else TRANSFER_IN_REGION.
-- - EXPULSION: the reason the text names; none → stays NULL («не указана» in reports).
--
-- MovementEvent is append-only by trigger (src/server/db/definitions/movement.sql);
-- giving an old order the code its own text states changes nothing it
-- recorded, so the refusing trigger is off for this one statement. On a fresh
-- database the definition files run after the migrations: the trigger does
-- not exist yet (and there is nothing to map), hence the checks.
-- MovementEvent has no other UPDATE trigger (the movement counts are kept on INSERT).

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = '"MovementEvent"'::regclass AND tgname = 'MovementEvent_no_update_delete') THEN
        ALTER TABLE "MovementEvent" DISABLE TRIGGER "MovementEvent_no_update_delete";
    END IF;
END
$$;

WITH n AS (
    SELECT e."learnerId", e."id", e."type", e."transferId",
           translate(lower(coalesce(e."reason", '')), 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё', 'абвгдеежзийклмнопрстуфхцчшщъыьэюяе') AS "t"
    FROM "MovementEvent" e
    WHERE e."type" IN ('EXPULSION', 'TRANSFER_OUT') AND e."leavingReason" IS NULL
), found AS (
    SELECT n."learnerId", n."id", n."type", n."transferId",
        CASE
        WHEN n."t" ~ 'смерт|умер(ла|ший|шая|$|[ .,])|скончал|погиб|гибел' THEN 'DEATH'
        WHEN n."t" ~ 'за\s*границ|за\s*рубеж|пределы\s+(рф|росси)|другую\s+страну|друго[ей]\s+государств|иностранн|эмигр|(в|на)\s+(казахстан|беларус|белорусс|узбекистан|таджикистан|киргиз|кыргыз|армени|азербайджан|молдов|украин|германи|израил|турци|сша)' THEN 'TRANSFER_ABROAD'
        WHEN n."t" ~ 'друг(ой|ого|ом|ую|ое|ие|их)\s+(регион|субъект|област|кра[йяю]|республик)|пределы\s+(региона|области|края|республики)|в\s+[а-я-]+(ую|ой)\s+област|в\s+[а-я-]+(ий|ой)\s+край|в\s+республик|(в|г\.)\s*(г\.\s*)?(москв|санкт-петербург|петербург|севастопол)' THEN 'TRANSFER_OTHER_REGION'
        WHEN n."t" ~ 'семейн' THEN 'FAMILY_EDUCATION'
        WHEN n."t" ~ 'самообразован' THEN 'SELF_EDUCATION'
        WHEN n."t" ~ 'здоров|медицинск|болезн|инвалидн|лечени' THEN 'HEALTH'
        WHEN n."t" ~ 'трудоустр|на\s+работу|трудов(ой|ую)\s+деятельн' THEN 'EMPLOYMENT'
        WHEN n."t" ~ 'дисциплинар|взыскан|устав|правил\S*\s+внутренн|грубо\S*\s+нарушен|неоднократн\S*\s+нарушен' THEN 'DISCIPLINARY'
        WHEN n."t" ~ 'перевод|переведен|друг(ой|ую|ое)\s+(школ|организац|оо|учрежден|район|гимнази|лице)|(в|во)\s+(мбоу|маоу|мкоу|моу|гбоу|гоу|оо|сош|оош|школ|гимнази|лице)' THEN 'TRANSFER_IN_REGION'
        END AS "code"
    FROM n
), mapped AS (
    SELECT f."learnerId", f."id",
        CASE
        WHEN f."type" = 'TRANSFER_OUT' AND f."transferId" IS NOT NULL THEN 'TRANSFER_IN_REGION'
        WHEN f."type" = 'TRANSFER_OUT' AND f."code" IN ('TRANSFER_IN_REGION', 'TRANSFER_OTHER_REGION', 'TRANSFER_ABROAD') THEN f."code"
        WHEN f."type" = 'TRANSFER_OUT' THEN 'TRANSFER_IN_REGION'
        ELSE f."code"
        END AS "code"
    FROM found f
)
UPDATE "MovementEvent" e SET "leavingReason" = m."code"::"LeavingReason"
FROM mapped m
WHERE e."learnerId" = m."learnerId" AND e."id" = m."id" AND m."code" IS NOT NULL;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = '"MovementEvent"'::regclass AND tgname = 'MovementEvent_no_update_delete') THEN
        ALTER TABLE "MovementEvent" ENABLE TRIGGER "MovementEvent_no_update_delete";
    END IF;
END
$$;
