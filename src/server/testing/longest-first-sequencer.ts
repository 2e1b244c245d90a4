// Integration files in the order that ends a run soonest: the few files known
// to take minutes (the procedure fuzz, the importer killed mid-batch, the
// import beside concurrent reads) first, then vitest's own order. Vitest
// otherwise puts files it has no timings for (every fresh clone, so CI) by
// size, largest first — and the fuzz files are five lines each, so they ran
// last, alone, for minutes while the other worker had nothing left to do.
import { BaseSequencer, type TestSpecification } from "vitest/node";

const KNOWN_LONG = [/\/trpc\/fuzz\/procedures-/, /import-killed\.integration/, /import-concurrent-reads\.integration/];

const rank = (file: string) => {
  const index = KNOWN_LONG.findIndex((pattern) => pattern.test(file));
  return index < 0 ? KNOWN_LONG.length : index;
};

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: vitest's order holds within each rank.
    return [...sorted].sort((a, b) => rank(a.moduleId) - rank(b.moduleId));
  }
}
