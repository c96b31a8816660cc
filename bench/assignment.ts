/**
 * Benchmark 2 (issue 8): reviewer assignment.
 *
 *   node --import tsx bench/assignment.ts [--size small|medium|full (default)]
 *   npm run bench -- assignment [--size=small] [--no-highs] [--with-functions] [--json]
 *   (HIGHS_TIMEOUT_S=900 bounds the HiGHS run per instance)
 *
 * Generates instances (expertise-tag affinities, load limits 30–40 scaled to the
 * size, ~2% random conflicts) and reports, in the same run:
 * - ours: time, peak RSS, objective (with and without the typed-array fast paths),
 * - greedy baseline: objective ratio and submissions left short,
 * - HiGHS LP solver (npm `highs`, WebAssembly): time ratio and objective equality;
 * - Clp LP solver (Debian's coinor-clp, native; `--no-clp` skips it): the same, and
 *   the LP baseline where HiGHS' 2 GB WebAssembly heap is too small.
 * Each solver runs in its own child process so peak memory is measured per solver
 * (the child's peak RSS from process.resourceUsage().maxRSS, the generated
 * instance included; a child that only generates it is reported as "instance MB").
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { solveAssignment, AssignmentInfeasibleError } from '../src/platform/assignment/solver.js';
import { clpAvailable, clpObjective } from './clp.js';
import { tagInstance, toInstance, greedy, highsObjectiveArrays, type PlainInstance } from '../src/platform/assignment/solver.reference.js';

interface Size {
  name: string;
  S: number;
  R: number;
  k: number;
  capMin: number;
  capMax: number;
}

const SIZES: Record<string, Size[]> = {
  small: [{ name: '1,000 × 100 × 3', S: 1000, R: 100, k: 3, capMin: 30, capMax: 40 }],
  medium: [
    { name: '1,000 × 100 × 3', S: 1000, R: 100, k: 3, capMin: 30, capMax: 40 },
    { name: '3,000 × 300 × 3', S: 3000, R: 300, k: 3, capMin: 30, capMax: 40 },
  ],
  full: [
    { name: '1,000 × 100 × 3', S: 1000, R: 100, k: 3, capMin: 30, capMax: 40 },
    { name: '3,000 × 300 × 3', S: 3000, R: 300, k: 3, capMin: 30, capMax: 40 },
    { name: '10,000 × 1,000 × 3', S: 10000, R: 1000, k: 3, capMin: 30, capMax: 40 },
  ],
};

type Job = { size: Size; solver: 'ours' | 'ours-fn' | 'greedy' | 'highs' | 'clp' | 'baseline'; seed: number };
type Outcome = { ms: number; peakMB: number; objective: number | null; extra?: Record<string, number> };

function makeInstance(size: Size, seed: number): PlainInstance {
  return tagInstance(seed, size.S, size.R, size.k, { capMin: size.capMin, capMax: size.capMax, pConflict: 0.02, tags: 60 });
}

async function child(job: Job): Promise<Outcome> {
  const p = makeInstance(job.size, job.seed);
  let objective: number | null = null;
  let extra: Record<string, number> | undefined;
  const t0 = performance.now();
  if (job.solver === 'ours' || job.solver === 'ours-fn') {
    try {
      objective = solveAssignment(toInstance(p, job.solver === 'ours')).objective;
    } catch (e) {
      if (!(e instanceof AssignmentInfeasibleError)) throw e;
    }
  } else if (job.solver === 'greedy') {
    const g = greedy(p);
    objective = g.objective;
    extra = { shortSubmissions: g.shortSubmissions, missing: g.missing };
  } else if (job.solver === 'highs') {
    objective = await highsObjectiveArrays(p);
  } else if (job.solver === 'clp') {
    // clp runs as its own process: report its time and peak, not this child's
    const c = await clpObjective(p);
    return { ms: c.totalMs, peakMB: c.peakMB, objective: c.objective, extra: { solveMs: c.solveMs } };
  }
  const ms = performance.now() - t0;
  // peak resident set size of this child process (the kernel's high-water mark)
  const peak = process.resourceUsage().maxRSS * 1024;
  return { ms, peakMB: peak / 2 ** 20, objective, extra };
}

/** Resolves null when the child timed out or failed (HiGHS aborts when its WebAssembly memory runs out). */
function runChild(job: Job, timeoutMs = 0): Promise<Outcome | null> {
  return new Promise((resolve, reject) => {
    const cp = fork(fileURLToPath(import.meta.url), ['--child'], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let stderr = '';
    cp.stderr!.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          cp.kill('SIGKILL');
        }, timeoutMs)
      : null;
    cp.once('message', (m) => {
      if (timer) clearTimeout(timer);
      resolve(m as Outcome);
    });
    cp.once('exit', (code) => {
      if (timer) clearTimeout(timer);
      if (timedOut) resolve(null);
      else if (code !== 0) {
        const why = stderr.split('\n').find((l) => /Error/.test(l) && l.length < 300) ?? `exit code ${code}`;
        console.log(`${job.solver} on ${job.size.name} failed: ${why.trim()}`);
        if (job.solver === 'highs' || job.solver === 'clp') resolve(null);
        else reject(new Error(`${job.solver} child exited with ${code}`));
      }
    });
    cp.send(job);
  });
}

/** Entry point for `npm run bench -- assignment [--size=small]` (bench/run.ts) and direct runs. */
export async function run(args: string[]) {
  const eq = args.find((a) => a.startsWith('--size='));
  const arg = args.indexOf('--size');
  const sizeName = eq ? eq.slice('--size='.length) : arg >= 0 ? args[arg + 1] : 'full';
  const sizes = SIZES[sizeName];
  if (!sizes) throw new Error(`unknown size ${sizeName} (small | medium | full)`);
  const withHighs = !args.includes('--no-highs');
  const withFn = args.includes('--with-functions');
  const withClp = !args.includes('--no-clp') && clpAvailable();
  if (!args.includes('--no-clp') && !withClp) console.log('clp not found (apt-get install coinor-clp): no Clp baseline');
  const rows: Record<string, unknown>[] = [];
  console.log(`reviewer assignment benchmark (${sizeName}), Node ${process.version}`);
  for (const size of sizes) {
    const seed = 42;
    const base = (await runChild({ size, solver: 'baseline', seed }))!;
    const ours = (await runChild({ size, solver: 'ours', seed }))!;
    const oursFn = withFn ? await runChild({ size, solver: 'ours-fn', seed }) : null;
    const gr = (await runChild({ size, solver: 'greedy', seed }))!;
    const hiTimeout = Number(process.env.HIGHS_TIMEOUT_S || 900) * 1000;
    const hi = withHighs ? await runChild({ size, solver: 'highs', seed }, hiTimeout) : null;
    const clp = withClp ? await runChild({ size, solver: 'clp', seed }) : null;
    if (withHighs && !hi) console.log(`HiGHS gave no answer on ${size.name} (failed, or over ${hiTimeout / 1000} s)`);
    const rel = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.abs(a - b) / Math.max(1, Math.abs(b)));
    const row = {
      instance: size.name,
      'instance MB': +base.peakMB.toFixed(0),
      'ours s': +(ours.ms / 1000).toFixed(2),
      'ours peak MB': +ours.peakMB.toFixed(0),
      'ours objective': ours.objective === null ? 'infeasible' : +ours.objective.toFixed(4),
      ...(oursFn ? { 'ours (functions) s': +(oursFn.ms / 1000).toFixed(2) } : {}),
      'greedy s': +(gr.ms / 1000).toFixed(2),
      'greedy/ours objective': ours.objective && gr.objective ? +(gr.objective / ours.objective).toFixed(4) : null,
      'greedy short papers': gr.extra?.shortSubmissions ?? null,
      'greedy missing reviews': gr.extra?.missing ?? null,
      ...(withHighs && !hi ? { HiGHS: 'no answer (see above)' } : {}),
      ...(hi
        ? {
            'HiGHS s': +(hi.ms / 1000).toFixed(2),
            'HiGHS peak MB': +hi.peakMB.toFixed(0),
            'HiGHS objective': hi.objective === null ? 'infeasible' : +hi.objective.toFixed(4),
            'HiGHS/ours time': +(hi.ms / ours.ms).toFixed(1),
            'objective rel. diff': rel(ours.objective, hi.objective),
          }
        : {}),
      ...(clp
        ? {
            'Clp s': +(clp.ms / 1000).toFixed(2),
            'Clp solve s': +(clp.extra!.solveMs / 1000).toFixed(2),
            'Clp peak MB': +clp.peakMB.toFixed(0),
            'Clp objective': clp.objective === null ? 'infeasible' : +clp.objective.toFixed(4),
            'Clp solve/ours time': +(clp.extra!.solveMs / ours.ms).toFixed(1),
            'objective rel. diff (Clp)': rel(ours.objective, clp.objective),
          }
        : {}),
    };
    rows.push(row);
    console.log(JSON.stringify(row, null, 1));
  }
  if (args.includes('--json')) console.log(JSON.stringify(rows));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--child')) {
    process.once('message', async (job: Job) => {
      const out = await child(job);
      process.send!(out, () => process.exit(0));
    });
  } else {
    await run(process.argv.slice(2));
  }
}
