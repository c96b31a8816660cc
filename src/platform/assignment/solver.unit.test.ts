import { describe, expect, it } from 'vitest';
import { AssignmentInfeasibleError, AssignmentInputError, solveAssignment, type AssignmentInstance } from './solver.js';
import { highsLeastMissing, highsObjectiveLp, rng, tagInstance, toInstance, violations, type PlainInstance } from './solver.reference.js';

/** A random instance of varied shape; some are infeasible on purpose. */
function randomInstance(seed: number): { p: PlainInstance; L?: number; fast: boolean } {
  const rand = rng(seed * 7919);
  const S = 1 + Math.floor(rand() * 40);
  const R = 1 + Math.floor(rand() * 14);
  const k = seed % 10 === 0 ? 0 : 1 + Math.floor(rand() * Math.min(3, R));
  const avg = (S * Math.max(k, 1)) / R;
  // capacities from tight (sometimes short) to slack
  const slack = [0.8, 1, 1.1, 1.5][seed % 4];
  const capMin = Math.max(0, Math.floor(avg * slack) - 1);
  const capMax = capMin + 2 + Math.floor(rand() * 3);
  const pConflict = [0, 0.05, 0.15, 0.3][Math.floor(rand() * 4)];
  const decimals = [undefined, 0, 2][seed % 3];
  const p = tagInstance(seed, S, R, k, { capMin, capMax, pConflict, tags: 12, pins: Math.floor(rand() * 4), decimals });
  if (decimals === 0) {
    // small integers: many ties
    for (let i = 0; i < p.affinity.length; i++) p.affinity[i] = Math.round(p.affinity[i] * 3);
  }
  if (seed % 5 === 0) for (let i = 0; i < p.affinity.length; i++) p.affinity[i] -= 0.5; // negative affinities too
  // a tiny candidate graph forces the full-graph certificate to add arcs
  const L = seed % 2 === 0 ? 1 + (seed % 3) : undefined;
  return { p, L, fast: seed % 3 === 1 };
}

function solve(p: PlainInstance, L: number | undefined, fast: boolean) {
  const inst = toInstance(p, fast);
  if (L !== undefined) inst.candidatesPerSubmission = L;
  return solveAssignment(inst);
}

describe('solveAssignment against the HiGHS LP optimum', () => {
  it('matches the optimum on 60 random instances and satisfies every constraint', async () => {
    let feasible = 0;
    let infeasible = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const { p, L, fast } = randomInstance(seed);
      const lp = await highsObjectiveLp(p);
      if (lp === null) {
        infeasible++;
        let err: unknown;
        try {
          solve(p, L, fast);
        } catch (e) {
          err = e;
        }
        expect(err, `seed ${seed}: HiGHS says infeasible`).toBeInstanceOf(AssignmentInfeasibleError);
        const shortfall = (err as AssignmentInfeasibleError).shortfall;
        const missing = shortfall.reduce((n, x) => n + x.missing, 0);
        // the least possible number of missing reviews (a maximum flow)
        expect(missing, `seed ${seed}`).toBe(await highsLeastMissing(p));
        for (const x of shortfall) expect(x.missing).toBeGreaterThan(0);
        continue;
      }
      feasible++;
      const res = solve(p, L, fast);
      expect(violations(p, res), `seed ${seed}`).toEqual([]);
      expect(Math.abs(res.objective - lp), `seed ${seed}: ours ${res.objective}, HiGHS ${lp}`).toBeLessThanOrEqual(
        1e-6 * Math.max(1, Math.abs(lp)),
      );
    }
    // the generator covers both outcomes
    expect(feasible).toBeGreaterThanOrEqual(30);
    expect(infeasible).toBeGreaterThanOrEqual(3);
  });

  it('is optimal on a medium instance whose candidate graph is far too small (certificate adds many arcs)', async () => {
    const p = tagInstance(7, 300, 40, 3, { capMin: 22, capMax: 26, pConflict: 0.05, tags: 20, pins: 10 });
    const inst = toInstance(p, true);
    inst.candidatesPerSubmission = 1;
    const res = solveAssignment(inst);
    expect(violations(p, res)).toEqual([]);
    const lp = await highsObjectiveLp(p);
    expect(lp).not.toBeNull();
    expect(Math.abs(res.objective - lp!)).toBeLessThanOrEqual(1e-6 * Math.abs(lp!));
  });

  it('is optimal on an instance large enough to use the sampled prices', async () => {
    const p = tagInstance(11, 1600, 60, 2, { capMin: 55, capMax: 60, pConflict: 0.02, tags: 30 });
    const res = solveAssignment(toInstance(p, true));
    expect(violations(p, res)).toEqual([]);
    const lp = await highsObjectiveLp(p);
    expect(Math.abs(res.objective - lp!)).toBeLessThanOrEqual(1e-6 * Math.abs(lp!));
  });

  it('gives the same objective with the typed-array fast paths and with the functions', () => {
    const p = tagInstance(3, 120, 15, 3, { capMin: 24, capMax: 30, pConflict: 0.1, tags: 15, pins: 5 });
    const a = solveAssignment(toInstance(p, false));
    const b = solveAssignment(toInstance(p, true));
    expect(a.objective).toBeCloseTo(b.objective, 9);
  });
});

function tiny(over: Partial<AssignmentInstance> & { aff?: Record<string, number>; conflicts?: string[] }): AssignmentInstance {
  const conflicts = new Set(over.conflicts ?? []);
  return {
    submissions: over.submissions ?? ['A', 'B'],
    reviewers: over.reviewers ?? [
      { id: 'x', capacity: 2 },
      { id: 'y', capacity: 2 },
    ],
    k: over.k ?? 1,
    affinity: (s, r) => over.aff?.[`${s}${r}`] ?? 0,
    forbidden: (s, r) => conflicts.has(`${s}${r}`),
    pinned: over.pinned,
  };
}

describe('infeasible instances', () => {
  it('too few reviewers: names every submission short and how many reviews are missing', () => {
    const inst = tiny({
      submissions: ['s1', 's2', 's3', 's4', 's5'],
      reviewers: [
        { id: 'r1', capacity: 10 },
        { id: 'r2', capacity: 10 },
      ],
      k: 3,
    });
    let err: AssignmentInfeasibleError | undefined;
    try {
      solveAssignment(inst);
    } catch (e) {
      err = e as AssignmentInfeasibleError;
    }
    expect(err).toBeInstanceOf(AssignmentInfeasibleError);
    expect(err!.shortfall).toEqual(['s1', 's2', 's3', 's4', 's5'].map((submission) => ({ submission, missing: 1 })));
    expect(err!.message).toBe('5 submissions cannot get 3 reviewers: 5 reviews missing; add reviewers or raise load limits');
  });

  it('too many conflicts: only the conflicted submission falls short', () => {
    const inst = tiny({
      submissions: ['A', 'B'],
      reviewers: ['r1', 'r2', 'r3', 'r4'].map((id) => ({ id, capacity: 5 })),
      k: 3,
      conflicts: ['Ar1', 'Ar2', 'Ar3'],
    });
    expect(() => solveAssignment(inst)).toThrow(AssignmentInfeasibleError);
    try {
      solveAssignment(inst);
    } catch (e) {
      expect((e as AssignmentInfeasibleError).shortfall).toEqual([{ submission: 'A', missing: 2 }]);
      expect((e as Error).message).toBe('1 submission cannot get 3 reviewers: 2 reviews missing; add reviewers or raise load limits');
    }
  });

  it('load limits too low: the total missing is the least possible', () => {
    const inst = tiny({
      submissions: ['A', 'B', 'C'],
      reviewers: ['r1', 'r2', 'r3'].map((id) => ({ id, capacity: 2 })),
      k: 3,
    });
    try {
      solveAssignment(inst);
      expect.unreachable();
    } catch (e) {
      const sf = (e as AssignmentInfeasibleError).shortfall;
      expect(sf.reduce((n, x) => n + x.missing, 0)).toBe(3);
      expect((e as Error).message).toMatch(/: 3 reviews missing; add reviewers or raise load limits$/);
    }
  });
});

describe('edge cases', () => {
  it('k = 0 and no submissions give an empty assignment', () => {
    expect(solveAssignment(tiny({ k: 0 }))).toEqual({ pairs: [], objective: 0 });
    expect(solveAssignment(tiny({ submissions: [], k: 2 }))).toEqual({ pairs: [], objective: 0 });
    expect(solveAssignment(tiny({ reviewers: [], submissions: [], k: 3 }))).toEqual({ pairs: [], objective: 0 });
  });

  it('a pinned pair that is also forbidden is an input error naming it', () => {
    try {
      solveAssignment(tiny({ pinned: [['A', 'x']], conflicts: ['Ax'] }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AssignmentInputError);
      expect((e as AssignmentInputError).code).toBe('pinned_forbidden');
      expect((e as AssignmentInputError).pairs).toEqual([['A', 'x']]);
      expect((e as Error).message).toContain('A / x');
    }
  });

  it('rejects pins beyond k, beyond a load limit, or naming unknown ids', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as AssignmentInputError).code;
      }
      return null;
    };
    expect(
      code(() =>
        solveAssignment(
          tiny({
            k: 1,
            pinned: [
              ['A', 'x'],
              ['A', 'y'],
            ],
          }),
        ),
      ),
    ).toBe('too_many_pins');
    expect(code(() => solveAssignment(tiny({ k: 0, pinned: [['A', 'x']] })))).toBe('too_many_pins');
    expect(
      code(() =>
        solveAssignment(
          tiny({
            reviewers: [
              { id: 'x', capacity: 1 },
              { id: 'y', capacity: 5 },
            ],
            pinned: [
              ['A', 'x'],
              ['B', 'x'],
            ],
          }),
        ),
      ),
    ).toBe('pins_exceed_capacity');
    expect(code(() => solveAssignment(tiny({ pinned: [['Z', 'x']] })))).toBe('unknown_pin');
    expect(code(() => solveAssignment(tiny({ k: -1 })))).toBe('invalid_k');
    expect(code(() => solveAssignment(tiny({ submissions: ['A', 'A'] })))).toBe('duplicate_submission');
  });

  it('pinned pairs are kept even against the affinity, count toward k and load, and a duplicate pin counts once', () => {
    const inst = tiny({
      submissions: ['A', 'B'],
      reviewers: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 1 },
      ],
      k: 1,
      aff: { Ax: 5, Ay: 0, Bx: 1, By: 0 },
      pinned: [
        ['A', 'y'],
        ['A', 'y'],
      ],
    });
    const res = solveAssignment(inst);
    expect(res.pairs).toEqual([
      ['A', 'y'],
      ['B', 'x'],
    ]);
    expect(res.objective).toBe(1);
  });

  it('ties: equal affinities still give a complete, valid assignment', () => {
    const p = tagInstance(5, 30, 6, 2, { capMin: 10, capMax: 10, pConflict: 0.1, tags: 5 });
    p.affinity.fill(1);
    const res = solveAssignment(toInstance(p));
    expect(violations(p, res)).toEqual([]);
    expect(res.objective).toBe(60);
  });

  it('maximizes the total, not each submission greedily', () => {
    // greedy gives A its favourite x, leaving B with y (total 10 + 1); optimum 9 + 8
    const res = solveAssignment(
      tiny({
        reviewers: [
          { id: 'x', capacity: 1 },
          { id: 'y', capacity: 1 },
        ],
        aff: { Ax: 10, Ay: 9, Bx: 8, By: 1 },
      }),
    );
    expect(res.objective).toBe(17);
    expect(res.pairs).toEqual([
      ['A', 'y'],
      ['B', 'x'],
    ]);
  });
});
