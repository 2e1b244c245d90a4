// Generates the Prisma client (src/server/generated/prisma). `prisma generate`
// insists on locating the native schema engine although it never runs it;
// where that engine cannot be downloaded (these machines), point it at a
// placeholder for this one command only, so `prisma migrate` keeps working
// for anyone who has the real engine.
import { spawnSync } from "node:child_process";
import path from "node:path";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("package.json");
const cli = path.resolve("node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
