// Outcome of a pure check. Problems are codes, not sentences: the browser and
// the server pick the wording (zod.ts holds the Russian messages), so these
// modules stay free of UI text and of any server import.
export type Checked<P extends string> =
  | { ok: true; value: string }
  | { ok: false; problem: P };
