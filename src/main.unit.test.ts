import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// The command line, on the embedded database (runs once, not per engine).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the wuzhen command', () => {
  const run = promisify(execFile);
  const cli = (args: string[], env: Record<string, string>) =>
    run(process.execPath, ['bin/wuzhen.js', ...args], { env: { ...process.env, ...env }, cwd: path.resolve(import.meta.dirname, '..') });

  // One data directory with an administrator's account, made once for the tests that need one (a new one costs a
  // database init). What a backup holds is tested row by row in platform/backup.test.ts.
  const dirA = path.join(tmp, 'cli-a');
  let seeding: Promise<unknown> | undefined;
  const seeded = () =>
    (seeding ??= cli(['admin', 'create', '--email', 'root@cli.example', '--password', 'a-long-password-1'], { DATA_DIR: dirA }));

  it('backs up a data directory and restores it into an empty one', { timeout: 240_000 }, async () => {
    const dirB = path.join(tmp, 'cli-b');
    await seeded();
    const out = await cli(['backup', path.join(tmp, 'cli.wzb')], { DATA_DIR: dirA });
    expect(out.stdout).toContain('Backup written');
    const r = await cli(['restore', path.join(tmp, 'cli.wzb')], { DATA_DIR: dirB });
    expect(r.stdout).toContain('Restored');
    // The account came back with the rest.
    const existing = await cli(['admin', 'create', '--email', 'root@cli.example'], { DATA_DIR: dirB });
    expect(existing.stdout).toContain('root@cli.example now has the admin role.');
    const again = await cli(['restore', path.join(tmp, 'cli.wzb')], { DATA_DIR: dirB }).catch((e) => e);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not empty');
  });

  it('explains each command with --help and refuses bad configuration clearly', async () => {
    for (const c of ['start', 'migrate', 'seed', 'admin', 'backup', 'restore']) {
      const { stdout } = await cli([c, '--help'], {});
      expect(stdout).toContain(`Usage: wuzhen ${c}`);
    }
    const bad = await cli(['migrate'], { PORT: 'eighty', DATABASE_URL: 'mysql://x' }).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('PORT');
    expect(bad.stderr).toContain('DATABASE_URL: must be a postgres://');
  });

  it('a second process on the same data directory refuses with a clear message', { timeout: 120_000 }, async () => {
    await seeded();
    const dir = dirA;
    const first = spawn(process.execPath, ['bin/wuzhen.js', 'start'], {
      env: { ...process.env, DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent' },
      cwd: path.resolve(import.meta.dirname, '..'),
    });
    let out = '';
    first.stdout.on('data', (d) => (out += d));
    for (let i = 0; i < 240 && !out.includes('is running'); i++) await new Promise((r) => setTimeout(r, 250));
    expect(out).toContain('is running');
    const second = await cli(['migrate'], { DATA_DIR: dir }).catch((e) => e);
    first.kill('SIGTERM');
    await new Promise((r) => first.once('exit', r));
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('is in use by another Wuzhen process');
  });
});
