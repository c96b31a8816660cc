import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { compare, fmt, startServer } from './lib.js';

/**
 * Cold start on the embedded database: from starting the server on a fresh
 * data directory (migrations and demo data included) to the first page.
 * Baseline: starting Node.js with a bare HTTP server, measured the same way.
 */
export async function run() {
  const s = await startServer({});
  const ours = s.startedInMs;
  const peak = s.peakRssMb();
  await s.stop();
  // Second start on an existing directory: no migrations to apply, no demo data to add.
  const t0 = performance.now();
  const again = await startServer({});
  const warm = again.startedInMs;
  await again.stop();
  void t0;

  const baseline = await bareNodeStart();
  compare('cold start, fresh data dir (ms)', ours, baseline, 'ms', false);
  compare('start, data dir already set up (ms)', warm, baseline, 'ms', false);
  console.log(`peak memory during cold start: ${fmt(peak)} MB`);
}

async function bareNodeStart() {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', "require('http').createServer((q,r)=>r.end('ok')).listen(0,'127.0.0.1',function(){console.log(this.address().port)})"], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d).trim())));
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {
      // starting
    }
  }
  const ms = performance.now() - t0;
  child.kill();
  return ms;
}
