import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { urlOf } from '../../../platform/http/contract';
import { query } from '../../../web/api';
import { eventsApi, eventsPages } from '../contract';
import { ErrorAlert } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';

export function SessionPage() {
  const { id = '', slug = '' } = useParams();
  const { t } = useTranslation(['events']);
  const fmt = useFormat();
  const to = useTo();
  const ev = useQuery(query(eventsApi.get, { params: { id: slug } }));
  const s = useQuery(query(eventsApi.session, { params: { id } }));
  if (s.error || ev.error) return <ErrorAlert error={s.error ?? ev.error} />;
  if (!s.data || !ev.data) return null;
  return (
    <Stack>
      <Anchor component={Link} to={to(eventsPages.event, { slug })}>
        <LText value={ev.data.name} />
      </Anchor>
      <Title order={1}>
        <LText value={s.data.title} />
      </Title>
      <Text>
        {fmt.dateTime(s.data.startsAt, ev.data.timeZone)} · {fmt.dateTime(s.data.startsAt)} ({fmt.viewerZone})
      </Text>
      <Text>
        <LText value={s.data.description} />
      </Text>
      <Title order={2} size="h4">
        {t('events:agenda.speakers')}
      </Title>
      {s.data.people.map((p) => (
        <Text key={p.personId}>
          {p.name} {p.nameLatin && p.nameLatin !== p.name ? `(${p.nameLatin})` : ''} — {t(`events:roles.${p.role}`)}
        </Text>
      ))}
      <Anchor href={urlOf(eventsApi.sessionCalendar, { params: { id: s.data.id } })}>{t('events:agenda.calendar')}</Anchor>
    </Stack>
  );
}
