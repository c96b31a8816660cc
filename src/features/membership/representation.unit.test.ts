import { describe, expect, it } from 'vitest';
import { breakdown, evaluateGoal, evaluateGoals } from './representation.js';
import { addMonths } from './members.js';
import { nextRenewal } from './import.js';

const rows = [
  { continent: 'asia', country: 'CN', gender: 'female' },
  { continent: 'asia', country: 'CN', gender: 'male' },
  { continent: 'europe', country: 'DE', gender: 'female' },
  { continent: 'africa', country: 'KE', gender: null },
];

describe('representation goals', () => {
  it('counts and shares per value, largest first', () => {
    expect(breakdown(rows, 'country')).toEqual([
      { key: 'CN', count: 2, share: 50 },
      { key: 'DE', count: 1, share: 25 },
      { key: 'KE', count: 1, share: 25 },
    ]);
    // A missing value is not a bucket, but the row still counts in the population.
    expect(breakdown(rows, 'gender')).toEqual([
      { key: 'female', count: 2, share: 50 },
      { key: 'male', count: 1, share: 25 },
    ]);
  });

  it('min_distinct, max_share and min_share, met and not met', () => {
    expect(evaluateGoal({ dimension: 'continent', rule: 'min_distinct', target: 3 }, rows)).toEqual({
      met: true,
      current: 3,
      subject: null,
      population: 4,
    });
    expect(evaluateGoal({ dimension: 'continent', rule: 'min_distinct', target: 6 }, rows).met).toBe(false);
    expect(evaluateGoal({ dimension: 'country', rule: 'max_share', target: 40 }, rows)).toEqual({
      met: false,
      current: 50,
      subject: 'CN',
      population: 4,
    });
    expect(evaluateGoal({ dimension: 'country', rule: 'max_share', target: 50 }, rows).met).toBe(true);
    expect(evaluateGoal({ dimension: 'gender', rule: 'min_share', target: 50, value: 'female' }, rows)).toEqual({
      met: true,
      current: 50,
      subject: 'female',
      population: 4,
    });
    expect(evaluateGoal({ dimension: 'gender', rule: 'min_share', target: 30, value: 'other' }, rows).met).toBe(false);
  });

  it('an empty population meets no minimum and breaks no maximum', () => {
    const [a, b] = evaluateGoals(
      [
        { dimension: 'country', rule: 'min_distinct', target: 1 },
        { dimension: 'country', rule: 'max_share', target: 40 },
      ],
      [],
    );
    expect(a.result.met).toBe(false);
    expect(b.result).toMatchObject({ met: true, current: 0 });
  });
});

describe('terms', () => {
  it('adds months without overflowing short months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
  });
  it('the next renewal counts whole terms from the start', () => {
    expect(nextRenewal('2022-03-10', 12, '2026-11-24')).toBe('2027-03-10');
    expect(nextRenewal('2026-01-05', 12, '2026-11-24')).toBe('2027-01-05');
    expect(nextRenewal('2025-11-24', 12, '2026-11-24')).toBe('2026-11-24');
  });
});
