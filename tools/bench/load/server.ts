// The server under load: a given loopback URL, or a production build started
// here on a throw-away embedded database (built first if there is no build).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** The target's origin; anything but loopback is refused: this is not a tool to point at someone's server. */
export function loopbackOrigin(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error(`Not an HTTP URL: ${url}`);
  if (!LOOPBACK.has(parsed.hostname) && !/^127\.\d+\.\d+\.\d+$/.test(parsed.hostname)) {
    throw new Error(`Refusing to load-test ${parsed.hostname}: only loopback targets (127.0.0.1, localhost, ::1)`);
  }
  return parsed.origin;
}

async function waitUntilUp(base: string, child: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not come up within 2 minutes");
}

export interface Target {
  base: string;
  stop: () => void;
}

export async function startServer(port: number): Promise<Target> {
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "pglite:.data/bench-load" };
  if (!fs.existsSync(path.resolve(".next", "BUILD_ID"))) {
    console.log("No production build: running next build first…");
    const build = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: "inherit", env });
    if (build.status !== 0) throw new Error("next build failed");
  }
  fs.rmSync(path.resolve(".data/bench-load"), { recursive: true, force: true });
  console.log(`Starting the production build on ${base} (embedded database .data/bench-load)…`);
  const child = spawn(process.execPath, [path.resolve("node_modules/.bin/tsx"), "tools/start.ts", "--skip-build"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const stop = () => {
    // tools/start.ts forwards the signal to next start.
    if (child.exitCode === null) child.kill("SIGTERM");
  };
  process.on("exit", stop);
  await waitUntilUp(base, child);
  return { base, stop };
}
