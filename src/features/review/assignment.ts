/**
 * PLACEHOLDER. The optimal solver (min-cost flow) is written on branch
 * feat/assignment at this same path; the lead takes that file at merge. This
 * stand-in is greedy (not optimal) and exists only so the calls feature builds
 * and its tests run before the real solver lands.
 */
export interface AssignmentInstance {
  submissions: string[];
  reviewers: { id: string; capacity: number }[];
  k: number;
  affinity: (s: string, r: string) => number;
  forbidden: (s: string, r: string) => boolean;
  pinned?: Array<[string, string]>;
}

export interface AssignmentResult {
  pairs: Array<[string, string]>;
  objective: number;
}

export class AssignmentInfeasibleError extends Error {
  readonly code = 'assignment_infeasible';
  constructor(
    readonly shortfall: { submission: string; missing: number }[],
    readonly k: number,
  ) {
    super(`${shortfall.length} submission(s) cannot get ${k} reviewer(s): ${shortfall.reduce((n, x) => n + x.missing, 0)} review(s) missing; add reviewers or raise load limits`);
    this.name = 'AssignmentInfeasibleError';
  }
}

export function solveAssignment(i: AssignmentInstance): AssignmentResult {
  const load = new Map(i.reviewers.map((r) => [r.id, 0]));
  const cap = new Map(i.reviewers.map((r) => [r.id, r.capacity]));
  const pairs: Array<[string, string]> = [];
  const has = new Set<string>();
  for (const [s, r] of i.pinned ?? []) {
    pairs.push([s, r]);
    has.add(`${s}|${r}`);
    load.set(r, (load.get(r) ?? 0) + 1);
  }
  const shortfall: { submission: string; missing: number }[] = [];
  for (const s of i.submissions) {
    let got = pairs.filter((p) => p[0] === s).length;
    const cands = i.reviewers
      .filter((r) => !has.has(`${s}|${r.id}`) && !i.forbidden(s, r.id))
      .sort((a, b) => i.affinity(s, b.id) - i.affinity(s, a.id) || (load.get(a.id)! - load.get(b.id)!));
    for (const r of cands) {
      if (got >= i.k) break;
      if (load.get(r.id)! >= cap.get(r.id)!) continue;
      pairs.push([s, r.id]);
      load.set(r.id, load.get(r.id)! + 1);
      got++;
    }
    if (got < i.k) shortfall.push({ submission: s, missing: i.k - got });
  }
  if (shortfall.length) throw new AssignmentInfeasibleError(shortfall, i.k);
  return { pairs, objective: pairs.reduce((n, [s, r]) => n + i.affinity(s, r), 0) };
}
