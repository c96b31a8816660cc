import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { urlOf } from '../../../platform/http/contract';
import { query } from '../../../web/api';
import { eventsApi, eventsPages } from '../contract';
import { ErrorAlert } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { useLocale } from '../../../web/i18n';
import { useTo } from '../../../web/links';
import { LText, useLocalized } from '../../../web/localized';
import { SessionCard } from './SessionCard';
import { dayIn } from '../../../web/time';
import type { SessionT } from './types';

export function EventPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation(['events', 'shell']);
  const to = useTo();
  const locale = useLocale();
  const fmt = useFormat();
  const [filters, setFilters] = useState<{ day: string | null; room: string | null; theme: string | null; language: string | null }>({
    day: null,
    room: null,
    theme: null,
    language: null,
  });
  const [zoneMode, setZoneMode] = useState<'event' | 'mine'>('event');
  const q = useQuery(
    query(eventsApi.agenda, {
      params: { id: slug },
      query: {
        day: filters.day ?? undefined,
        room: filters.room ?? undefined,
        theme: filters.theme ?? undefined,
        language: filters.language ?? undefined,
      },
    }),
  );
  const localized = useLocalized();
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const { event: ev } = q.data;
  const zone = zoneMode === 'event' ? ev.timeZone : fmt.viewerZone;
  const byDay = new Map<string, SessionT[]>();
  for (const s of q.data.sessions) byDay.set(dayIn(s.startsAt, zone), [...(byDay.get(dayIn(s.startsAt, zone)) ?? []), s]);
  return (
    <Stack>
      <Title order={1}>
        <LText value={ev.name} />
      </Title>
      {ev.theme && (
        <Text fs="italic">
          <LText value={ev.theme} />
        </Text>
      )}
      <Text c="gray.7">
        {fmt.date(`${ev.startDate}T12:00:00Z`)} – {fmt.date(`${ev.endDate}T12:00:00Z`)} · <LText value={ev.city} /> ·{' '}
        {t(`events:modes.${ev.mode}`)}
      </Text>
      <Group>
        {ev.registrationOpen && (
          <Button component={Link} to={to(eventsPages.register, { slug: ev.slug })}>
            {t('events:agenda.register')}
          </Button>
        )}
        <Button variant="default" component="a" href={urlOf(eventsApi.eventCalendar, { params: { id: ev.id }, query: { lang: locale } })}>
          {t('events:agenda.calendar')}
        </Button>
      </Group>
      <Title order={2} size="h3">
        {t('events:agenda.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Select
          label={t('events:agenda.day')}
          clearable
          data={q.data.days}
          value={filters.day}
          onChange={(v) => setFilters({ ...filters, day: v })}
        />
        <Select
          label={t('events:agenda.room')}
          clearable
          data={q.data.rooms.map((r) => ({ value: r.id, label: localized(r.name).text }))}
          value={filters.room}
          onChange={(v) => setFilters({ ...filters, room: v })}
        />
        <Select
          label={t('events:agenda.theme')}
          clearable
          data={q.data.themes}
          value={filters.theme}
          onChange={(v) => setFilters({ ...filters, theme: v })}
        />
        <Select
          label={t('events:agenda.language')}
          clearable
          data={q.data.languages}
          value={filters.language}
          onChange={(v) => setFilters({ ...filters, language: v })}
        />
      </SimpleGrid>
      <SegmentedControl
        value={zoneMode}
        onChange={(v) => setZoneMode(v as 'event' | 'mine')}
        data={[
          { value: 'event', label: t('events:agenda.zoneEvent', { zone: ev.timeZone }) },
          { value: 'mine', label: t('events:agenda.zoneMine', { zone: fmt.viewerZone }) },
        ]}
      />
      {[...byDay.entries()].map(([day, list]) => (
        <Stack key={day} gap="xs">
          <Title order={3} size="h4">
            {fmt.date(`${day}T12:00:00Z`)}
          </Title>
          {list.map((s) => (
            <SessionCard key={s.id} s={s} zone={zone} slug={ev.slug} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
