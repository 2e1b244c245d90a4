// The import of resident children's lists (issue 22): a registry office's,
// polyclinic's or МФЦ's file for one municipality, checked row by row (cells,
// duplicates, the stored register), the addresses found in the directory
// (ГАР), the children matched with learners (match.ts), then written all or
// nothing in one transaction with one audit row. A dry run writes no child but
// is audited like the commit: it shows which learners the children matched.
// Re-importing the same file changes nothing (plan.ts says what the key is).
import type { ResidentImportResult, ResidentRowOutcome, ResidentSourceCode } from "@/lib/schemas/residents";
import { regionToday } from "@/lib/time-zone";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { blindIndex, encryptOptional } from "../../crypto/field-crypto";
import type { Db } from "../../db";
import { conflict } from "../../errors";
import type { Sheet } from "../learners/import/read-file";
import { isUniqueViolation } from "../movement/record-event";
import { resolveResidentAddresses } from "./addresses";
import { mapResidentHeader } from "./columns";
import { matchLearners } from "./match";
import { issueOutcome, parseResidentRow } from "./parse-row";
import { changes, duplicateOf, findStored, loadStoredResidents, mergedFields, outcomeName, type KeyedRow } from "./plan";
import { residentMunicipality } from "./scope";

export const MAX_LISTED_PROBLEMS = 1000;
export const MAX_LISTED_OTHERS = 2000;
/** A 100,000-row commit on a slow machine must not hit Prisma's 5-second default. */
const TRANSACTION = { maxWait: 30_000, timeout: 15 * 60_000 };
const INSERT_CHUNK = 1000;

export interface ResidentImportOptions {
  commit: boolean;
  fileName: string;
  ip: string | null;
  municipalityId: string | null;
  source: ResidentSourceCode;
}

function listed(outcomes: ResidentRowOutcome[]) {
  const problems = outcomes.filter((o) => o.status === "error").slice(0, MAX_LISTED_PROBLEMS);
  const others = outcomes.filter((o) => o.status !== "error").slice(0, MAX_LISTED_OTHERS);
  return { items: [...problems, ...others].sort((a, b) => a.row - b.row), notListed: outcomes.length - problems.length - others.length };
}

export async function importResidents(db: Db, actor: Actor, sheet: Sheet, options: ResidentImportOptions): Promise<ResidentImportResult> {
  const columns = mapResidentHeader(sheet.header);
  const today = regionToday();
  try {
    return await db.$transaction(async (tx) => {
      const municipality = await residentMunicipality(tx, actor, options.municipalityId);
      const outcomes: ResidentRowOutcome[] = [];
      const valid: KeyedRow[] = [];
      for (const { row, cells } of sheet.rows) {
        const parsed = parseResidentRow(cells, columns, row, today);
        if ("value" in parsed) valid.push({ ...parsed.value, snilsIndex: parsed.value.snils ? blindIndex("snils", parsed.value.snils) : null });
        else outcomes.push(issueOutcome(row, parsed.issues));
      }
      const duplicates = duplicateOf(valid);
      const unique = valid.filter((r) => {
        const first = duplicates.get(r.row);
        if (first !== undefined) outcomes.push({ row: r.row, status: "error", column: "", message: `Ребёнок уже указан в строке ${first}: удалите повтор` });
        return first === undefined;
      });

      const stored = await loadStoredResidents(tx, municipality.id, unique);
      const houses = await resolveResidentAddresses(tx, municipality.id, unique.map((r) => r.address));
      const claimed = new Map<string, number>();
      const planned = unique.flatMap((r) => {
        const found = findStored(r, stored);
        if ("problem" in found) {
          outcomes.push({ row: r.row, status: "error", column: "", message: found.problem });
          return [];
        }
        const other = found.stored ? claimed.get(found.stored.id) : undefined;
        if (other !== undefined) {
          outcomes.push({ row: r.row, status: "error", column: "", message: `Строка называет того же ребёнка реестра, что и строка ${other}: проверьте СНИЛС` });
          return [];
        }
        if (found.stored) claimed.set(found.stored.id, r.row);
        return [{ row: r, stored: found.stored, fields: mergedFields(r, found.stored, houses.get(r.address) ?? { garHouseId: null, flat: null }) }];
      });
      const matches = await matchLearners(tx, municipality.regionId, planned.map((p) => p.fields));

      const creates: Record<string, unknown>[] = [];
      const updates: { id: string; data: Record<string, unknown> }[] = [];
      const learnerIds = new Set<string>();
      planned.forEach((p, i) => {
        const match = matches[i]!;
        if (match.learnerId) learnerIds.add(match.learnerId);
        const next = { ...p.fields, ...match };
        const status = !p.stored ? "add" : changes(p.stored, next) ? "update" : "unchanged";
        outcomes.push({ row: p.row.row, status, name: outcomeName(p.row), match: match.matchedBy, houseFound: next.garHouseId !== null });
        const { snilsIndex, ...rest } = next;
        // The SNILS columns are written only when the row brings a SNILS: an empty cell keeps the stored one.
        const snils = p.row.snils ? { snilsIndex, snilsEnc: encryptOptional(p.row.snils, "ResidentChild.snils") } : {};
        const data = { ...rest, ...snils, birthDate: new Date(`${next.birthDate}T00:00:00Z`) };
        if (status === "add") creates.push({ ...data, municipalityId: municipality.id, source: options.source });
        else if (status === "update") updates.push({ id: p.stored!.id, data });
      });

      const count = (status: string) => outcomes.filter((o) => o.status === status).length;
      const matchCount = (how: string) => outcomes.filter((o) => o.status !== "error" && o.match === how).length;
      const errorCount = count("error");
      const committed = options.commit && errorCount === 0;
      if (committed) {
        for (let i = 0; i < creates.length; i += INSERT_CHUNK) {
          await tx.residentChild.createMany({ data: creates.slice(i, i + INSERT_CHUNK) as never });
        }
        for (const { id, data } of updates) await tx.residentChild.update({ where: { id }, data: data as never });
      }
      const result: ResidentImportResult = {
        committed,
        rows: sheet.rows.length,
        added: count("add"),
        updated: count("update"),
        unchanged: count("unchanged"),
        errorCount,
        matchedBySnils: matchCount("SNILS"),
        matchedByAddress: matchCount("NAME_BIRTH_ADDRESS"),
        unmatched: matchCount("NONE"),
        housesFound: outcomes.filter((o) => o.houseFound).length,
        ...listed(outcomes),
        ignoredColumns: columns.ignored,
      };
      // Counts and the file name only: the rows are personal data; the matched learners are the links.
      await recordAudit(tx, auditActorOf(actor, options.ip), {
        action: "residents.import",
        outcome: options.commit && !committed ? "FAILURE" : "SUCCESS",
        entityType: "Municipality",
        entityId: municipality.id,
        details: {
          mode: options.commit ? "commit" : "dry-run",
          fileName: options.fileName.slice(0, 200),
          source: options.source,
          rows: result.rows,
          added: result.added,
          updated: result.updated,
          unchanged: result.unchanged,
          errors: errorCount,
          matchedBySnils: result.matchedBySnils,
          matchedByAddress: result.matchedByAddress,
          unmatched: result.unmatched,
          committed,
        },
        learnerIds: [...learnerIds],
      });
      return result;
    }, TRANSACTION);
  } catch (error) {
    // Two uploads of one list at once: the unique keys let the first through.
    if (isUniqueViolation(error)) throw conflict("Этот список только что загрузил другой пользователь: проверьте файл ещё раз");
    throw error;
  }
}
