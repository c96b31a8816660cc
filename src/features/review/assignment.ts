/**
 * Optimal reviewer assignment (issue 5, "Automatic assignment").
 *
 * Every submission gets exactly `k` distinct reviewers, no reviewer exceeds its
 * capacity (load limit), forbidden pairs (conflicts of interest, staff "never")
 * are never used, pinned pairs (staff "always", manual changes kept on a re-run)
 * are always used and count toward `k` and the capacity, and the total affinity
 * is maximized. The answer is optimal, not greedy.
 *
 * The problem is a min-cost flow (transportation problem with unit arc
 * capacities): source → submission (capacity k − pins), submission → reviewer
 * (capacity 1, cost −affinity), reviewer → sink (capacity − pins). HotCRP's
 * autoassigner solves the same model with a cost-scaling push-relabel over one
 * object per paper × reviewer edge. We do better on large instances:
 *
 * 1. Candidate graph. Each submission keeps only its L best allowed reviewers
 *    (L = 4k + 8 by default), ranked by affinity minus a reviewer "price" that is
 *    estimated by first solving a 1-in-4 sample of the submissions (recursively,
 *    capacities scaled down): popular reviewers who will be full anyway are not
 *    the only candidates. A 10,000 × 1,000 instance becomes ~200,000 arcs
 *    instead of 10,000,000, in typed arrays (CSR), no per-arc objects.
 * 2. Cost scaling (Goldberg's push/relabel, ε ← ε/4; costs × (n + 1) so that a
 *    1-optimal flow is optimal), started from the capacity-ignoring optimum
 *    (each submission takes its k best). A dummy arc submission → sink with a
 *    prohibitive cost M carries whatever cannot be placed, so the same run
 *    yields the least possible number of missing reviews when infeasible.
 * 3. Certificate on the full graph. With the final prices π, every allowed pair
 *    (s, r) outside the candidate graph is checked: reduced cost
 *    c(s,r)·(n+1) + π(s) − π(r) < −1 would break optimality on the complete
 *    graph. Such arcs are added and repaired: a few by successive shortest
 *    paths (Dijkstra with exact potentials, obtained once from the 1-optimal
 *    prices by a Bellman–Ford pass), many by another cost-scaling run. When no
 *    pair violates, the optimality conditions hold on the whole instance: the
 *    answer is optimal, not just optimal on the candidate graph.
 *
 * Costs are integers: affinities with up to six decimals are used exactly;
 * others are quantized to 2^-b of their range, b = min(30, 50 − 2·log2(2n + 4))
 * with n = S + R (b = 21 at 10,000 × 1,000), so that prices stay exact doubles.
 * The total then differs from the true optimum by at most
 * (assigned pairs) × range × 2^-b, and in practice by nothing measurable
 * (the benchmark matches HiGHS to 1e-15).
 *
 * Fast paths for big instances (the functions are then not called):
 * - `affinityMatrix`: Float64Array of length S × R, row = submission index (as in
 *   `submissions`), column = reviewer index (as in `reviewers`).
 * - `forbiddenPairs`: a Set of pair indices s × R + r (same indexing). Pairs not
 *   in the set are allowed.
 * Without them `affinity` and `forbidden` are called once for every pair (the
 * affinities are copied into a Float64Array of S × R entries: 80 MB for
 * 10,000 × 1,000).
 *
 * Pure module: no dependencies, no I/O.
 */

export interface AssignmentInstance {
  submissions: string[];
  reviewers: { id: string; capacity: number }[];
  /** Reviews per submission (the same for every submission). */
  k: number;
  /** Higher is better. Must return a finite number. */
  affinity: (s: string, r: string) => number;
  /** True when the reviewer must never review the submission (conflict, staff veto). */
  forbidden: (s: string, r: string) => boolean;
  /** Pairs [submission, reviewer] that must be in the answer. */
  pinned?: Array<[string, string]>;
  /** Optional fast path: dense affinities, index s × reviewers.length + r. Replaces `affinity`. */
  affinityMatrix?: Float64Array;
  /** Optional fast path: forbidden pair indices s × reviewers.length + r. Replaces `forbidden`. */
  forbiddenPairs?: ReadonlySet<number>;
  /** Tuning only: candidate reviewers kept per submission before the certificate scan (default 4k + 8); any value gives the optimum. */
  candidatesPerSubmission?: number;
}

export interface AssignmentResult {
  /** [submission, reviewer], pinned pairs included, grouped by submission in input order. */
  pairs: Array<[string, string]>;
  /** Sum of affinity over all pairs (pinned pairs included). */
  objective: number;
}

export class AssignmentInfeasibleError extends Error {
  readonly code = 'assignment_infeasible';
  constructor(
    readonly shortfall: { submission: string; missing: number }[],
    readonly k: number,
  ) {
    const missing = shortfall.reduce((n, x) => n + x.missing, 0);
    const subs = shortfall.length;
    super(
      `${subs} submission${subs === 1 ? '' : 's'} cannot get ${k} reviewer${k === 1 ? '' : 's'}: ` +
        `${missing} review${missing === 1 ? '' : 's'} missing; add reviewers or raise load limits`,
    );
    this.name = 'AssignmentInfeasibleError';
  }
}

export type AssignmentInputErrorCode =
  | 'invalid_k'
  | 'invalid_capacity'
  | 'duplicate_submission'
  | 'duplicate_reviewer'
  | 'unknown_pin'
  | 'pinned_forbidden'
  | 'too_many_pins'
  | 'pins_exceed_capacity'
  | 'invalid_affinity'
  | 'invalid_matrix';

/** The instance contradicts itself (e.g. a pinned pair is also forbidden); `pairs` names the culprits. */
export class AssignmentInputError extends Error {
  constructor(
    readonly code: AssignmentInputErrorCode,
    message: string,
    readonly pairs: Array<[string, string]> = [],
  ) {
    super(message);
    this.name = 'AssignmentInputError';
  }
}

// ---------------------------------------------------------------------------

/** Cost-scaling factor: ε ← ε / ALPHA per phase (4 needed the fewest relabels on the benchmark). */
const ALPHA = 4;
/** Up to max(SSP_MIN, S / SSP_FRACTION) violating arcs are repaired by shortest paths. */
const SSP_MIN = 200;
const SSP_FRACTION = 20;
const MAX_DECIMALS = 6;
const QUANT_BITS = 30;

export function solveAssignment(inst: AssignmentInstance): AssignmentResult {
  const subs = inst.submissions;
  const revs = inst.reviewers;
  const S = subs.length;
  const R = revs.length;
  const k = inst.k;
  if (!Number.isInteger(k) || k < 0) throw new AssignmentInputError('invalid_k', `k must be a non-negative integer, got ${k}`);

  const subIndex = new Map<string, number>();
  subs.forEach((id, i) => {
    if (subIndex.has(id)) throw new AssignmentInputError('duplicate_submission', `submission ${id} is listed twice`);
    subIndex.set(id, i);
  });
  const revIndex = new Map<string, number>();
  const cap = new Int32Array(R);
  revs.forEach((r, j) => {
    if (revIndex.has(r.id)) throw new AssignmentInputError('duplicate_reviewer', `reviewer ${r.id} is listed twice`);
    revIndex.set(r.id, j);
    if (!Number.isFinite(r.capacity) || r.capacity < 0)
      throw new AssignmentInputError('invalid_capacity', `reviewer ${r.id} has an invalid capacity ${r.capacity}`);
    cap[j] = Math.min(Math.floor(r.capacity), 0x3fffffff);
  });
  if (S === 0 || k === 0) {
    // Nothing to choose; pins are still honoured and checked.
    return finish(inst, subIndex, revIndex, cap, k, new Int32Array(0), new Int32Array(S + 1), null, null);
  }

  let A = inst.affinityMatrix;
  if (A && A.length !== S * R)
    throw new AssignmentInputError('invalid_matrix', `affinityMatrix has ${A.length} entries, expected ${S * R}`);
  if (!A) {
    // materialize once: the affinity function is called exactly once per pair
    A = new Float64Array(S * R);
    for (let s = 0; s < S; s++) {
      const sid = subs[s];
      const base = s * R;
      for (let r = 0; r < R; r++) A[base + r] = inst.affinity(sid, revs[r].id);
    }
  }

  // Forbidden bitmap (1 byte per pair), pins marked 2 (excluded from the flow).
  const forb = new Uint8Array(S * R);
  if (inst.forbiddenPairs) {
    for (const p of inst.forbiddenPairs) if (p >= 0 && p < S * R) forb[p] = 1;
  } else {
    for (let s = 0; s < S; s++) {
      const sid = subs[s];
      const base = s * R;
      for (let r = 0; r < R; r++) if (inst.forbidden(sid, revs[r].id)) forb[base + r] = 1;
    }
  }

  // Pins.
  const need = new Int32Array(S).fill(k);
  const pinnedPairs = checkPins(inst, subIndex, revIndex, forb, need, cap, S, R, k);

  // Integer costs: cost = qMax − round(affinity × scale) ≥ 0.
  const st = affinityStats(A, forb, S * R);
  const scale = chooseScale(st.amin, st.amax, st.decimals, S + R);
  const qMax = Math.round(st.amax * scale);
  const units: CostUnits = { scale, qMax, cMax: Math.max(1, qMax - Math.round(st.amin * scale)) };
  const L = Math.max(1, Math.min(R, inst.candidatesPerSubmission ?? 4 * k + 8));

  const flow = solveCore(S, R, need, cap, forb, A, L, units, true);

  const chosen = flow.extract();
  return finish(inst, subIndex, revIndex, cap, k, chosen.revs, chosen.start, flow.dummyFlow, pinnedPairs);
}

interface CostUnits {
  scale: number;
  qMax: number;
  cMax: number;
}

/** Below this many submissions the candidate graph is chosen by affinity alone. */
const SAMPLE_MIN = 1500;
const SAMPLE_EVERY = 4;

/**
 * Solve on a candidate graph. Large instances first solve a sample (every 4th
 * submission, capacities scaled down) to estimate the reviewers' prices, then
 * pick each submission's candidates by affinity minus price: the popular
 * reviewers, who will be full, are not the only candidates, and the certificate
 * scan then rarely finds anything to add.
 */
function solveCore(
  S: number,
  R: number,
  need: Int32Array,
  cap: Int32Array,
  forb: Uint8Array,
  A: Float64Array,
  L: number,
  units: CostUnits,
  sample: boolean,
): FlowState {
  let bonus: Float64Array | null = null;
  if (sample && S >= SAMPLE_MIN) {
    const Ss = Math.ceil(S / SAMPLE_EVERY);
    const needS = new Int32Array(Ss);
    const forbS = new Uint8Array(Ss * R);
    const AS = new Float64Array(Ss * R);
    for (let i = 0; i < Ss; i++) {
      const s = i * SAMPLE_EVERY;
      needS[i] = need[s];
      forbS.set(forb.subarray(s * R, s * R + R), i * R);
      AS.set(A.subarray(s * R, s * R + R), i * R);
    }
    const frac = Ss / S;
    const capS = new Int32Array(R);
    for (let r = 0; r < R; r++) capS[r] = Math.round(cap[r] * frac);
    const sub = solveCore(Ss, R, needS, capS, forbS, AS, L, units, true);
    bonus = new Float64Array(R);
    const piT = sub.pi[sub.T];
    for (let r = 0; r < R; r++) bonus[r] = (sub.pi[Ss + r] - piT) / sub.mult;
  }
  const cand = selectCandidates(S, R, L, forb, A, need, units.scale, bonus);
  // A missing review costs more than any chain of real re-assignments.
  const M = (2 * (S + R) + 4) * (units.cMax + 1);
  const flow = new FlowState(S, R, need, cap, M);
  flow.setCandidates(cand.start, cand.rev, (s, r) => units.qMax - Math.round(A[s * R + r] * units.scale));
  flow.initialize(bonus);
  flow.costScaling(units.cMax * flow.mult);
  // Certificate scan over the full graph (every allowed pair); add violating arcs until
  // none remain. Then the flow is 1-optimal in costs × (n + 1) on the complete graph,
  // hence optimal for the whole instance.
  const mark = new Int32Array(R).fill(-1);
  for (;;) {
    const { added, worst } = flow.scanViolations(forb, A, units, mark, L);
    if (added === 0) break;
    if (worst > 0) flow.costScaling(worst);
  }

  return flow;
}

function affinityStats(A: Float64Array, forb: Uint8Array, n: number): { amin: number; amax: number; decimals: number } {
  let amin = Infinity;
  let amax = -Infinity;
  let decimals = 0;
  for (let i = 0; i < n; i++) {
    if (forb[i] === 1) continue;
    const a = A[i];
    if (a < amin || a > amax) {
      if (!Number.isFinite(a)) throw new AssignmentInputError('invalid_affinity', `affinity is not a finite number for a pair`);
      if (a < amin) amin = a;
      if (a > amax) amax = a;
    }
    if (decimals <= MAX_DECIMALS && a !== Math.round(a)) {
      const d = decimalsOf(a);
      if (d > decimals) decimals = d;
    }
  }
  if (amin === Infinity) return { amin: 0, amax: 0, decimals: 0 };
  return { amin, amax, decimals };
}

// ---------------------------------------------------------------------------

function checkPins(
  inst: AssignmentInstance,
  subIndex: Map<string, number>,
  revIndex: Map<string, number>,
  forb: Uint8Array,
  need: Int32Array,
  cap: Int32Array,
  S: number,
  R: number,
  k: number,
): Int32Array {
  const pins = inst.pinned ?? [];
  const out: number[] = [];
  const bad: Array<[string, string]> = [];
  const forbidden: Array<[string, string]> = [];
  for (const [sid, rid] of pins) {
    const s = subIndex.get(sid);
    const r = revIndex.get(rid);
    if (s === undefined || r === undefined) {
      bad.push([sid, rid]);
      continue;
    }
    const p = s * R + r;
    if (forb[p] === 2) continue; // duplicate pin
    if (forb[p] === 1) {
      forbidden.push([sid, rid]);
      continue;
    }
    forb[p] = 2;
    out.push(s, r);
  }
  if (bad.length) throw new AssignmentInputError('unknown_pin', `pinned pair names an unknown submission or reviewer: ${fmt(bad)}`, bad);
  if (forbidden.length)
    throw new AssignmentInputError(
      'pinned_forbidden',
      `pinned pair is also forbidden (conflict of interest?): ${fmt(forbidden)}`,
      forbidden,
    );
  const overS: Array<[string, string]> = [];
  for (let i = 0; i < out.length; i += 2) {
    const s = out[i];
    const r = out[i + 1];
    need[s]--;
    cap[r]--;
  }
  for (let i = 0; i < out.length; i += 2) {
    if (need[out[i]] < 0) overS.push([inst.submissions[out[i]], inst.reviewers[out[i + 1]].id]);
  }
  if (overS.length)
    throw new AssignmentInputError('too_many_pins', `a submission has more than ${k} pinned reviewers: ${fmt(overS)}`, overS);
  const overR: Array<[string, string]> = [];
  for (let i = 0; i < out.length; i += 2) {
    if (cap[out[i + 1]] < 0) overR.push([inst.submissions[out[i]], inst.reviewers[out[i + 1]].id]);
  }
  if (overR.length)
    throw new AssignmentInputError(
      'pins_exceed_capacity',
      `a reviewer has more pinned submissions than their load limit: ${fmt(overR)}`,
      overR,
    );
  void S;
  return Int32Array.from(out);
}

function fmt(pairs: Array<[string, string]>): string {
  const shown = pairs.slice(0, 5).map(([s, r]) => `${s} / ${r}`);
  return shown.join(', ') + (pairs.length > 5 ? ` and ${pairs.length - 5} more` : '');
}

function decimalsOf(a: number): number {
  let x = a;
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    if (Math.abs(x - Math.round(x)) <= 1e-9 * Math.max(1, Math.abs(x))) return d;
    x *= 10;
  }
  return MAX_DECIMALS + 1;
}

function chooseScale(amin: number, amax: number, decimals: number, nodes: number): number {
  const range = Math.max(amax - amin, Math.abs(amax), Math.abs(amin), 1e-300);
  // keep every potential and path length (≤ a few × nodes × cost range) an exact double
  const bits = Math.min(QUANT_BITS, Math.floor(50 - 2 * Math.log2(2 * nodes + 4)));
  const limit = 2 ** bits;
  if (decimals <= MAX_DECIMALS) {
    const sc = 10 ** decimals;
    if (range * sc <= limit) return sc;
  }
  return limit / range;
}

interface Candidates {
  start: Int32Array; // S + 1
  rev: Int32Array; // reviewer per candidate, sorted by affinity descending within a submission
}

/** Top L allowed reviewers per submission by affinity × scale + bonus[reviewer]. */
function selectCandidates(
  S: number,
  R: number,
  L: number,
  forb: Uint8Array,
  A: Float64Array,
  need: Int32Array,
  scale: number,
  bonus: Float64Array | null,
): Candidates {
  const start = new Int32Array(S + 1);
  const rev = new Int32Array(S * L);
  const hv = new Float64Array(L); // min-heap of the best L keys of a row
  const hi = new Int32Array(L);
  const zero = new Float64Array(R);
  const b = bonus ?? zero;
  const sc = bonus ? scale : 1;
  const tmp: number[] = [];
  let n = 0;
  for (let s = 0; s < S; s++) {
    start[s] = n;
    if (need[s] === 0) continue;
    const base = s * R;
    let size = 0;
    for (let r = 0; r < R; r++) {
      if (forb[base + r] !== 0) continue;
      const a = A[base + r] * sc + b[r];
      if (size < L) {
        let i = size++;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (hv[p] <= a) break;
          hv[i] = hv[p];
          hi[i] = hi[p];
          i = p;
        }
        hv[i] = a;
        hi[i] = r;
      } else if (a > hv[0]) {
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= L) break;
          if (c + 1 < L && hv[c + 1] < hv[c]) c++;
          if (hv[c] >= a) break;
          hv[i] = hv[c];
          hi[i] = hi[c];
          i = c;
        }
        hv[i] = a;
        hi[i] = r;
      }
    }
    // by affinity descending (ties: reviewer order)
    tmp.length = 0;
    for (let i = 0; i < size; i++) tmp.push(hi[i]);
    tmp.sort((x, y) => A[base + y] - A[base + x] || x - y);
    for (let i = 0; i < size; i++) rev[n + i] = tmp[i];
    n += size;
  }
  start[S] = n;
  return { start, rev: rev.subarray(0, n) };
}

// ---------------------------------------------------------------------------
// Min-cost flow on the candidate graph.
//
// Nodes: submissions 0..S-1, reviewers S..S+R-1, sink T = S+R.
// Arcs come in pairs (forward, reverse) in a CSR layout; `mate[e]` is the pair.
// Kinds of forward arcs: submission → reviewer (cap 1), reviewer → T (cap load),
// submission → T dummy (cap need, cost M).

class FlowState {
  readonly n: number;
  readonly T: number;
  /** costs in the residual graph are multiplied by n + 1: 1-optimal ⇒ optimal */
  readonly mult: number;
  pi: Float64Array;
  excess: Float64Array; // > 0 supply left, < 0 demand left
  dummyFlow: Int32Array;

  // candidate arcs (per submission, in CSR order), with their flow
  candStart: Int32Array = new Int32Array(0);
  candRev: Int32Array = new Int32Array(0);
  candCost: Float64Array = new Float64Array(0);
  candFlow: Uint8Array = new Uint8Array(0);
  load: Int32Array; // flow reviewer → T

  // residual graph (rebuilt whenever arcs are added)
  first: Int32Array = new Int32Array(0);
  head: Int32Array = new Int32Array(0);
  rcap: Int32Array = new Int32Array(0);
  cost: Float64Array = new Float64Array(0);
  mate: Int32Array = new Int32Array(0);
  tail: Int32Array = new Int32Array(0);
  // arcs with residual capacity, per node: slot[first[u] .. first[u] + live[u])
  live: Int32Array = new Int32Array(0);
  slot: Int32Array = new Int32Array(0);
  slotPos: Int32Array = new Int32Array(0);
  candArc: Int32Array = new Int32Array(0); // candidate j → its forward arc
  dummyArc: Int32Array = new Int32Array(0); // submission → its dummy arc to T
  tArc: Int32Array = new Int32Array(0); // reviewer → its arc to T

  // Dijkstra scratch
  dist: Float64Array;
  parent: Int32Array;
  stamp: Int32Array;
  done: Int32Array;
  epoch = 0;
  /** true when π is exact (0-optimal), false when only 1-optimal (after cost scaling) */
  exact = false;
  heapK: Float64Array = new Float64Array(0);
  heapV: Int32Array = new Int32Array(0);
  visited: Int32Array;

  constructor(
    readonly S: number,
    readonly R: number,
    readonly need: Int32Array,
    readonly cap: Int32Array,
    readonly M: number,
  ) {
    this.n = S + R + 1;
    this.mult = this.n + 1;
    this.T = S + R;
    this.pi = new Float64Array(this.n);
    this.excess = new Float64Array(this.n);
    this.dummyFlow = new Int32Array(S);
    this.load = new Int32Array(R);
    this.dist = new Float64Array(this.n);
    this.parent = new Int32Array(this.n);
    this.stamp = new Int32Array(this.n);
    this.done = new Int32Array(this.n);
    this.visited = new Int32Array(this.n);
  }

  setCandidates(start: Int32Array, rev: Int32Array, cost: (s: number, r: number) => number) {
    this.candStart = start;
    this.candRev = rev;
    const c = new Float64Array(rev.length);
    for (let s = 0; s < this.S; s++) for (let j = start[s]; j < start[s + 1]; j++) c[j] = cost(s, rev[j]);
    this.candCost = c;
    this.candFlow = new Uint8Array(rev.length);
  }

  /**
   * Starting pseudo-flow for reviewer prices `price` (in cost units, ≤ 0 for reviewers in
   * demand; all 0 without an estimate): every submission takes its `need` cheapest arcs
   * by cost − price, ignoring capacities; π(s) makes all of s's arcs 0-optimal.
   */
  initialize(price: Float64Array | null) {
    const { S, R, T, need, cap, M, pi, excess, candStart, candCost, candRev, candFlow, dummyFlow, load, mult } = this;
    for (let r = 0; r < R; r++) pi[S + r] = price ? Math.round(price[r] * mult) : 0;
    pi[T] = 0;
    const inflow = new Int32Array(R);
    const pick: number[] = [];
    for (let s = 0; s < S; s++) {
      const a = candStart[s];
      const b = candStart[s + 1];
      const take = Math.min(need[s], b - a);
      // the `take` smallest keys (take ≤ k is small: repeated selection)
      pick.length = 0;
      let last = 0;
      for (let t = 0; t < take; t++) {
        let best = -1;
        let bestKey = Infinity;
        for (let j = a; j < b; j++) {
          if (candFlow[j]) continue;
          const key = candCost[j] * mult - pi[S + candRev[j]];
          if (key < bestKey) {
            bestKey = key;
            best = j;
          }
        }
        candFlow[best] = 1;
        inflow[candRev[best]]++;
        last = bestKey;
      }
      dummyFlow[s] = need[s] - take;
      // π(s) = −(reduced key of the need-th cheapest option), the dummy counting as cost M
      if (dummyFlow[s] > 0) pi[s] = -M * mult;
      else if (take > 0) pi[s] = -last;
      else {
        let m = Infinity;
        for (let j = a; j < b; j++) m = Math.min(m, candCost[j] * mult - pi[S + candRev[j]]);
        pi[s] = m === Infinity ? 0 : -m;
      }
    }
    let deficitT = 0;
    for (let r = 0; r < R; r++) {
      load[r] = Math.min(inflow[r], cap[r]);
      excess[S + r] = inflow[r] - load[r];
      deficitT += excess[S + r];
    }
    excess[T] = -deficitT;
    this.build();
  }

  /** (Re)build the residual CSR graph from the current flow. */
  build() {
    const { S, R, n, T, need, cap, M, candStart, candRev, candCost, candFlow, dummyFlow, load, mult } = this;
    const nc = candRev.length;
    const deg = new Int32Array(n + 1);
    for (let s = 0; s < S; s++) {
      deg[s] += candStart[s + 1] - candStart[s] + 1;
      deg[T]++;
    }
    for (let j = 0; j < nc; j++) deg[S + candRev[j]]++;
    for (let r = 0; r < R; r++) {
      deg[S + r]++;
      deg[T]++;
    }
    const first = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) first[v + 1] = first[v] + deg[v];
    const m = first[n];
    const pos = first.slice(0, n);
    const head = new Int32Array(m);
    const rcap = new Int32Array(m);
    const cost = new Float64Array(m);
    const mate = new Int32Array(m);
    const tail = new Int32Array(m);
    const candArc = new Int32Array(nc);
    const dummyArc = new Int32Array(S);
    const tArc = new Int32Array(R);
    const add = (u: number, v: number, c: number, capF: number, flowF: number) => {
      const e = pos[u]++;
      const f = pos[v]++;
      head[e] = v;
      head[f] = u;
      tail[e] = u;
      tail[f] = v;
      cost[e] = c * mult;
      cost[f] = -c * mult;
      rcap[e] = capF - flowF;
      rcap[f] = flowF;
      mate[e] = f;
      mate[f] = e;
      return e;
    };
    for (let s = 0; s < S; s++) {
      for (let j = candStart[s]; j < candStart[s + 1]; j++) candArc[j] = add(s, S + candRev[j], candCost[j], 1, candFlow[j]);
      dummyArc[s] = add(s, T, M, need[s], dummyFlow[s]);
    }
    for (let r = 0; r < R; r++) tArc[r] = add(S + r, T, 0, cap[r], load[r]);
    this.first = first;
    this.head = head;
    this.rcap = rcap;
    this.cost = cost;
    this.mate = mate;
    this.tail = tail;
    const live = new Int32Array(n);
    const slot = new Int32Array(m);
    const slotPos = new Int32Array(m);
    for (let u = 0; u < n; u++) {
      let a = first[u];
      let b = first[u + 1] - 1;
      for (let e = first[u]; e < first[u + 1]; e++) {
        const p = rcap[e] > 0 ? a++ : b--;
        slot[p] = e;
        slotPos[e] = p;
      }
      live[u] = a - first[u];
    }
    this.live = live;
    this.slot = slot;
    this.slotPos = slotPos;
    this.candArc = candArc;
    this.dummyArc = dummyArc;
    this.tArc = tArc;
    this.heapK = new Float64Array(m + n + 1);
    this.heapV = new Int32Array(m + n + 1);
  }

  /** Keep arc e in (or out of) its tail's list of arcs with residual capacity. */
  refresh(e: number) {
    const { slot, slotPos, live, first } = this;
    const u = this.tail[e];
    const p = slotPos[e];
    const end = first[u] + live[u];
    if (this.rcap[e] > 0) {
      if (p < end) return;
      const g = slot[end];
      slot[end] = e;
      slotPos[e] = end;
      slot[p] = g;
      slotPos[g] = p;
      live[u]++;
    } else {
      if (p >= end) return;
      const last = end - 1;
      const g = slot[last];
      slot[last] = e;
      slotPos[e] = last;
      slot[p] = g;
      slotPos[g] = p;
      live[u]--;
    }
  }

  /** Write the residual capacities back into the flow arrays (before a rebuild or extraction). */
  sync() {
    const { S, R, candRev, candArc, candFlow, rcap, mate, dummyArc, tArc } = this;
    for (let j = 0; j < candRev.length; j++) candFlow[j] = rcap[candArc[j]] === 0 ? 1 : 0;
    for (let s = 0; s < S; s++) this.dummyFlow[s] = rcap[mate[dummyArc[s]]];
    for (let r = 0; r < R; r++) this.load[r] = rcap[mate[tArc[r]]];
  }

  /**
   * Cost scaling (Goldberg): refine with ε = ε0/α, ε0/α², … down to 1. Costs in the
   * residual graph are multiplied by n + 1, so a 1-optimal flow is optimal.
   */
  costScaling(eps0: number) {
    let eps = Math.max(1, eps0);
    for (;;) {
      eps = Math.max(1, Math.floor(eps / ALPHA));
      this.refine(eps);
      if (eps === 1) return;
    }
  }

  /** Make the pseudo-flow a feasible ε-optimal flow (push / relabel, FIFO). */
  refine(eps: number) {
    const { n, first, head, rcap, cost, mate, pi, excess, live, slot } = this;
    // saturate every residual arc with negative reduced cost
    for (let u = 0; u < n; u++) {
      const pu = pi[u];
      for (let e = first[u], end = first[u + 1]; e < end; e++) {
        if (rcap[e] > 0 && cost[e] + pu - pi[head[e]] < 0) {
          const d = rcap[e];
          const f = mate[e];
          rcap[e] = 0;
          rcap[f] += d;
          excess[u] -= d;
          excess[head[e]] += d;
          this.refresh(e);
          this.refresh(f);
        }
      }
    }
    const queue = new Int32Array(n + 1);
    const inq = new Uint8Array(n);
    let qh = 0;
    let qt = 0;
    let qn = 0;
    for (let u = 0; u < n; u++) {
      if (excess[u] > 0) {
        queue[qt] = u;
        qt = qt + 1 === queue.length ? 0 : qt + 1;
        qn++;
        inq[u] = 1;
      }
    }
    while (qn > 0) {
      const u = queue[qh];
      qh = qh + 1 === queue.length ? 0 : qh + 1;
      qn--;
      inq[u] = 0;
      // discharge u
      while (excess[u] > 0) {
        const pu = pi[u];
        let i = first[u];
        while (i < first[u] + live[u] && excess[u] > 0) {
          const e = slot[i];
          const v = head[e];
          if (cost[e] + pu - pi[v] < 0) {
            const d = Math.min(rcap[e], excess[u]);
            const f = mate[e];
            rcap[e] -= d;
            rcap[f] += d;
            excess[u] -= d;
            excess[v] += d;
            this.refresh(f);
            if (excess[v] > 0 && inq[v] === 0) {
              inq[v] = 1;
              queue[qt] = v;
              qt = qt + 1 === queue.length ? 0 : qt + 1;
              qn++;
            }
            if (rcap[e] === 0) {
              this.refresh(e); // slot[i] now holds another arc: look at it next
              continue;
            }
          }
          i++;
        }
        if (excess[u] > 0) {
          // relabel: the best residual arc becomes admissible with reduced cost −ε
          let best = -Infinity;
          for (let j = first[u], end = first[u] + live[u]; j < end; j++) {
            const e = slot[j];
            const val = pi[head[e]] - cost[e];
            if (val > best) best = val;
          }
          if (best === -Infinity) throw new Error('assignment: node with excess and no residual arc (internal error)');
          pi[u] = best - eps;
        }
      }
    }
  }

  /**
   * Turn 1-optimal prices into exact ones (every residual arc with reduced cost ≥ 0):
   * shortest distances from a virtual source (Bellman–Ford with a queue). The flow is
   * optimal on its graph, so there is no negative cycle; reduced costs are ≥ −1, so
   * distances are small and this converges in a few passes.
   */
  exactPotentials() {
    const { n, first, head, cost, pi, live, slot } = this;
    const d = new Float64Array(n);
    const queue = new Int32Array(n + 1);
    const inq = new Uint8Array(n).fill(1);
    for (let u = 0; u < n; u++) queue[u] = u;
    let qh = 0;
    let qt = n;
    let qn = n;
    let steps = 0;
    while (qn > 0) {
      const u = queue[qh];
      qh = qh + 1 === queue.length ? 0 : qh + 1;
      qn--;
      inq[u] = 0;
      const du = d[u] + pi[u];
      for (let i = first[u], end = first[u] + live[u]; i < end; i++) {
        const e = slot[i];
        const v = head[e];
        const nd = du + cost[e] - pi[v];
        if (nd < d[v]) {
          d[v] = nd;
          if (inq[v] === 0) {
            inq[v] = 1;
            queue[qt] = v;
            qt = qt + 1 === queue.length ? 0 : qt + 1;
            qn++;
          }
        }
      }
      if (++steps > 50 * n) throw new Error('assignment: exact potentials did not converge (internal error)');
    }
    for (let u = 0; u < n; u++) pi[u] += d[u];
  }

  /** Successive shortest paths (Dijkstra on reduced costs, exact potentials) from excess to demand. */
  run() {
    const { n, first, head, rcap, cost, mate, pi, excess, dist, parent, stamp, done, heapK, heapV, visited, live, slot } = this;
    for (;;) {
      const ep = ++this.epoch;
      let hs = 0;
      let sources = 0;
      for (let v = 0; v < n; v++) {
        if (excess[v] > 0) {
          stamp[v] = ep;
          dist[v] = 0;
          parent[v] = -1;
          hs = heapPush(heapK, heapV, hs, 0, v);
          sources++;
        }
      }
      if (sources === 0) return;
      let nv = 0;
      let target = -1;
      let D = 0;
      while (hs > 0) {
        const du = heapK[0];
        const u = heapV[0];
        hs = heapPop(heapK, heapV, hs);
        if (done[u] === ep || du > dist[u]) continue;
        done[u] = ep;
        if (excess[u] < 0) {
          target = u;
          D = du;
          break;
        }
        visited[nv++] = u;
        const pu = pi[u];
        for (let i = first[u], end = first[u] + live[u]; i < end; i++) {
          const e = slot[i];
          const v = head[e];
          const nd = du + cost[e] + pu - pi[v];
          if (stamp[v] !== ep) {
            stamp[v] = ep;
            dist[v] = nd;
            parent[v] = e;
            hs = heapPush(heapK, heapV, hs, nd, v);
          } else if (nd < dist[v] && done[v] !== ep) {
            dist[v] = nd;
            parent[v] = e;
            hs = heapPush(heapK, heapV, hs, nd, v);
          }
        }
      }
      if (target < 0) throw new Error('assignment: no augmenting path (internal error: dummy arcs make every instance feasible)');
      // re-price the settled nodes: π(v) += d(v) − D (equivalent to π + min(d, D))
      for (let i = 0; i < nv; i++) {
        const v = visited[i];
        pi[v] += dist[v] - D;
      }
      let delta = -excess[target];
      let v = target;
      while (parent[v] >= 0) {
        const e = parent[v];
        if (rcap[e] < delta) delta = rcap[e];
        v = head[mate[e]];
      }
      if (excess[v] < delta) delta = excess[v];
      excess[v] -= delta;
      excess[target] += delta;
      v = target;
      while (parent[v] >= 0) {
        const e = parent[v];
        const f = mate[e];
        rcap[e] -= delta;
        rcap[f] += delta;
        this.refresh(e);
        this.refresh(f);
        v = head[f];
      }
    }
  }

  /**
   * Scan every allowed pair outside the candidate graph for a negative reduced cost.
   * Violating arcs (at most `limit` per submission, the most negative) are added to the
   * candidate graph with one unit pushed over them. Returns how many were added.
   */
  scanViolations(forb: Uint8Array, A: Float64Array, units: CostUnits, mark: Int32Array, limit: number): { added: number; worst: number } {
    this.sync();
    const { S, R, pi, candStart, candRev, mult } = this;
    const { scale, qMax } = units;
    // rc(s,r) = (qMax − round(a·scale))·mult + π(s) − π(r) < −1  ⇔  round(a·scale) > bar(r) + π(s)/mult,
    // bar(r) = qMax − (π(r) − 1)/mult; prefilter with a·scale + 1 > bar(r) + π(s)/mult.
    const bar = new Float64Array(R);
    for (let r = 0; r < R; r++) bar[r] = qMax - (pi[S + r] - 1) / mult;
    const addS: number[] = [];
    const addR: number[] = [];
    const addC: number[] = [];
    let worst = 0;
    const tmpR: number[] = [];
    const tmpC: number[] = [];
    const tmpRc: number[] = [];
    for (let s = 0; s < S; s++) {
      if (this.need[s] === 0) continue;
      for (let j = candStart[s]; j < candStart[s + 1]; j++) mark[candRev[j]] = s;
      const ps = pi[s];
      const base = s * R;
      tmpR.length = 0;
      tmpC.length = 0;
      tmpRc.length = 0;
      const off = ps / mult - 1;
      for (let r = 0; r < R; r++) {
        if (A[base + r] * scale <= bar[r] + off || forb[base + r] !== 0 || mark[r] === s) continue;
        const c = qMax - Math.round(A[base + r] * scale);
        const rc = c * mult + ps - pi[S + r];
        if (rc < -1) {
          if (-rc > worst) worst = -rc;
          tmpR.push(r);
          tmpC.push(c);
          tmpRc.push(rc);
        }
      }
      if (tmpR.length === 0) continue;
      let order = tmpR.map((_, i) => i);
      if (order.length > limit) order = order.sort((a, b) => tmpRc[a] - tmpRc[b]).slice(0, limit);
      for (const i of order) {
        addS.push(s);
        addR.push(tmpR[i]);
        addC.push(tmpC[i]);
      }
    }
    if (addS.length === 0) return { added: 0, worst: 0 };
    // Few arcs: repair with shortest paths (needs exact potentials, then one unit is pushed
    // over each arc that is still negative). Many: merge with flow 0 and re-run cost scaling.
    const ssp = addS.length <= Math.max(SSP_MIN, S / SSP_FRACTION);
    if (ssp && !this.exact) {
      this.exactPotentials();
      this.exact = true;
    }
    const { candCost, candFlow } = this;
    const cnt = new Int32Array(S + 1);
    for (const s of addS) cnt[s]++;
    const start = new Int32Array(S + 1);
    for (let s = 0; s < S; s++) start[s + 1] = start[s] + (candStart[s + 1] - candStart[s]) + cnt[s];
    const total = start[S];
    const nr = new Int32Array(total);
    const nc = new Float64Array(total);
    const nf = new Uint8Array(total);
    const fill = new Int32Array(S);
    for (let s = 0; s < S; s++) {
      let p = start[s];
      for (let j = candStart[s]; j < candStart[s + 1]; j++, p++) {
        nr[p] = candRev[j];
        nc[p] = candCost[j];
        nf[p] = candFlow[j];
      }
      fill[s] = p;
    }
    for (let i = 0; i < addS.length; i++) {
      const s = addS[i];
      const r = addR[i];
      const p = fill[s]++;
      nr[p] = r;
      nc[p] = addC[i];
      nf[p] = 0; // cost scaling's refine saturates it if its reduced cost is still negative
      if (ssp && addC[i] * mult + pi[s] - pi[S + r] < 0) {
        nf[p] = 1;
        this.excess[s] -= 1;
        this.excess[S + r] += 1;
      }
    }
    this.candStart = start;
    this.candRev = nr;
    this.candCost = nc;
    this.candFlow = nf;
    this.build();
    if (ssp) this.run();
    else this.exact = false;
    return { added: addS.length, worst: ssp ? 0 : worst };
  }

  extract(): { start: Int32Array; revs: Int32Array } {
    this.sync();
    const { S, candStart, candRev, candFlow } = this;
    const start = new Int32Array(S + 1);
    const out: number[] = [];
    for (let s = 0; s < S; s++) {
      start[s] = out.length;
      for (let j = candStart[s]; j < candStart[s + 1]; j++) if (candFlow[j]) out.push(candRev[j]);
    }
    start[S] = out.length;
    return { start, revs: Int32Array.from(out) };
  }
}

function heapPush(K: Float64Array, V: Int32Array, size: number, key: number, val: number): number {
  let i = size;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (K[p] <= key) break;
    K[i] = K[p];
    V[i] = V[p];
    i = p;
  }
  K[i] = key;
  V[i] = val;
  return size + 1;
}

function heapPop(K: Float64Array, V: Int32Array, size: number): number {
  const n = size - 1;
  if (n === 0) return 0;
  const key = K[n];
  const val = V[n];
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && K[c + 1] < K[c]) c++;
    if (K[c] >= key) break;
    K[i] = K[c];
    V[i] = V[c];
    i = c;
  }
  K[i] = key;
  V[i] = val;
  return n;
}

// ---------------------------------------------------------------------------

function finish(
  inst: AssignmentInstance,
  subIndex: Map<string, number>,
  revIndex: Map<string, number>,
  cap: Int32Array,
  k: number,
  revs: Int32Array,
  start: Int32Array,
  dummyFlow: Int32Array | null,
  pinnedPairs: Int32Array | null,
): AssignmentResult {
  const S = inst.submissions.length;
  const R = inst.reviewers.length;
  let pins = pinnedPairs;
  if (!pins) {
    // k = 0 or no submissions: still validate pins
    const need = new Int32Array(S).fill(k);
    const forb = new Uint8Array(S * R);
    const hasPins = (inst.pinned?.length ?? 0) > 0;
    if (hasPins) {
      for (const [sid, rid] of inst.pinned!) {
        const s = subIndex.get(sid);
        const r = revIndex.get(rid);
        if (s === undefined || r === undefined) continue;
        const p = s * R + r;
        forb[p] = inst.forbiddenPairs ? (inst.forbiddenPairs.has(p) ? 1 : 0) : inst.forbidden(sid, rid) ? 1 : 0;
      }
    }
    pins = checkPins(inst, subIndex, revIndex, forb, need, cap, S, R, k);
  }
  if (dummyFlow) {
    const shortfall: { submission: string; missing: number }[] = [];
    for (let s = 0; s < S; s++) if (dummyFlow[s] > 0) shortfall.push({ submission: inst.submissions[s], missing: dummyFlow[s] });
    if (shortfall.length) throw new AssignmentInfeasibleError(shortfall, k);
  }
  const matrix = inst.affinityMatrix;
  const aff = (s: number, r: number) => (matrix ? matrix[s * R + r] : inst.affinity(inst.submissions[s], inst.reviewers[r].id));
  // group pins by submission
  const pinCount = new Int32Array(S + 1);
  for (let i = 0; i < pins.length; i += 2) pinCount[pins[i] + 1]++;
  for (let s = 0; s < S; s++) pinCount[s + 1] += pinCount[s];
  const pinRev = new Int32Array(pins.length / 2);
  const fillP = pinCount.slice(0, S);
  for (let i = 0; i < pins.length; i += 2) pinRev[fillP[pins[i]]++] = pins[i + 1];

  const pairs: Array<[string, string]> = [];
  let objective = 0;
  for (let s = 0; s < S; s++) {
    const sid = inst.submissions[s];
    for (let j = pinCount[s]; j < pinCount[s + 1]; j++) {
      const r = pinRev[j];
      pairs.push([sid, inst.reviewers[r].id]);
      objective += aff(s, r);
    }
    if (start.length > s + 1) {
      for (let j = start[s]; j < start[s + 1]; j++) {
        const r = revs[j];
        pairs.push([sid, inst.reviewers[r].id]);
        objective += aff(s, r);
      }
    }
  }
  return { pairs, objective };
}
