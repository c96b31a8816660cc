import { Button, Card, Group, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, query } from '../../../web/api';
import { eventsApi } from '../../events/contract';
import { LocalizedInput, useNotify } from '../../../web/components/forms';
import type { LocalizedText } from '../../../web/i18n';
import { useLocalized } from '../../../web/localized';
import { groupsApi, meetingModes } from '../contract';

/** Plans a meeting of a group: its time in a chosen zone, online or in person, maybe at an event. */
const timeZones = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/Madrid',
  'Europe/Berlin',
  'Europe/London',
  'Africa/Nairobi',
  'America/Sao_Paulo',
  'America/New_York',
  'UTC',
];

export function MeetingForm({ slug, onDone }: { slug: string; onDone: () => void }) {
  const { t } = useTranslation(['groups', 'shell']);
  const notify = useNotify();
  const [title, setTitle] = useState<LocalizedText>({});
  const [local, setLocal] = useState('');
  const [timezone, setTimezone] = useState('Asia/Shanghai');
  const [mode, setMode] = useState<(typeof meetingModes)[number]>('online');
  const [link, setLink] = useState('');
  const [location, setLocation] = useState('');
  const [eventId, setEventId] = useState<string | null>(null);
  const localized = useLocalized();
  // Upcoming published events the meeting can be held at (the public list holds every published one).
  const events = useQuery(query(eventsApi.list));
  const eventChoices = (events.data ?? [])
    .filter((e) => e.status === 'published' && e.endDate >= new Date().toISOString().slice(0, 10))
    .map((e) => ({ value: e.id, label: localized(e.name).text }));
  const save = useMutation({
    mutationFn: () => {
      // The wall-clock time is meant in the chosen zone: find that zone's offset at that moment.
      const guess = new Date(`${local}:00Z`);
      const inZone = new Date(guess.toLocaleString('en-US', { timeZone: timezone }));
      const asUtc = new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' }));
      const startsAt = new Date(guess.getTime() - (inZone.getTime() - asUtc.getTime())).toISOString();
      return call(groupsApi.createMeeting, {
        params: { id: slug },
        body: {
          title,
          startsAt,
          timezone,
          mode,
          link: link || null,
          location: location || null,
          eventId,
        },
      });
    },
    onSuccess: onDone,
    onError: notify.error,
  });
  return (
    <Card withBorder>
      <Stack>
        <LocalizedInput label={t('groups:meeting.title')} value={title} onChange={setTitle} required />
        <Group grow>
          <TextInput
            type="datetime-local"
            label={t('groups:meeting.startsAt')}
            value={local}
            onChange={(e) => setLocal(e.currentTarget.value)}
            required
          />
          <Select label={t('groups:meeting.timezone')} data={timeZones} value={timezone} onChange={(v) => v && setTimezone(v)} searchable />
          <Select
            label={t('groups:meeting.mode')}
            data={meetingModes.map((m) => ({ value: m, label: t(`groups:meeting.${m}`) }))}
            value={mode}
            onChange={(v) => {
              const m = meetingModes.find((x) => x === v);
              if (m) setMode(m);
            }}
          />
        </Group>
        {mode !== 'in_person' ? (
          <TextInput label={t('groups:meeting.link')} value={link} onChange={(e) => setLink(e.currentTarget.value)} />
        ) : null}
        {mode !== 'online' ? (
          <TextInput label={t('groups:meeting.location')} value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
        ) : null}
        {eventChoices.length ? (
          <Select
            label={t('groups:meeting.event')}
            description={t('groups:meeting.eventHint')}
            data={eventChoices}
            value={eventId}
            onChange={setEventId}
            clearable
          />
        ) : null}
        <Button onClick={() => save.mutate()} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('shell:common.save')}
        </Button>
      </Stack>
    </Card>
  );
}
