import { Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepProperNames } from '../platform/i18n/names';
import { pick, useLocale, type Locale, type LocalizedText } from './i18n';

type Convert = (s: string) => string;
const converters: Partial<Record<'toHant' | 'toHans', Convert>> = {};
const loading: Partial<Record<'toHant' | 'toHans', Promise<Convert>>> = {};

/** OpenCC in the browser, loaded only when a page needs a conversion (it is large). */
function loadConverter(kind: 'toHant' | 'toHans'): Promise<Convert> {
  loading[kind] ??=
    kind === 'toHant'
      ? import('opencc-js/cn2t').then((m) => {
          const convert = m.Converter({ from: 'cn', to: 'twp' });
          converters.toHant = (s: string) => keepProperNames(convert(s));
          return converters.toHant;
        })
      : import('opencc-js/t2cn').then((m) => (converters.toHans = m.Converter({ from: 'twp', to: 'cn' })));
  return loading[kind]!;
}

export interface Shown {
  text: string;
  lang: Locale | null;
  converted: boolean;
}

/** The text of a localized field for the current language; a missing Chinese script is converted from the other. */
export function useLocalized(): (value: LocalizedText | null | undefined) => Shown {
  const locale = useLocale();
  const [, setTick] = useState(0);
  const need = locale === 'zh-Hant' ? 'toHant' : locale === 'zh-Hans' ? 'toHans' : null;
  useEffect(() => {
    // A page gone by the time the converter arrives has nothing to show again.
    let shown = true;
    if (need && !converters[need]) void loadConverter(need).then(() => shown && setTick((t) => t + 1));
    return () => {
      shown = false;
    };
  }, [need]);
  return (value) => {
    const p = pick(value, locale);
    if (locale === 'zh-Hant' && p.lang === 'zh-Hans') {
      const c = converters.toHant;
      return c ? { text: c(p.text), lang: 'zh-Hant', converted: true } : { ...p, converted: false };
    }
    if (locale === 'zh-Hans' && p.lang === 'zh-Hant') {
      const c = converters.toHans;
      return c ? { text: c(p.text), lang: 'zh-Hans', converted: true } : { ...p, converted: false };
    }
    return { ...p, converted: false };
  };
}

/** Renders a localized field, marking text converted between Chinese scripts. */
export function LText({ value, fallback = '' }: { value: LocalizedText | null | undefined; fallback?: string }) {
  const { t } = useTranslation();
  const s = useLocalized()(value);
  if (!s.text) return <>{fallback}</>;
  const lang = s.lang ?? undefined;
  if (!s.converted) return <span lang={lang}>{s.text}</span>;
  return (
    <Tooltip label={t('common.converted')} withArrow>
      <span lang={lang} data-converted="true">
        {s.text}
        <span
          role="img"
          aria-label={t('common.converted')}
          style={{ fontSize: '0.7em', verticalAlign: 'super', marginInlineStart: 2, opacity: 0.7 }}
        >
          ⇄
        </span>
      </span>
    </Tooltip>
  );
}
