import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../web/i18n';

const tagOf = { en: 'en-GB', 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW' } as const;

/** An instant as the wall-clock time of a zone, in the viewer's language, with the zone's name. */
export function useZonedTime() {
  const locale = useLocale();
  return (d: string | Date, timeZone: string) =>
    new Intl.DateTimeFormat(tagOf[locale], {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
      timeZoneName: 'long',
    }).format(new Date(d));
}

/** A call's deadline in the call's own time zone; and, when the viewer is elsewhere, in theirs. */
export function useDeadlineText() {
  const { t } = useTranslation('calls');
  const zoned = useZonedTime();
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (c: { closesAt: string | Date; timeZone: string }) => {
    const theirs = zoned(c.closesAt, c.timeZone);
    const mine = zoned(c.closesAt, viewerZone);
    return `${t('calls:call.closes', { when: theirs })}${mine !== theirs ? t('calls:call.yourTime', { when: mine }) : ''}`;
  };
}

export function Deadline({ call: c, ...text }: { call: { closesAt: string | Date; timeZone: string } } & TextProps) {
  const deadline = useDeadlineText();
  return (
    <Text size="sm" data-testid="deadline" {...text}>
      {deadline(c)}
    </Text>
  );
}
