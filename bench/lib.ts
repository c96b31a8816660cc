import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../tests/e2e/support.js';

export const root = path.resolve(import.meta.dirname, '..');
export const benchDatabaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Prints "ours vs baseline (ratio)" in one aligned line. */
export function compare(label: string, ours: number, baseline: number, unit: string, higherIsBetter = true) {
  const ratio = ours / baseline;
  console.log(
    `${label.padEnd(40)} ours ${fmt(ours, ours < 100 ? 2 : 0).padStart(10)} ${unit.padEnd(8)} baseline ${fmt(baseline, baseline < 100 ? 2 : 0).padStart(10)} ${unit.padEnd(8)} ratio ${ratio.toFixed(2)}${higherIsBetter ? '' : ' (lower is better)'}`,
  );
  return ratio;
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  peakRssMb: () => number;
  stop: () => Promise<void>;
}

/** Starts `wuzhen start` as a child process and samples its memory. BENCH_NODE_ARGS adds Node flags (e.g. `--cpu-prof`). */
export async function startServer(
  env: Record<string, string>,
  args = ['start', '--demo'],
): Promise<RunningServer & { startedInMs: number }> {
  const port = await freePort();
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wz-bench-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), 'bin/wuzhen.js', ...args], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  let peak = 0;
  const sample = setInterval(() => {
    try {
      const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, rss);
    } catch {
      // exited
    }
  }, 50);
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${out}`);
    try {
      const r = await fetch(`${url}/`);
      if (r.ok) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const startedInMs = performance.now() - t0;
  return {
    url,
    child,
    startedInMs,
    peakRssMb: () => peak / 1024,
    async stop() {
      clearInterval(sample);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      if (!env.DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function load(url: string, opts: { connections?: number; duration?: number; headers?: Record<string, string> } = {}) {
  const r = await autocannon({ url, connections: opts.connections ?? 50, duration: opts.duration ?? 10, headers: opts.headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}
