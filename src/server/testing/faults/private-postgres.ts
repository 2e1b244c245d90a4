// A private, throw-away PostgreSQL cluster for tests that stop and start the
// server (the shared one on 5432 serves every other test, so it is never
// touched). initdb refuses to run as root, so as root the cluster belongs to
// the `postgres` system user and its commands run through runuser.
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);

/** The newest PostgreSQL server binaries in Debian's layout, or null. */
export function findPostgresBin(): string | null {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0]!, "bin") : null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface PrivateCluster {
  port: number;
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server if running and removes its directory. */
  destroy(): Promise<void>;
}

export async function createPrivateCluster(bin: string): Promise<PrivateCluster> {
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kt-pg-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  if (isRoot) {
    const { stdout } = await exec("id", ["-u", "postgres"]);
    const { stdout: gid } = await exec("id", ["-g", "postgres"]);
    fs.chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const run = (tool: string, args: string[]) =>
    isRoot ? exec("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]) : exec(path.join(bin, tool), args);

  // No fsync: the data is thrown away, and the test measures recovery, not durability.
  await run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  let running = false;
  const cluster: PrivateCluster = {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await run("pg_ctl", ["-D", data, "-o", options, "-l", log, "-w", "-t", "30", "start"]);
      running = true;
    },
    async stop() {
      await run("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"]);
      running = false;
    },
    async destroy() {
      if (running) await cluster.stop().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
