/** The codes this feature answers with, and their HTTP status (the UI translates each: src/web/locales/errors.ts). */
export const showcaseErrors = {
  not_selected: 409,
  cjk_font_missing: 503,
} as const;
export type ShowcaseError = keyof typeof showcaseErrors;
