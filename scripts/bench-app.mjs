// Measures the release app in a real window: start-up time and idle memory.
import { execSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const binary = process.argv[2];
// A data folder with a generated lifetime of data (100,000 invoices), for startup_100k.
const large = process.argv[3];

function start(existing) {
  const dataDir = existing ?? mkdtempSync(join(tmpdir(), "tijdig-bench-"));
  const startedAt = Date.now();
  const child = spawn(binary, ["--data-dir", dataDir], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  // The app writes "tijdig: interactive at <ms since epoch>" on standard error once its first
  // screen shows data (the release build has no test hooks, so no file is asked for).
  const run = { child, dataDir, startedAt, readyAt: null, keep: existing !== undefined };
  let seen = "";
  child.stderr.on("data", (chunk) => {
    seen += chunk.toString();
    const match = /tijdig: interactive at (\d+)/.exec(seen);
    if (match && run.readyAt === null) run.readyAt = Number(match[1]);
  });
  return run;
}

async function waitReady(run, timeoutMs = 20000) {
  // (timeoutMs: a cold start of a large database may take longer than a warm one)
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (run.readyAt !== null) return run.readyAt - run.startedAt;
    await sleep(2);
  }
  throw new Error(`the app did not report ready within ${timeoutMs / 1000} s`);
}

async function stop(run) {
  run.child.kill("SIGTERM");
  await new Promise((resolve) => (run.child.exitCode !== null ? resolve() : run.child.once("exit", resolve)));
  if (!run.keep) rmSync(run.dataDir, { recursive: true, force: true });
}

/** Empties the page cache (root only): the next start reads binary, libraries and data from disk. */
function dropCaches() {
  try {
    execSync("sync");
    writeFileSync("/proc/sys/vm/drop_caches", "3");
    return true;
  } catch {
    return false;
  }
}

async function coldMedian(existing) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    if (!dropCaches()) return null;
    const run = start(existing);
    runs.push(await waitReady(run, 60000));
    await stop(run);
  }
  runs.sort((a, b) => a - b);
  return runs;
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

// The same from an empty page cache (as after a reboot), and with a lifetime of data.
const cold = await coldMedian();
if (cold) {
  console.log(`startup_cold = ${cold[2]} ms`);
  console.error(`(cold runs: ${cold.join(", ")} ms)`);
} else {
  console.error("(startup_cold: not measured; emptying the page cache needs root)");
}
if (large) {
  const cold100k = await coldMedian(large);
  if (cold100k) {
    console.log(`startup_100k = ${cold100k[2]} ms`);
    console.error(`(100k cold runs: ${cold100k.join(", ")} ms)`);
  }
}

const idle = start();
await waitReady(idle);
await sleep(10000);
const processes = descendants(idle.child.pid);
const perProcess = processes.map((pid) => {
  let name = String(pid);
  try {
    name = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    // The process ended while we looked.
  }
  return { name, kb: pssKb(pid) };
});
const totalKb = perProcess.reduce((sum, p) => sum + p.kb, 0);
await stop(idle);
console.log(`idle_pss = ${(totalKb / 1024).toFixed(1)} MB`);
console.error(`(startup runs: ${times.join(", ")} ms; idle processes: ${processes.length})`);
console.error(
  `(idle PSS per process: ${perProcess.map((p) => `${p.name} ${(p.kb / 1024).toFixed(1)} MB`).join(", ")})`,
);
