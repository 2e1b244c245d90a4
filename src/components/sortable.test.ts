// The render loop that froze the health statistics: a table whose rows are
// built during render gets a new `data` array on every render. Here React's
// part (useReactTable keeps the table state in useState and re-renders on
// every onStateChange) is played by a small loop, so the test runs without a DOM.
import { createTable, type TableState } from "@tanstack/react-table";
import { describe, expect, it } from "vitest";
import { sortColumnDef, sortingOptions } from "./sortable";

type Row = { label: string; count: number | string };
const columns = [sortColumnDef<Row>({ id: "label", value: (r) => r.label }), sortColumnDef<Row>({ id: "count", value: (r) => r.count, numeric: true })];
const freshRows = (): Row[] => [
  { label: "Б", count: 7 },
  { label: "А", count: "<5" },
];

/** Renders until the table stops asking for a state change (or 20 times): how many renders it took. */
async function rendersUntilQuiet(options: ReturnType<typeof sortingOptions<Row>>): Promise<number> {
  let state = {} as TableState;
  let changed = false;
  const table = createTable<Row>({
    ...options,
    data: freshRows(),
    columns,
    state,
    onStateChange: (updater) => {
      state = typeof updater === "function" ? updater(state) : updater;
      changed = true;
    },
    renderFallbackValue: null,
  });
  state = { ...table.initialState };
  let renders = 0;
  do {
    changed = false;
    renders += 1;
    // What a render does: the table gets this render's rows (a new array) and reads its row model.
    table.setOptions((prev) => ({ ...prev, data: freshRows(), state }));
    table.getRowModel();
    await new Promise((resolve) => setTimeout(resolve, 0));
  } while ((changed || renders < 3) && renders < 20);
  return renders;
}

describe("sortable tables", () => {
  it("settle when their rows are rebuilt on every render", async () => {
    expect(await rendersUntilQuiet(sortingOptions<Row>())).toBe(3);
  });

  it("would re-render forever with TanStack Table's default page-index reset (the bug this guards)", async () => {
    expect(await rendersUntilQuiet({ ...sortingOptions<Row>(), autoResetPageIndex: undefined })).toBe(20);
  });

  it("sort hidden small counts between zero and the threshold, largest first on the first click", () => {
    const table = createTable<Row>({
      ...sortingOptions<Row>(),
      data: [
        { label: "В", count: 3 },
        { label: "А", count: "<5" },
        { label: "Б", count: 12 },
      ],
      columns,
      state: { sorting: [{ id: "count", desc: true }] },
      onStateChange: () => undefined,
      renderFallbackValue: null,
    });
    expect(table.getRowModel().rows.map((r) => r.original.label)).toEqual(["Б", "А", "В"]);
  });
});
