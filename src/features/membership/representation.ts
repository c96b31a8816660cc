/**
 * Representation figures and goals ("international, broad, diverse"), for any
 * population: members here; delegates, speakers, reviewers or selections in
 * other features, which call these functions with their own rows.
 */

import type { Dimension, GoalRule } from './contract.js';

export type { Dimension, GoalRule };

/** One member of a population; a missing dimension is simply not counted for it. */
export type PopulationRow = Partial<Record<Dimension, string | number | null | undefined>>;

export interface Goal {
  id?: string;
  dimension: Dimension;
  rule: GoalRule;
  /** min_distinct: a count; max_share / min_share: a percentage (0–100). */
  target: number;
  /** min_share: the value measured, e.g. 'female' or 'africa'. */
  value?: string | null;
}

export interface GoalResult {
  met: boolean;
  /** The figure compared with the target: a count, or a percentage rounded to 0.1. */
  current: number;
  /** For max_share: the value with the largest share; for min_share: the value measured. */
  subject: string | null;
  population: number;
}

export interface Bucket {
  key: string;
  count: number;
  share: number;
}

/** Counts per value of a dimension, largest first; share in percent rounded to 0.1. */
export function breakdown(rows: PopulationRow[], dimension: Dimension): Bucket[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const v = r[dimension];
    if (v === null || v === undefined || v === '') continue;
    counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  }
  const total = rows.length;
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count, share: total ? Math.round((count / total) * 1000) / 10 : 0 }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function evaluateGoal(goal: Goal, rows: PopulationRow[]): GoalResult {
  const buckets = breakdown(rows, goal.dimension);
  const population = rows.length;
  const pct = (n: number) => (population ? Math.round((n / population) * 1000) / 10 : 0);
  switch (goal.rule) {
    case 'min_distinct':
      return { met: buckets.length >= goal.target, current: buckets.length, subject: null, population };
    case 'max_share': {
      const top = buckets[0];
      const current = top ? pct(top.count) : 0;
      return { met: current <= goal.target, current, subject: top?.key ?? null, population };
    }
    case 'min_share': {
      const hit = buckets.find((b) => b.key === goal.value);
      const current = pct(hit?.count ?? 0);
      return { met: current >= goal.target, current, subject: goal.value ?? null, population };
    }
  }
}

export function evaluateGoals<G extends Goal>(goals: G[], rows: PopulationRow[]): Array<G & { result: GoalResult }> {
  return goals.map((g) => ({ ...g, result: evaluateGoal(g, rows) }));
}
