import { describe, expect, it } from 'vitest';
import { diverseSelection, type Ranked } from './diversity.js';
import { scoreSubmissions, weightedTotal, zScores } from './scoring.js';

describe('weighted total', () => {
  it('is Σ w·s / Σ w', () => {
    // (3·8 + 4·6 + 3·9) / 10 = 75 / 10
    const criteria = [
      { key: 'innovation', weight: 3, label: {} },
      { key: 'impact', weight: 4, label: {} },
      { key: 'replicability', weight: 3, label: {} },
    ];
    expect(weightedTotal(criteria, { innovation: 8, impact: 6, replicability: 9 })).toBe(7.5);
  });
});

describe('normalization per reviewer (z-score)', () => {
  it('matches the figures worked by hand', () => {
    // A: 8, 6, 4 → mean 6, population sd √(8/3) = 1.63299 → z = +1.22474, 0, −1.22474
    // B (harsh): 5, 3, 1 → mean 3, same sd → same z
    // C (lenient): 9, 7 on s2, s3 → mean 8, sd 1 → z = +1, −1
    const rs = [
      { reviewer: 'A', submission: 's1', total: 8 },
      { reviewer: 'A', submission: 's2', total: 6 },
      { reviewer: 'A', submission: 's3', total: 4 },
      { reviewer: 'B', submission: 's1', total: 5 },
      { reviewer: 'B', submission: 's2', total: 3 },
      { reviewer: 'B', submission: 's3', total: 1 },
      { reviewer: 'C', submission: 's2', total: 9 },
      { reviewer: 'C', submission: 's3', total: 7 },
    ];
    const z = zScores(rs);
    expect(z[0].z).toBeCloseTo(1.224745, 5);
    expect(z[1].z).toBeCloseTo(0, 10);
    expect(z[5].z).toBeCloseTo(-1.224745, 5);
    expect(z[6].z).toBeCloseTo(1, 10);
    const s = scoreSubmissions(rs);
    expect(s.map((x) => x.submission)).toEqual(['s1', 's2', 's3']);
    // s1: raw (8+5)/2 = 6.5, normalized 1.22474, spread 8−5 = 3
    expect(s[0]).toMatchObject({ raw: 6.5, spread: 3, reviews: 2 });
    expect(s[0].normalized).toBeCloseTo(1.224745, 5);
    // s2: raw (6+3+9)/3 = 6, normalized (0+0+1)/3 = 0.33333, spread 9−3 = 6
    expect(s[1].raw).toBe(6);
    expect(s[1].normalized).toBeCloseTo(1 / 3, 10);
    expect(s[1].spread).toBe(6);
    // s3: raw (4+1+7)/3 = 4, normalized (−1.22474 − 1.22474 − 1)/3 = −1.14983
    expect(s[2].raw).toBe(4);
    expect(s[2].normalized).toBeCloseTo(-1.14983, 5);
  });

  it('corrects a lenient and a harsh reviewer', () => {
    // L (lenient) gives X 10 and Y 9; H (harsh) gives Z 5 and W 2.
    // Raw order: X 10, Y 9, Z 5, W 2. L: mean 9.5, sd 0.5; H: mean 3.5, sd 1.5.
    // Normalized: X +1, Z +1, Y −1, W −1 → Z, best of the harsh reviewer's pile, moves above Y.
    const s = scoreSubmissions([
      { reviewer: 'L', submission: 'X', total: 10 },
      { reviewer: 'L', submission: 'Y', total: 9 },
      { reviewer: 'H', submission: 'Z', total: 5 },
      { reviewer: 'H', submission: 'W', total: 2 },
    ]);
    expect(s.map((x) => [x.submission, x.normalized])).toEqual([
      ['X', 1],
      ['Z', 1],
      ['Y', -1],
      ['W', -1],
    ]);
  });

  it('gives z = 0 for a reviewer with one review or identical totals', () => {
    const z = zScores([
      { reviewer: 'one', submission: 'a', total: 9 },
      { reviewer: 'flat', submission: 'a', total: 7 },
      { reviewer: 'flat', submission: 'b', total: 7 },
    ]);
    expect(z.map((x) => x.z)).toEqual([0, 0, 0]);
  });
});

describe('diversity-aware selection', () => {
  const ranking: Ranked[] = [
    { id: 'a', score: 10, country: 'CN', continent: 'asia' },
    { id: 'b', score: 9, country: 'CN', continent: 'asia' },
    { id: 'c', score: 8, country: 'CN', continent: 'asia' },
    { id: 'd', score: 7, country: 'JP', continent: 'asia' },
    { id: 'e', score: 6, country: 'DE', continent: 'europe' },
    { id: 'f', score: 5, country: 'FR', continent: 'europe' },
    { id: 'g', score: 4, country: 'KE', continent: 'africa' },
    { id: 'h', score: 3, country: 'BR', continent: 'south-america' },
  ];

  it('caps a country and meets a continent minimum, and says what changed', () => {
    // Top 4, at most 2 per country, at least 1 from Africa.
    // a (CN 1) b (CN 2) taken; c skipped (CN cap); d taken (2 slots left > 1 reserved);
    // e, f skipped (1 slot left, reserved for Africa); g taken (Africa).
    const r = diverseSelection(ranking, { n: 4, capPerCountry: 2, minPerContinent: { africa: 1 } });
    expect(r.pure).toEqual(['a', 'b', 'c', 'd']);
    expect(r.constrained).toEqual(['a', 'b', 'd', 'g']);
    expect(r.added).toEqual(['g']);
    expect(r.removed).toEqual(['c']);
    expect(r.unmet).toEqual([]);
    expect(r.emptySlots).toBe(0);
  });

  it('two minimums at once', () => {
    // Top 4, at least 1 from Europe and 1 from South America: a, b, then e (Europe) and h (South America).
    const r = diverseSelection(ranking, { n: 4, minPerContinent: { europe: 1, 'south-america': 1 } });
    expect(r.constrained).toEqual(['a', 'b', 'e', 'h']);
    expect(r.removed).toEqual(['c', 'd']);
  });

  it('reports a minimum nobody can meet, without wasting slots', () => {
    const r = diverseSelection(ranking, { n: 3, minPerContinent: { oceania: 1 } });
    expect(r.constrained).toEqual(['a', 'b', 'c']);
    expect(r.unmet).toEqual([{ continent: 'oceania', minimum: 1, selected: 0 }]);
  });

  it('leaves slots empty when the cap allows no more', () => {
    const r = diverseSelection(ranking.slice(0, 3), { n: 3, capPerCountry: 1 });
    expect(r.constrained).toEqual(['a']);
    expect(r.emptySlots).toBe(2);
  });

  it('without rules equals the pure ranking', () => {
    const r = diverseSelection(ranking, { n: 5 });
    expect(r.constrained).toEqual(r.pure);
    expect(r.added).toEqual([]);
  });
});
