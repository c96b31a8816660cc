import { useLocale } from './i18n';

/** Dates and times in the viewer's locale; pass an IANA zone to show an event's local time. */
export function useFormat() {
  const locale = useLocale();
  const tag = locale === 'en' ? 'en-GB' : locale === 'zh-Hant' ? 'zh-TW' : 'zh-CN';
  return {
    date: (d: string | Date | null | undefined, timeZone?: string) => (d ? new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone }).format(new Date(d)) : ''),
    dateTime: (d: string | Date | null | undefined, timeZone?: string) =>
      d ? new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone, timeZoneName: timeZone ? 'short' : undefined }).format(new Date(d)) : '',
    time: (d: string | Date | null | undefined, timeZone?: string) => (d ? new Intl.DateTimeFormat(tag, { timeStyle: 'short', timeZone }).format(new Date(d)) : ''),
    number: (n: number) => new Intl.NumberFormat(tag).format(n),
    viewerZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}
