/**
 * Test and benchmark helpers for the assignment solver: the same problem as an LP
 * for the HiGHS solver (npm `highs`, a devDependency: never import this file from
 * production code), an independent constraint checker, and a greedy baseline.
 *
 * The constraint matrix (submission rows = k, reviewer rows ≤ capacity, 0 ≤ x ≤ 1)
 * is totally unimodular, so the LP optimum equals the integer optimum.
 */
import type { AssignmentInstance, AssignmentResult } from './solver.js';

export interface PlainInstance {
  S: number;
  R: number;
  k: number;
  capacity: Int32Array;
  /** row-major S × R */
  affinity: Float64Array;
  /** row-major S × R, 1 = forbidden */
  forbidden: Uint8Array;
  /** pairs of indices [s, r] */
  pinned: Array<[number, number]>;
}

export function toInstance(p: PlainInstance, fastPaths = false): AssignmentInstance {
  const submissions = Array.from({ length: p.S }, (_, i) => `s${i}`);
  const reviewers = Array.from({ length: p.R }, (_, j) => ({ id: `r${j}`, capacity: p.capacity[j] }));
  const idx = (id: string) => Number(id.slice(1));
  const inst: AssignmentInstance = {
    submissions,
    reviewers,
    k: p.k,
    affinity: (s, r) => p.affinity[idx(s) * p.R + idx(r)],
    forbidden: (s, r) => p.forbidden[idx(s) * p.R + idx(r)] === 1,
    pinned: p.pinned.map(([s, r]) => [`s${s}`, `r${r}`] as [string, string]),
  };
  if (fastPaths) {
    inst.affinityMatrix = p.affinity;
    const set = new Set<number>();
    for (let i = 0; i < p.forbidden.length; i++) if (p.forbidden[i]) set.add(i);
    inst.forbiddenPairs = set;
  }
  return inst;
}

/**
 * CPLEX LP text of the instance (forbidden pairs left out, pinned pairs fixed to 1).
 * mode 'maxflow': maximize the number of reviews placed with submission rows ≤ k
 * (S·k minus its optimum is the least possible number of missing reviews).
 */
export function toLpText(p: PlainInstance, mode: 'affinity' | 'maxflow' = 'affinity'): string {
  const { S, R, k } = p;
  const pinned = new Set(p.pinned.map(([s, r]) => s * R + r));
  const obj: string[] = [];
  const subRows: string[][] = Array.from({ length: S }, () => []);
  const revRows: string[][] = Array.from({ length: R }, () => []);
  const bounds: string[] = [];
  for (let s = 0; s < S; s++) {
    for (let r = 0; r < R; r++) {
      const i = s * R + r;
      if (p.forbidden[i]) continue;
      const v = `x_${s}_${r}`;
      const a = mode === 'maxflow' ? 1 : p.affinity[i];
      obj.push(`${a < 0 ? '-' : '+'} ${Math.abs(a)} ${v}`);
      subRows[s].push(v);
      revRows[r].push(v);
      bounds.push(pinned.has(i) ? ` ${v} = 1` : ` 0 <= ${v} <= 1`);
    }
  }
  const lines = ['Maximize', ` obj: ${obj.length ? obj.join(' ') : '0 x_dummy'}`, 'Subject To'];
  const rel = mode === 'maxflow' ? '<=' : '=';
  for (let s = 0; s < S; s++) lines.push(` s${s}: ${subRows[s].length ? subRows[s].join(' + ') : '0 x_dummy'} ${rel} ${k}`);
  for (let r = 0; r < R; r++) if (revRows[r].length) lines.push(` r${r}: ${revRows[r].join(' + ')} <= ${p.capacity[r]}`);
  lines.push('Bounds', ...bounds);
  if (!obj.length || subRows.some((x) => !x.length)) lines.push(' x_dummy = 0');
  lines.push('End');
  return lines.join('\n');
}

type Highs = Awaited<ReturnType<typeof import('highs').default>>;
let highsPromise: Promise<Highs> | null = null;
export function loadHighs(): Promise<Highs> {
  highsPromise ??= import('highs').then((m) => m.default());
  return highsPromise;
}

/** Optimal objective by HiGHS from LP text, or null when infeasible. */
export async function highsObjectiveLp(p: PlainInstance): Promise<number | null> {
  const highs = await loadHighs();
  const res = highs.solve(toLpText(p), { output_flag: false });
  if (res.Status === 'Infeasible') return null;
  if (res.Status !== 'Optimal') throw new Error(`HiGHS: ${res.Status}`);
  return res.ObjectiveValue;
}

/** Least possible number of missing reviews (S·k − max placeable), by HiGHS. */
export async function highsLeastMissing(p: PlainInstance): Promise<number> {
  const highs = await loadHighs();
  const res = highs.solve(toLpText(p, 'maxflow'), { output_flag: false });
  if (res.Status !== 'Optimal') throw new Error(`HiGHS: ${res.Status}`);
  return p.S * p.k - Math.round(res.ObjectiveValue);
}

/**
 * HiGHS on the big instance, built from sparse arrays (CSC) so that LP text
 * parsing does not dominate. Returns the objective or null when infeasible.
 */
export async function highsObjectiveArrays(p: PlainInstance): Promise<number | null> {
  const highs = await loadHighs();
  const { S, R, k } = p;
  let n = 0;
  for (let i = 0; i < S * R; i++) if (!p.forbidden[i]) n++;
  const colCost = new Float64Array(n);
  const colLower = new Float64Array(n);
  const colUpper = new Float64Array(n).fill(1);
  const starts = new Int32Array(n + 1);
  const indices = new Int32Array(2 * n);
  const values = new Float64Array(2 * n).fill(1);
  const pinned = new Set(p.pinned.map(([s, r]) => s * R + r));
  let c = 0;
  for (let s = 0; s < S; s++) {
    for (let r = 0; r < R; r++) {
      const i = s * R + r;
      if (p.forbidden[i]) continue;
      colCost[c] = p.affinity[i];
      if (pinned.has(i)) colLower[c] = 1;
      starts[c] = 2 * c;
      indices[2 * c] = s;
      indices[2 * c + 1] = S + r;
      c++;
    }
  }
  starts[n] = 2 * n;
  const rowLower = new Float64Array(S + R);
  const rowUpper = new Float64Array(S + R);
  for (let s = 0; s < S; s++) rowLower[s] = rowUpper[s] = k;
  for (let r = 0; r < R; r++) {
    rowLower[S + r] = -highs.infinity;
    rowUpper[S + r] = p.capacity[r];
  }
  const model = highs.createModel({
    numCols: n,
    numRows: S + R,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows: S + R, numCols: n, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false });
    model.run();
    const status = model.getModelStatus();
    if (status === highs.constants.modelStatus.infeasible) return null;
    if (status !== highs.constants.modelStatus.optimal) throw new Error(`HiGHS status ${status}`);
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}

/** Independent check of every constraint; returns the list of violations (empty = valid). */
export function violations(p: PlainInstance, res: AssignmentResult): string[] {
  const out: string[] = [];
  const { S, R, k } = p;
  const per = new Int32Array(S);
  const load = new Int32Array(R);
  const seen = new Set<number>();
  let objective = 0;
  for (const [sid, rid] of res.pairs) {
    const s = Number(sid.slice(1));
    const r = Number(rid.slice(1));
    if (!(s >= 0 && s < S && r >= 0 && r < R) || `s${s}` !== sid || `r${r}` !== rid) {
      out.push(`unknown pair ${sid}/${rid}`);
      continue;
    }
    const i = s * R + r;
    if (seen.has(i)) out.push(`duplicate pair ${sid}/${rid}`);
    seen.add(i);
    if (p.forbidden[i]) out.push(`forbidden pair used ${sid}/${rid}`);
    per[s]++;
    load[r]++;
    objective += p.affinity[i];
  }
  for (let s = 0; s < S; s++) if (per[s] !== k) out.push(`s${s} has ${per[s]} reviewers, expected ${k}`);
  for (let r = 0; r < R; r++) if (load[r] > p.capacity[r]) out.push(`r${r} has ${load[r]} > capacity ${p.capacity[r]}`);
  for (const [s, r] of p.pinned) if (!seen.has(s * R + r)) out.push(`pinned pair s${s}/r${r} missing`);
  if (Math.abs(objective - res.objective) > 1e-6 * Math.max(1, Math.abs(objective)))
    out.push(`objective ${res.objective} != recomputed ${objective}`);
  return out;
}

/**
 * Greedy baseline: all allowed pairs by affinity descending, take a pair while the
 * submission needs reviewers and the reviewer has room. Returns its objective and
 * how many submissions are left short.
 */
export function greedy(p: PlainInstance): { objective: number; shortSubmissions: number; missing: number } {
  const { S, R, k } = p;
  const per = new Int32Array(S);
  const load = new Int32Array(R);
  let objective = 0;
  for (const [s, r] of p.pinned) {
    per[s]++;
    load[r]++;
    objective += p.affinity[s * R + r];
  }
  const pinned = new Set(p.pinned.map(([s, r]) => s * R + r));
  let n = 0;
  for (let i = 0; i < S * R; i++) if (!p.forbidden[i] && !pinned.has(i)) n++;
  const idx = new Int32Array(n);
  n = 0;
  for (let i = 0; i < S * R; i++) if (!p.forbidden[i] && !pinned.has(i)) idx[n++] = i;
  const keys = new Float64Array(n);
  for (let j = 0; j < n; j++) keys[j] = p.affinity[idx[j]];
  const order = Uint32Array.from({ length: n }, (_, j) => j).sort((a, b) => keys[b] - keys[a]);
  for (let j = 0; j < n; j++) {
    const i = idx[order[j]];
    const s = Math.floor(i / R);
    const r = i - s * R;
    if (per[s] < k && load[r] < p.capacity[r]) {
      per[s]++;
      load[r]++;
      objective += p.affinity[i];
    }
  }
  let shortSubmissions = 0;
  let missing = 0;
  for (let s = 0; s < S; s++) {
    if (per[s] < k) {
      shortSubmissions++;
      missing += k - per[s];
    }
  }
  return { objective, shortSubmissions, missing };
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Instance with expertise tags: each submission has 1–4 tags, each reviewer 3–8,
 * drawn with a skewed popularity; affinity = shared tags / sqrt(|s| · |r|) plus
 * a small bid term. Capacity in [capMin, capMax], conflicts with probability pConflict.
 */
export function tagInstance(
  seed: number,
  S: number,
  R: number,
  k: number,
  opts: { capMin: number; capMax: number; pConflict: number; tags?: number; pins?: number; decimals?: number },
): PlainInstance {
  const rand = rng(seed);
  const T = opts.tags ?? 60;
  const pick = () => Math.floor(T * rand() * rand()); // skewed: low tags are popular
  const tagsOf = (min: number, max: number) => {
    const n = Math.min(T, min + Math.floor(rand() * (max - min + 1)));
    const set = new Set<number>();
    while (set.size < n) set.add(pick());
    return [...set];
  };
  const sTags = Array.from({ length: S }, () => tagsOf(1, 4));
  const rMask: Uint8Array[] = [];
  const rCount = new Int32Array(R);
  for (let r = 0; r < R; r++) {
    const m = new Uint8Array(T);
    const t = tagsOf(3, 8);
    for (const x of t) m[x] = 1;
    rMask.push(m);
    rCount[r] = t.length;
  }
  const affinity = new Float64Array(S * R);
  const forbidden = new Uint8Array(S * R);
  const dec = opts.decimals;
  const f = dec === undefined ? 0 : 10 ** dec;
  for (let s = 0; s < S; s++) {
    const st = sTags[s];
    for (let r = 0; r < R; r++) {
      let shared = 0;
      const m = rMask[r];
      for (const x of st) shared += m[x];
      let a = shared / Math.sqrt(st.length * rCount[r]) + 0.1 * rand();
      if (f) a = Math.round(a * f) / f;
      affinity[s * R + r] = a;
      if (rand() < opts.pConflict) forbidden[s * R + r] = 1;
    }
  }
  const capacity = new Int32Array(R);
  for (let r = 0; r < R; r++) capacity[r] = opts.capMin + Math.floor(rand() * (opts.capMax - opts.capMin + 1));
  const pinned: Array<[number, number]> = [];
  const pinsWanted = opts.pins ?? 0;
  const perS = new Int32Array(S);
  const load = new Int32Array(R);
  for (let tries = 0; pinned.length < pinsWanted && tries < pinsWanted * 20; tries++) {
    const s = Math.floor(rand() * S);
    const r = Math.floor(rand() * R);
    const i = s * R + r;
    if (forbidden[i] || perS[s] >= k || load[r] >= capacity[r] || pinned.some(([a, b]) => a === s && b === r)) continue;
    perS[s]++;
    load[r]++;
    pinned.push([s, r]);
  }
  return { S, R, k, capacity, affinity, forbidden, pinned };
}
