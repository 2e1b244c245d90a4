// A production build of the app served on loopback for the benchmarks, with
// its own session secret and the database's field-encryption keys.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { localFieldKeys } from "../../src/server/crypto/keys";

export interface AppServer { url: string; secret: string; stop(): void }

export async function startAppServer(databaseUrl: string, port: number): Promise<AppServer> {
  const nextBin = path.resolve("node_modules", "next", "dist", "bin", "next");
  if (!fs.existsSync(path.resolve(".next", "BUILD_ID"))) throw new Error("No production build: run `npx next build` first.");
  const url = `http://127.0.0.1:${port}`;
  const secret = randomBytes(32).toString("base64url");
  const keys = process.env.KONTINGENT_DATA_KEYS && process.env.KONTINGENT_INDEX_KEY
    ? { dataKeys: process.env.KONTINGENT_DATA_KEYS, indexKey: process.env.KONTINGENT_INDEX_KEY }
    : localFieldKeys();
  const child: ChildProcess = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: url, NEXTAUTH_SECRET: secret, KONTINGENT_DATA_KEYS: keys.dataKeys, KONTINGENT_INDEX_KEY: keys.indexKey, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const stop = () => child.kill("SIGTERM");
  process.on("exit", stop);
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/login`)).ok) return { url, secret, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`The app did not start on ${url}`);
}
