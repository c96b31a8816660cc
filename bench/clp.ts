/**
 * The COIN-OR Clp LP solver (Debian's coinor-clp, run as a native process) on the
 * same assignment LP as HiGHS: the baseline at sizes where HiGHS' WebAssembly
 * build runs out of its 2 GB heap. Writes free MPS, runs `clp`, reads the objective.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PlainInstance } from '../src/platform/assignment/solver.reference.js';

export const clpAvailable = () => spawnSync('clp', ['-quit'], { stdio: 'ignore' }).status === 0;

/** Free-format MPS of: max Σ affinity·x, Σ_r x = k per submission, Σ_s x ≤ capacity per reviewer, 0 ≤ x ≤ 1. */
async function writeMps(p: PlainInstance, file: string) {
  const { S, R, k } = p;
  const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
  let buf = '';
  const put = async (s: string) => {
    buf += s;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  };
  await put('NAME assignment\nROWS\n N obj\n');
  for (let s = 0; s < S; s++) await put(` E s${s}\n`);
  for (let r = 0; r < R; r++) await put(` L r${r}\n`);
  await put('COLUMNS\n');
  const pinned = new Set(p.pinned.map(([s, r]) => s * R + r));
  let bounds = '';
  const bparts: string[] = [];
  for (let s = 0; s < S; s++) {
    for (let r = 0; r < R; r++) {
      const i = s * R + r;
      if (p.forbidden[i]) continue;
      // minimise the negated affinity: full precision so the objectives compare exactly
      await put(` x${i} obj ${(-p.affinity[i]).toExponential(16)} s${s} 1\n x${i} r${r} 1\n`);
      bounds += pinned.has(i) ? ` FX bnd x${i} 1.0\n` : ` UP bnd x${i} 1.0\n`;
      if (bounds.length > 1 << 20) {
        bparts.push(bounds);
        bounds = '';
      }
    }
  }
  await put('RHS\n');
  for (let s = 0; s < S; s++) await put(` rhs s${s} ${k}\n`);
  for (let r = 0; r < R; r++) await put(` rhs r${r} ${p.capacity[r]}\n`);
  await put('BOUNDS\n');
  for (const b of bparts) await put(b);
  await put(`${bounds}ENDATA\n`);
  out.end(buf);
  await new Promise<void>((r) => out.once('finish', () => r()));
}

export interface ClpOutcome {
  objective: number | null;
  /** wall time of the clp process (reading the MPS file included) */
  totalMs: number;
  /** the solve alone, as clp reports it */
  solveMs: number;
  peakMB: number;
}

export async function clpObjective(p: PlainInstance): Promise<ClpOutcome> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-clp-'));
  const file = path.join(dir, 'assignment.mps');
  try {
    await writeMps(p, file);
    const t0 = performance.now();
    const sol = path.join(dir, 'solution.txt');
    const child = spawn('clp', [file, '-dualsimplex', '-solution', sol, '-quit'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // the child's peak RSS, as the kernel keeps it (VmHWM), read until it exits
    let peakKB = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKB = Math.max(peakKB, Number(m[1]));
      } catch {
        /* exited */
      }
    }, 100);
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    await new Promise<void>((resolve, reject) =>
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`clp exited ${code}: ${log.slice(-500)}`)))),
    );
    clearInterval(poll);
    const totalMs = performance.now() - t0;
    const peakMB = peakKB / 1024;
    if (/infeasible/i.test(log) && !/Optimal objective/.test(log)) return { objective: null, totalMs, solveMs: NaN, peakMB };
    const m = /Optimal objective\s+(-?[\d.e+-]+)\s+-\s+\d+\s+iterations\s+time\s+([\d.]+)/.exec(log);
    if (!m) throw new Error(`clp gave no optimum: ${log.slice(-500)}`);
    // clp prints the objective to 10 digits; recompute it from the solution's x values for an exact comparison
    let objective = 0;
    for (const line of fs.readFileSync(sol, 'utf8').split('\n')) {
      const v = /^\s*\d+\s+x(\d+)\s+(\S+)/.exec(line);
      if (v && Number(v[2]) !== 0) objective += Number(v[2]) * p.affinity[Number(v[1])];
    }
    if (Math.abs(objective + Number(m[1])) > 1e-6 * Math.max(1, objective))
      throw new Error(`clp: solution sums to ${objective}, log says ${-Number(m[1])}`);
    return { objective, totalMs, solveMs: Number(m[2]) * 1000, peakMB };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
