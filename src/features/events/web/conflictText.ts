import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { useFormat } from '../../../web/format';
import { useLocalized } from '../../../web/localized';
import type { eventsApi } from '../contract';

type Conflict = Reply<typeof eventsApi.conflicts>[number];

/** What a conflict of the program is, in the viewer's language, naming the sessions (title and time) and the room or person. */
export function useConflictText(ev: { startDate: string; endDate: string }) {
  const { t } = useTranslation('events');
  const fmt = useFormat();
  const localized = useLocalized();
  const session = (s: Conflict['sessions'][number]) => {
    const when = fmt.span(s.startsAt, s.endsAt, s.timeZone);
    const title = localized(s.title).text;
    return s.event
      ? t('events:conflictText.sessionElsewhere', { title, event: localized(s.event).text, when })
      : t('events:conflictText.session', { title, when });
  };
  return (c: Conflict) =>
    t(`events:conflictText.${c.kind}`, {
      first: c.sessions[0] ? session(c.sessions[0]) : '',
      second: c.sessions[1] ? session(c.sessions[1]) : '',
      room: c.room ? localized(c.room.name).text : '',
      capacity: c.room?.capacity,
      places: c.places,
      person: c.person || t('events:conflictText.someone'),
      days: `${fmt.date(ev.startDate)} – ${fmt.date(ev.endDate)}`,
    });
}
