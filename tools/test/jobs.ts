// Runs a command with its output passed through line by line, each line
// prefixed with the job's name, so two jobs running at once stay readable.
import { spawn } from "node:child_process";
import readline from "node:readline";

export interface Job {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

export interface JobResult {
  name: string;
  code: number;
  seconds: number;
}

export function run(job: Job): Promise<JobResult> {
  const started = Date.now();
  const child = spawn(job.command, job.args, { env: { ...process.env, ...job.env }, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `[${job.name}] `;
  readline.createInterface({ input: child.stdout }).on("line", (line) => process.stdout.write(`${prefix}${line}\n`));
  readline.createInterface({ input: child.stderr }).on("line", (line) => process.stderr.write(`${prefix}${line}\n`));
  return new Promise((resolve) => {
    const done = (code: number) => resolve({ name: job.name, code, seconds: Math.round((Date.now() - started) / 1000) });
    child.on("error", (error) => {
      process.stderr.write(`${prefix}could not start ${job.command}: ${error.message}\n`);
      done(127);
    });
    child.on("close", (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}
