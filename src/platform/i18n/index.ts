import * as OpenCC from 'opencc-js';
import { keepProperNames } from './names.js';
import type { Locale, LocalizedText } from './text.js';

export * from './text.js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'twp' });
const toSimplified = OpenCC.Converter({ from: 'twp', to: 'cn' });

/** Simplified → Traditional with Taiwan phrases (网络 → 網路, 信息 → 資訊, 软件 → 軟體), the organization's own name kept. */
export const hansToHant = (s: string) => keepProperNames(toTraditional(s));
/** Traditional (Taiwan phrases) → Simplified. */
export const hantToHans = (s: string) => toSimplified(s);

export interface Localized {
  text: string;
  lang: Locale | null;
  /** True when the text was derived from the other Chinese script by OpenCC. */
  converted: boolean;
}

/** Picks the text for a locale: the locale itself, then the other Chinese script converted, then any. */
export function localize(value: LocalizedText | null | undefined, locale: Locale): Localized {
  if (!value) return { text: '', lang: null, converted: false };
  const direct = value[locale];
  if (direct) return { text: direct, lang: locale, converted: false };
  if (locale === 'zh-Hant' && value['zh-Hans']) return { text: hansToHant(value['zh-Hans']), lang: 'zh-Hant', converted: true };
  if (locale === 'zh-Hans' && value['zh-Hant']) return { text: hantToHans(value['zh-Hant']), lang: 'zh-Hans', converted: true };
  const order: Locale[] = locale === 'en' ? ['en', 'zh-Hans', 'zh-Hant'] : ['zh-Hans', 'zh-Hant', 'en'];
  for (const l of order) if (value[l]) return { text: value[l]!, lang: l, converted: false };
  return { text: '', lang: null, converted: false };
}

/** All the texts of a field, with the missing Chinese script filled by conversion. */
export function fillChinese(value: LocalizedText): LocalizedText {
  const out = { ...value };
  if (!out['zh-Hant'] && out['zh-Hans']) out['zh-Hant'] = hansToHant(out['zh-Hans']);
  if (!out['zh-Hans'] && out['zh-Hant']) out['zh-Hans'] = hantToHans(out['zh-Hant']);
  return out;
}

/** Chooses the best locale from an Accept-Language header or a stored preference. */
export function pickLocale(...candidates: Array<string | undefined | null>): Locale {
  for (const c of candidates) {
    if (!c) continue;
    for (const part of c.split(',')) {
      const tag = part.split(';')[0].trim().toLowerCase();
      if (tag === 'en' || tag.startsWith('en-')) return 'en';
      if (tag === 'zh-hant' || tag === 'zh-tw' || tag === 'zh-hk' || tag === 'zh-mo' || tag.startsWith('zh-hant')) return 'zh-Hant';
      if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-Hans';
    }
  }
  return 'en';
}
