import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compare, fmt, startServer } from './lib.js';

/**
 * Cold start on the embedded database: from starting the server on a fresh
 * data directory (migrations and demo data included) to the first page.
 * Baseline: starting Node.js with a bare HTTP server, measured the same way.
 */
export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-cold-'));
  const s = await startServer({ DATA_DIR: dir });
  const ours = s.startedInMs;
  const peak = s.peakRssMb();
  await s.stop();
  // Second start on the same directory: no migrations to apply, no demo data to add.
  const again = await startServer({ DATA_DIR: dir });
  const warm = again.startedInMs;
  await again.stop();
  fs.rmSync(dir, { recursive: true, force: true });

  const baseline = await bareNodeStart();
  compare('cold start, fresh data dir (ms)', ours, baseline, 'ms', false);
  compare('start, data dir already set up (ms)', warm, baseline, 'ms', false);
  console.log(`peak memory during cold start: ${fmt(peak)} MB`);
}

async function bareNodeStart() {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ['-e', "require('http').createServer((q,r)=>r.end('ok')).listen(0,'127.0.0.1',function(){console.log(this.address().port)})"],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
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
