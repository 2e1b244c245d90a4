// Small numbers on the ministry's performance view (docs/domain.md, "Small
// numbers"; src/server/authz/small-numbers.ts). Two tables per level, each
// protected with its margins: the learners of each group (one column) and the
// marks of each group by value (5, 4, 3, 2). They are decided top-down as the
// health statistics are — the region by municipality, then a municipality by
// organisation bound to its row there, then an organisation by class bound to
// its row there — always over the whole region, so a municipal officer sees
// exactly the figures the regional one sees and a drill-down never reveals
// what the level above hid. Derived figures follow the counts they come from:
// shares only where the group's learners are shown, the average only where
// all four mark counts and their total are shown (with one of them hidden, the
// average and the total would give it back).
import { rowPattern, suppressTable, type MarginPattern, type SuppressedTable, type TableBlock } from "../../authz/small-numbers";
import type { Db, DbTx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { averageMark, markCount, percent, sumCounts } from "./measures";
import { countedGroupMeasures } from "./class-performance-counts";
import type { GroupLevel, GroupRow, MeasureCounts } from "./measures-sql";

export interface Figures {
  learners: number | null;
  marks: { m5: number | null; m4: number | null; m3: number | null; m2: number | null };
  average: number | null;
  successRate: number | null;
  qualityRate: number | null;
}

export interface LevelTable {
  level: GroupLevel;
  keys: string[];
  rows: Figures[];
  totals: Figures;
}

interface Solved {
  keys: string[];
  counts: MeasureCounts[];
  learners: SuppressedTable;
  marks: SuppressedTable;
}

const MARK_COLUMNS = ["m5", "m4", "m3", "m2"] as const;

function solve(rows: GroupRow[], threshold: number, outer?: { learners: MarginPattern; marks: MarginPattern }): Solved {
  const learnerBlocks: TableBlock[] = [{ columns: ["n"], cells: rows.map((r) => [r.learners]) }];
  const markBlocks: TableBlock[] = [{ columns: [...MARK_COLUMNS], cells: rows.map((r) => MARK_COLUMNS.map((c) => r[c])) }];
  return {
    keys: rows.map((r) => r.groupKey),
    counts: rows,
    learners: suppressTable(rows.length, learnerBlocks, threshold, outer?.learners),
    marks: suppressTable(rows.length, markBlocks, threshold, outer?.marks),
  };
}

/** The margins one row of `above` imposes on the table that drills into it. */
function patternOf(above: Solved, key: string) {
  const row = above.keys.indexOf(key);
  if (row < 0) return undefined; // no class of the year there: nothing above to agree with
  const learnerBlocks: TableBlock[] = [{ columns: ["n"], cells: [] }];
  const markBlocks: TableBlock[] = [{ columns: [...MARK_COLUMNS], cells: [] }];
  return { learners: rowPattern(above.learners, learnerBlocks, row), marks: rowPattern(above.marks, markBlocks, row) };
}

/** Figures as shown, from the exact counts and what the two tables left visible. */
function figures(c: MeasureCounts, learners: number | null, marks: (number | null)[], marksTotal: number | null): Figures {
  const shownLearners = learners !== null && learners > 0;
  const allMarksShown = marksTotal !== null && marks.every((m) => m !== null);
  return {
    learners,
    marks: { m5: marks[0]!, m4: marks[1]!, m3: marks[2]!, m2: marks[3]! },
    average: allMarksShown ? averageMark(c.markSum, markCount(c)) : null,
    successRate: shownLearners ? percent(c.successful, c.learners) : null,
    qualityRate: shownLearners ? percent(c.quality, c.learners) : null,
  };
}

function levelTable(level: GroupLevel, s: Solved): LevelTable {
  return {
    level,
    keys: s.keys,
    rows: s.counts.map((c, r) => figures(c, s.learners.rowTotals[r]!, s.marks.cells[0]![r]!, s.marks.rowTotals[r]!)),
    totals: figures(sumCounts(s.counts), s.learners.total, s.marks.columnTotals[0]!, s.marks.total),
  };
}

export interface ChainInput {
  regionId: string;
  /** Where the view looks: a municipality (rows: its organisations) and an organisation (rows: its classes). */
  municipalityId: string | null;
  organisationId: string | null;
  academicYear: number;
  period: string;
  subjectId: string | null;
  threshold: number;
}

/** The table of the level the view shows, decided down the chain from the region (flush the class counts first). */
export async function suppressedLevel(db: Db | DbTx, p: ChainInput): Promise<LevelTable> {
  const base = { academicYear: p.academicYear, period: p.period, subjectId: p.subjectId };
  const region = solve(await countedGroupMeasures(db, { ...base, level: "municipality", where: Prisma.sql`mu."regionId" = ${p.regionId}::uuid` }), p.threshold);
  if (!p.municipalityId) return levelTable("municipality", region);
  const municipality = solve(
    await countedGroupMeasures(db, { ...base, level: "organisation", where: Prisma.sql`mu."id" = ${p.municipalityId}::uuid` }),
    p.threshold,
    patternOf(region, p.municipalityId),
  );
  if (!p.organisationId) return levelTable("organisation", municipality);
  const organisation = solve(
    await countedGroupMeasures(db, { ...base, level: "class", where: Prisma.sql`o."id" = ${p.organisationId}::uuid` }),
    p.threshold,
    patternOf(municipality, p.organisationId),
  );
  return levelTable("class", organisation);
}
