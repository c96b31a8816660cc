import { z } from 'zod';

/** Locales and multilingual fields: browser-safe (the contracts use them; no OpenCC here). */
export const locales = ['en', 'zh-Hans', 'zh-Hant'] as const;
export type Locale = (typeof locales)[number];
/** Labels: shell:locales (see labelled() in platform/http/contract.ts). */
export const localeSchema = z.enum(locales).meta({ 'x-labels': 'shell:locales' });

/** A content field in several languages, e.g. { en: 'Data Working Group', 'zh-Hans': '数据工作组' }. */
export const localizedText = (max = 20_000) =>
  z
    .object({
      en: z.string().trim().max(max).optional(),
      'zh-Hans': z.string().trim().max(max).optional(),
      'zh-Hant': z.string().trim().max(max).optional(),
    })
    .strict()
    // overwrite, not transform: the type stays the same, so the field has a JSON Schema as a request and as an answer.
    .overwrite((v) => Object.fromEntries(Object.entries(v).filter(([, s]) => s !== undefined && s !== '')) as LocalizedText);

/** Like localizedText, but at least one language must be filled. */
export const requiredLocalizedText = (max = 20_000) =>
  localizedText(max).refine((v) => Object.keys(v).length > 0, { message: 'Give the text in at least one language.' });

export type LocalizedText = Partial<Record<Locale, string>>;
