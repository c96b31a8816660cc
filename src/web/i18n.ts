import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { shell } from './locales/shell';

import { localeOfPrefix } from '../platform/http/links';
import { type Locale, type LocalizedText, locales } from '../platform/i18n/text';

export { type Locale, type LocalizedText, locales } from '../platform/i18n/text';

/** Language ↔ URL prefix of public pages. */
export { localeOfPrefix, localePrefix as prefixOf } from '../platform/http/links';

const storageKey = 'wz.lang';

export function initialLocale(): Locale {
  // A public page's prefix, else ?lang= (links to account and staff pages carry the recipient's language).
  const fromUrl =
    localeOfPrefix(window.location.pathname.split('/')[1]) ?? localeOfPrefix(new URLSearchParams(window.location.search).get('lang'));
  if (fromUrl) {
    localStorage.setItem(storageKey, fromUrl);
    return fromUrl;
  }
  const saved = localStorage.getItem(storageKey);
  if (saved && (locales as readonly string[]).includes(saved)) return saved as Locale;
  for (const l of navigator.languages ?? [navigator.language]) {
    const t = l.toLowerCase();
    if (t.startsWith('zh-hant') || t === 'zh-tw' || t === 'zh-hk' || t === 'zh-mo') return 'zh-Hant';
    if (t.startsWith('zh')) return 'zh-Hans';
    if (t.startsWith('en')) return 'en';
  }
  return 'en';
}

// The shell's texts; each feature's namespace is added by addTexts() at start-up (src/web/main.tsx).
void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(locales.map((l) => [l, { shell: shell[l] as unknown as Record<string, unknown> }])),
  lng: initialLocale(),
  fallbackLng: { 'zh-Hant': ['zh-Hans', 'en'], 'zh-Hans': ['en'], default: ['en'] },
  defaultNS: 'shell',
  ns: ['shell'],
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Adds a namespace of texts in the three languages (a feature's, under its name). */
export function addTexts(ns: string, texts: Record<Locale, Record<string, unknown>>) {
  for (const l of locales) i18n.addResourceBundle(l, ns, texts[l]);
}

/** Switches the UI language, remembers it, and sets <html lang>. */
export async function setLocale(l: Locale) {
  localStorage.setItem(storageKey, l);
  document.documentElement.lang = l;
  await i18n.changeLanguage(l);
}
document.documentElement.lang = i18n.language;

export const useLocale = () => useTranslation().i18n.language as Locale;

/** Picks the text of a localized field, converting between Chinese scripts only on the server (marked there); here: locale, then the other Chinese script, then any. */
export function pick(value: LocalizedText | null | undefined, locale: Locale): { text: string; lang: Locale | null } {
  if (!value) return { text: '', lang: null };
  if (value[locale]) return { text: value[locale]!, lang: locale };
  const order: Locale[] =
    locale === 'en' ? ['en', 'zh-Hans', 'zh-Hant'] : locale === 'zh-Hant' ? ['zh-Hant', 'zh-Hans', 'en'] : ['zh-Hans', 'zh-Hant', 'en'];
  for (const l of order) if (value[l]) return { text: value[l]!, lang: l };
  return { text: '', lang: null };
}

export default i18n;
