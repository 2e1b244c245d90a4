// Helpers for fault tests that run part of the application in a child
// process: start a tsx script, wait for a marker line, poll a condition.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../../..");

export interface Child {
  process: ChildProcess;
  /** Resolves with the first stdout line matching one of `patterns`; rejects if the child exits first or time runs out. */
  waitForLine(patterns: RegExp[], timeoutMs: number): Promise<string>;
  /** Resolves once the process has exited (with its signal, if killed). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/**
 * Runs a TypeScript file in plain `node --import tsx`: the tsx CLI would run
 * it in a grandchild that survives a SIGKILL sent to the CLI.
 */
export function startTsx(script: string, env: Record<string, string>): Child {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, script)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const listeners = new Set<() => void>();
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
    for (const listener of listeners) listener();
  });
  child.stderr!.on("data", (chunk: Buffer) => void (stderr += chunk.toString("utf8")));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      resolve({ code, signal });
      for (const listener of listeners) listener();
    }),
  );
  return {
    process: child,
    exited,
    output: () => `stdout:\n${stdout}\nstderr:\n${stderr.slice(-4000)}`,
    waitForLine(patterns, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no ${patterns.join(" or ")} within ${timeoutMs} ms\n${stdout}\n${stderr.slice(-4000)}`)), timeoutMs);
        const check = () => {
          const line = stdout.split("\n").find((l) => patterns.some((p) => p.test(l)));
          if (line) finish(null, line);
          else if (child.exitCode !== null || child.signalCode !== null) finish(new Error(`child exited (${child.exitCode ?? child.signalCode}) before ${patterns.join(" or ")}\n${stdout}\n${stderr.slice(-4000)}`));
        };
        function finish(error: Error | null, line?: string) {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve(line!);
        }
        listeners.add(check);
        check();
      });
    },
  };
}

/** Polls `probe` every `intervalMs` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function pollUntil<T>(what: string, probe: () => Promise<T>, timeoutMs: number, intervalMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ""}`);
}
