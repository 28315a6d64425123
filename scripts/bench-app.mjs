// Measures the release app in a real window: start-up time and idle memory.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const binary = process.argv[2];

function start() {
  const dataDir = mkdtempSync(join(tmpdir(), "tijdig-bench-"));
  const startedAt = Date.now();
  const child = spawn(binary, ["--data-dir", dataDir], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  // The app writes "tijdig: interactive at <ms since epoch>" on standard error once its first
  // screen shows data (the release build has no test hooks, so no file is asked for).
  const run = { child, dataDir, startedAt, readyAt: null };
  let seen = "";
  child.stderr.on("data", (chunk) => {
    seen += chunk.toString();
    const match = /tijdig: interactive at (\d+)/.exec(seen);
    if (match && run.readyAt === null) run.readyAt = Number(match[1]);
  });
  return run;
}

async function waitReady(run, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (run.readyAt !== null) return run.readyAt - run.startedAt;
    await sleep(2);
  }
  throw new Error("the app did not report ready within 20 s");
}

async function stop(run) {
  run.child.kill("SIGTERM");
  await new Promise((resolve) => (run.child.exitCode !== null ? resolve() : run.child.once("exit", resolve)));
  rmSync(run.dataDir, { recursive: true, force: true });
}

function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []));
  return all;
}

function pssKb(pid) {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

// A warm-up start so that every measured run finds the binary and libraries in the page cache.
const warm = start();
await waitReady(warm);
await stop(warm);

const times = [];
for (let i = 0; i < 5; i++) {
  const run = start();
  times.push(await waitReady(run));
  await stop(run);
}
times.sort((a, b) => a - b);
console.log(`startup_to_interactive = ${times[2]} ms`);

const idle = start();
await waitReady(idle);
await sleep(10000);
const processes = descendants(idle.child.pid);
const totalKb = processes.reduce((sum, pid) => sum + pssKb(pid), 0);
await stop(idle);
console.log(`idle_pss = ${(totalKb / 1024).toFixed(1)} MB`);
console.error(`(startup runs: ${times.join(", ")} ms; idle processes: ${processes.length})`);
