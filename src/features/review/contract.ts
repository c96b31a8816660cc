/** The codes this feature answers with, and their HTTP status (the UI translates each: src/web/locales/errors.ts). */
export const reviewErrors = {
  reviewer_has_reviews: 409,
  conflict_of_interest: 409,
  already_decided: 409,
  last_round: 409,
  not_submitted: 409,
} as const;
export type ReviewError = keyof typeof reviewErrors;
