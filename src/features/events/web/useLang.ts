import { prefixOf, useLocale } from '../../../web/i18n';

/** The language prefix of public page links (en, zh-hans, zh-hant). */
export function useLang() {
  return prefixOf[useLocale()];
}
