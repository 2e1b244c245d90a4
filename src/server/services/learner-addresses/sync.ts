// Keeping LearnerAddress (the structured form of a learner's three address
// texts) in step with the texts, inside the caller's transaction: the learner
// create/update service, the import's commit and `npm run addresses:match`.
// Set-based: a few statements per chunk of learners, whatever the count.
//
// Per learner and kind: no text → the row goes; the same text with a row the
// directory matched to a house or the school confirmed (HOUSE, MANUAL) → kept;
// otherwise the text is resolved again (a directory loaded since may now know
// it). A house picked from the suggestions is stored as HOUSE after checking it
// exists in the directory.
import { ADDRESS_FIELD, ADDRESS_KINDS, type AddressHouses, type AddressKind, type AddressMatch } from "@/lib/schemas/learner-addresses";
import type { DbTx } from "../../db";
import { badRequest } from "../../errors";
import { resolveAddressTexts, type ResolvedAddress } from "../addresses/resolve";
import { directoryHouses, type DirectoryHouse } from "./directory-houses";

/** Learners per round of statements: keeps each JSON parameter well under a megabyte. */
const CHUNK = 2000;
const HELD = ["ACTIVE", "PENDING_TRANSFER"];

interface LearnerTexts {
  id: string;
  registrationAddress: string | null;
  stayAddress: string | null;
  actualAddress: string | null;
  /** The holding school's municipality: the resolver's hint for texts that name no settlement. */
  municipalityId: string | null;
}

interface StoredRow {
  learnerId: string;
  kind: AddressKind;
  match: AddressMatch;
  sourceText: string | null;
}

/** One LearnerAddress row as written; bigints travel as decimal strings. */
export interface AddressRow {
  learnerId: string;
  kind: AddressKind;
  municipalityId: string | null;
  settlement: string | null;
  street: string | null;
  house: string | null;
  building: string | null;
  flat: string | null;
  postcode: string | null;
  garHouseId: string | null;
  garObjectId: string | null;
  match: AddressMatch;
  sourceText: string;
}

export interface SyncCounts {
  resolved: Record<AddressMatch, number>;
  kept: number;
  removed: number;
}

export interface SyncOptions {
  /** Houses one learner's form picked from the suggestions (learners.create/update). */
  picked?: { learnerId: string; houses: AddressHouses };
}

const cut = (value: string | null | undefined, max: number) => (value ? value.slice(0, max) : null);

/** A row keeps its match while its text is the one it was made from and the match is final. */
const isFinal = (row: StoredRow | undefined, text: string) => row !== undefined && row.sourceText === text && (row.match === "HOUSE" || row.match === "MANUAL");

export async function syncLearnerAddresses(tx: DbTx, learnerIds: readonly string[], options: SyncOptions = {}): Promise<SyncCounts> {
  const counts: SyncCounts = { resolved: { HOUSE: 0, STREET: 0, UNMATCHED: 0, MANUAL: 0 }, kept: 0, removed: 0 };
  const ids = [...new Set(learnerIds)];
  for (let i = 0; i < ids.length; i += CHUNK) await syncChunk(tx, ids.slice(i, i + CHUNK), options, counts);
  return counts;
}

async function syncChunk(tx: DbTx, ids: string[], options: SyncOptions, counts: SyncCounts) {
  const learners = await tx.$queryRaw<LearnerTexts[]>`
    SELECT l."id", l."registrationAddress", l."stayAddress", l."actualAddress",
      (SELECT o."municipalityId" FROM "Enrolment" e JOIN "Organisation" o ON o."id" = e."organisationId"
        WHERE e."learnerId" = l."id" AND e."isBasic" AND e."cancelledAt" IS NULL AND e."status"::text = ANY(${HELD}::text[])
        ORDER BY e."enrolledAt" DESC LIMIT 1) AS "municipalityId"
    FROM "Learner" l WHERE l."id" = ANY(${ids}::uuid[])`;
  const stored = await tx.$queryRaw<StoredRow[]>`
    SELECT "learnerId", "kind"::text AS "kind", "match"::text AS "match", "sourceText"
    FROM "LearnerAddress" WHERE "learnerId" = ANY(${ids}::uuid[])`;
  const storedOf = new Map(stored.map((r) => [`${r.learnerId}:${r.kind}`, r]));

  const removed: { learnerId: string; kind: AddressKind }[] = [];
  // Texts to resolve, grouped by the municipality hint (the resolver takes one per call).
  const wanted: { learner: LearnerTexts; kind: AddressKind; text: string }[] = [];
  for (const learner of learners) {
    for (const kind of ADDRESS_KINDS) {
      const text = learner[ADDRESS_FIELD[kind]]?.trim() || null;
      const row = storedOf.get(`${learner.id}:${kind}`);
      const picked = options.picked?.learnerId === learner.id ? options.picked.houses[kind] : undefined;
      if (!text) {
        if (row) removed.push({ learnerId: learner.id, kind });
      } else if (picked === undefined && isFinal(row, text)) {
        counts.kept++;
      } else {
        wanted.push({ learner, kind, text });
      }
    }
  }

  const resolvedByHint = new Map<string, Map<string, ResolvedAddress>>();
  const hints = new Set(wanted.map((w) => w.learner.municipalityId ?? ""));
  for (const hint of hints) {
    const texts = [...new Set(wanted.filter((w) => (w.learner.municipalityId ?? "") === hint).map((w) => w.text))];
    resolvedByHint.set(hint, await resolveWithHint(tx, texts, hint || null));
  }

  const pickedIds = options.picked ? Object.values(options.picked.houses).filter((v): v is string => v !== undefined) : [];
  const houses = await directoryHouses(tx, pickedIds);
  const rows: AddressRow[] = wanted.map(({ learner, kind, text }) => {
    const resolved = resolvedByHint.get(learner.municipalityId ?? "")!.get(text);
    const picked = options.picked?.learnerId === learner.id ? options.picked.houses[kind] : undefined;
    if (picked !== undefined) {
      const house = houses.get(picked);
      if (!house) throw badRequest("Дом не найден в ГАР: выберите его из подсказок заново", `learner.${ADDRESS_FIELD[kind]}`);
      return houseRow(learner.id, kind, text, house, resolved?.flat ?? null);
    }
    return {
      learnerId: learner.id,
      kind,
      municipalityId: resolved?.municipalityId ?? null,
      settlement: cut(resolved?.settlement, 150),
      street: cut(resolved?.street, 150),
      house: cut(resolved?.house, 50),
      building: cut(resolved?.building, 50),
      flat: cut(resolved?.flat, 20),
      postcode: cut(resolved?.postcode, 6),
      garHouseId: resolved?.garHouseId != null ? resolved.garHouseId.toString() : null,
      garObjectId: resolved?.garObjectId != null ? resolved.garObjectId.toString() : null,
      match: resolved?.match ?? "UNMATCHED",
      sourceText: text.slice(0, 500),
    };
  });

  if (removed.length) {
    await tx.$executeRaw`
      DELETE FROM "LearnerAddress" a USING jsonb_to_recordset(${JSON.stringify(removed)}::jsonb) AS r("learnerId" uuid, "kind" text)
      WHERE a."learnerId" = r."learnerId" AND a."kind"::text = r."kind"`;
  }
  await upsertAddressRows(tx, rows);
  counts.removed += removed.length;
  for (const row of rows) counts.resolved[row.match]++;
}

const RANK: Record<ResolvedAddress["match"], number> = { UNMATCHED: 0, STREET: 1, HOUSE: 2 };

/**
 * The resolver narrows to the municipality it is given, so the school's
 * municipality first (a text naming only a street is found there), then the
 * whole region for texts not found to a house (a child living over the
 * municipal border); the better match wins.
 */
async function resolveWithHint(tx: DbTx, texts: string[], municipalityId: string | null): Promise<Map<string, ResolvedAddress>> {
  const first = await resolveAddressTexts(tx, texts, municipalityId ? { municipalityId } : {});
  if (!municipalityId) return first;
  const again = texts.filter((t) => first.get(t)?.match !== "HOUSE");
  if (again.length === 0) return first;
  const wide = await resolveAddressTexts(tx, again);
  for (const text of again) {
    const better = wide.get(text);
    if (better && RANK[better.match] > RANK[first.get(text)?.match ?? "UNMATCHED"]) first.set(text, better);
  }
  return first;
}

/** A picked directory house: the directory's parts, the flat from the text. */
export function houseRow(learnerId: string, kind: AddressKind, text: string, house: DirectoryHouse, flat: string | null): AddressRow {
  return {
    learnerId,
    kind,
    municipalityId: house.municipalityId,
    settlement: cut(house.settlement, 150),
    street: cut(house.street, 150),
    house: cut(house.house, 50),
    building: cut(house.building, 50),
    flat: cut(flat, 20),
    postcode: cut(house.postcode, 6),
    garHouseId: house.objectId,
    garObjectId: house.streetId ?? house.settlementId,
    match: "HOUSE",
    sourceText: text.slice(0, 500),
  };
}

/** Inserts or replaces rows by (learnerId, kind), all in one statement; parts longer than their column are cut. */
export async function upsertAddressRows(tx: DbTx, rows: AddressRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "LearnerAddress" ("learnerId", "kind", "municipalityId", "settlement", "street", "house", "building", "flat",
      "postcode", "garHouseId", "garObjectId", "match", "sourceText", "updatedAt")
    SELECT r."learnerId", r."kind"::"AddressKind", r."municipalityId", left(r."settlement", 150), left(r."street", 150), left(r."house", 50),
      left(r."building", 50), left(r."flat", 20), left(r."postcode", 6), r."garHouseId"::bigint, r."garObjectId"::bigint,
      r."match"::"AddressMatch", left(r."sourceText", 500), now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("learnerId" uuid, "kind" text, "municipalityId" uuid, "settlement" text,
      "street" text, "house" text, "building" text, "flat" text, "postcode" text, "garHouseId" text, "garObjectId" text, "match" text, "sourceText" text)
    ON CONFLICT ("learnerId", "kind") DO UPDATE SET
      "municipalityId" = EXCLUDED."municipalityId", "settlement" = EXCLUDED."settlement", "street" = EXCLUDED."street",
      "house" = EXCLUDED."house", "building" = EXCLUDED."building", "flat" = EXCLUDED."flat", "postcode" = EXCLUDED."postcode",
      "garHouseId" = EXCLUDED."garHouseId", "garObjectId" = EXCLUDED."garObjectId", "match" = EXCLUDED."match",
      "sourceText" = EXCLUDED."sourceText", "updatedAt" = now()`;
}
