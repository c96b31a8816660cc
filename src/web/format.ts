import { useLocale } from './i18n';

const calendarDay = /^\d{4}-\d{2}-\d{2}$/;

/** Dates and times in the viewer's locale; pass an IANA zone to show an event's local time. */
export function useFormat() {
  const locale = useLocale();
  const tag = locale === 'en' ? 'en-GB' : locale === 'zh-Hant' ? 'zh-TW' : 'zh-CN';
  return {
    // A calendar day (YYYY-MM-DD) is that day wherever the viewer is: read and shown in UTC, it never moves to the day before.
    date: (d: string | Date | null | undefined, timeZone?: string) =>
      d
        ? new Intl.DateTimeFormat(tag, {
            dateStyle: 'medium',
            timeZone: typeof d === 'string' && calendarDay.test(d) ? 'UTC' : timeZone,
          }).format(new Date(d))
        : '',
    dateTime: (d: string | Date | null | undefined, timeZone?: string) =>
      // dateStyle/timeStyle cannot be combined with timeZoneName: spell the fields out when a zone is named.
      d
        ? new Intl.DateTimeFormat(
            tag,
            timeZone
              ? { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }
              : { dateStyle: 'medium', timeStyle: 'short' },
          ).format(new Date(d))
        : '',
    time: (d: string | Date | null | undefined, timeZone?: string) =>
      d ? new Intl.DateTimeFormat(tag, { timeStyle: 'short', timeZone }).format(new Date(d)) : '',
    /** From one instant to another, as one range (the day once when both are on it), with the zone's name. */
    span: (from: string | Date, to: string | Date, timeZone: string) =>
      new Intl.DateTimeFormat(tag, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
        timeZoneName: 'short',
      }).formatRange(new Date(from), new Date(to)),
    number: (n: number) => new Intl.NumberFormat(tag).format(n),
    /** A file's size in kB under a megabyte, else MB (decimal units, as file managers show them), in the viewer's number format. */
    fileSize: (bytes: number) => {
      const [value, unit] = bytes < 1e6 ? [Math.max(bytes / 1e3, 0.1), 'kilobyte'] : [bytes / 1e6, 'megabyte'];
      return new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(
        value,
      );
    },
    viewerZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}
