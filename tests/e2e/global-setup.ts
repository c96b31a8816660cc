import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder whose data/ becomes a data directory with the demo data once done/ exists in it (failed holds why not). */
    demoTemplate?: string;
  }
}

/**
 * Vitest global setup of the end-to-end tests: `wuzhen seed --demo` into one
 * data directory per run, which every server copies instead of seeding its own
 * (startServer in support.ts). It runs in the background, so the other tests
 * start meanwhile; the first server waits for it.
 */
export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-e2e-template-'));
  let out = '';
  const child = spawn(process.execPath, ['bin/wuzhen.js', 'seed', '--demo'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const finished = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      fs.writeFileSync(path.join(dir, code === 0 ? 'done' : 'failed'), `exit ${code}\n${out}`);
      resolve();
    }),
  );
  project.provide('demoTemplate', dir);
  return async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await finished;
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
