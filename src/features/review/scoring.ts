/**
 * Scores: the weighted total of one review, and per-reviewer normalization.
 *
 * Normalization (documented in docs and the staff UI): for each reviewer, take
 * the totals of all reviews they submitted in the round; their mean m and
 * population standard deviation sd. A review's normalized score is the z-score
 * (total − m) / sd. A reviewer with fewer than two reviews, or who gave every
 * entry the same total (sd = 0), contributes z = 0: they say nothing about how
 * entries compare. A submission's normalized score is the mean of its reviews'
 * z-scores; its raw score is the mean of its totals; its spread is the highest
 * minus the lowest total (and the standard deviation of the totals).
 */
import type { Criterion } from '../calls/contract.js';

/** Weighted mean of the criteria scores: Σ wᵢ·sᵢ / Σ wᵢ. */
export function weightedTotal(criteria: Criterion[], scores: Record<string, number>) {
  const wsum = criteria.reduce((n, c) => n + c.weight, 0);
  if (wsum <= 0) return 0;
  return criteria.reduce((n, c) => n + c.weight * (scores[c.key] ?? 0), 0) / wsum;
}

export interface ScoredReview {
  reviewer: string;
  submission: string;
  total: number;
}

export interface SubmissionScore {
  submission: string;
  reviews: number;
  raw: number;
  normalized: number;
  spread: number;
  sd: number;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const popSd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

/** z-score of every review against its reviewer's own scores. */
export function zScores(reviews: ScoredReview[]) {
  const byReviewer = new Map<string, number[]>();
  for (const r of reviews) byReviewer.set(r.reviewer, [...(byReviewer.get(r.reviewer) ?? []), r.total]);
  const stats = new Map([...byReviewer].map(([k, xs]) => [k, { m: mean(xs), sd: xs.length >= 2 ? popSd(xs) : 0 }]));
  return reviews.map((r) => {
    const s = stats.get(r.reviewer)!;
    return { ...r, z: s.sd > 1e-12 ? (r.total - s.m) / s.sd : 0 };
  });
}

/** Per submission: raw mean, normalized mean of z-scores, spread; sorted best first (normalized, then raw). */
export function scoreSubmissions(reviews: ScoredReview[]): SubmissionScore[] {
  const z = zScores(reviews);
  const bySub = new Map<string, typeof z>();
  for (const r of z) bySub.set(r.submission, [...(bySub.get(r.submission) ?? []), r]);
  return [...bySub]
    .map(([submission, rs]) => {
      const totals = rs.map((r) => r.total);
      return {
        submission,
        reviews: rs.length,
        raw: mean(totals),
        normalized: mean(rs.map((r) => r.z)),
        spread: Math.max(...totals) - Math.min(...totals),
        sd: popSd(totals),
      };
    })
    .sort((a, b) => b.normalized - a.normalized || b.raw - a.raw || a.submission.localeCompare(b.submission));
}
