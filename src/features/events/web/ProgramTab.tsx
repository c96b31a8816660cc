import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, invalidate, query } from '../../../web/api';
import { directoryApi } from '../../directory/contract';
import { eventsApi, type SessionInput, sessionKinds, speakerRoles } from '../contract';
import { ConfirmButton } from '../../../web/components/ConfirmButton';
import { ErrorAlert, useNotify } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { LText, useLocalized } from '../../../web/localized';
import { useConflictText } from './conflictText';
import { localToIso } from '../../../web/time';
import type { EventT, SessionT } from './types';

export function ProgramTab({ ev }: { ev: EventT }) {
  const { t } = useTranslation(['events', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const fmt = useFormat();
  const localized = useLocalized();
  const conflictText = useConflictText(ev);
  const rooms = useQuery(query(eventsApi.rooms, { params: { id: ev.id } }));
  const sessions = useQuery(query(eventsApi.agenda, { params: { id: ev.id } }));
  const conflicts = useQuery(query(eventsApi.conflicts, { params: { id: ev.id } }));
  const people = useQuery(query(directoryApi.people, { query: { pageSize: 200 } }));
  const refresh = () => invalidate(qc, eventsApi.rooms, eventsApi.agenda, eventsApi.conflicts, eventsApi.get);
  const [room, setRoom] = useState({ name: '', capacity: 100 as number | string });
  const addRoom = useMutation({
    mutationFn: () =>
      call(eventsApi.addRoom, { params: { id: ev.id }, body: { name: { en: room.name }, capacity: Number(room.capacity) } }),
    onSuccess: () => {
      setRoom({ name: '', capacity: 100 });
      return refresh();
    },
    onError: notify.error,
  });
  const [s, setS] = useState({
    title: '',
    kind: 'sub-forum' as SessionInput['kind'],
    start: `${ev.startDate}T09:00`,
    end: `${ev.startDate}T10:00`,
    roomId: null as string | null,
    capacity: '' as number | string,
    personId: null as string | null,
    role: 'speaker' as (typeof speakerRoles)[number],
  });
  const addSession = useMutation({
    mutationFn: () =>
      call(eventsApi.createSession, {
        params: { id: ev.id },
        body: {
          kind: s.kind,
          title: { en: s.title },
          startsAt: localToIso(s.start, ev.timeZone),
          endsAt: localToIso(s.end, ev.timeZone),
          roomId: s.roomId,
          capacity: s.capacity === '' ? null : Number(s.capacity),
          people: s.personId ? [{ personId: s.personId, role: s.role }] : [],
        },
      }),
    onSuccess: () => {
      setS({ ...s, title: '', capacity: '' });
      return refresh();
    },
  });
  const removeSession = useMutation({
    mutationFn: (sid: string) => call(eventsApi.deleteSession, { params: { id: sid } }),
    onSuccess: refresh,
  });
  const setCancelled = useMutation({
    mutationFn: (x: { id: string; cancelled: boolean }) =>
      call(eventsApi.setSessionCancelled, { params: { id: x.id }, body: { cancelled: x.cancelled } }),
    onSuccess: refresh,
  });
  const sessionNamed = (x: Pick<SessionT, 'title' | 'startsAt'>) => ({
    title: localized(x.title).text,
    time: fmt.dateTime(x.startsAt, ev.timeZone),
  });
  const toggle = useMutation({
    mutationFn: (open: boolean) => call(eventsApi.setRegistrationOpen, { params: { id: ev.id }, body: { open } }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const publish = useMutation({
    mutationFn: (force: boolean) => call(eventsApi.publish, { params: { id: ev.id }, body: { force } }),
    onSuccess: () => {
      notify.ok(t('events:admin.published'));
      return refresh();
    },
    onError: notify.error,
  });
  const sErr = addSession.error instanceof ApiError ? addSession.error : null;
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('events:admin.rooms')}
      </Title>
      {rooms.data?.map((r) => (
        <Text key={r.id}>
          <LText value={r.name} /> — {r.capacity}
        </Text>
      ))}
      <Group align="flex-end">
        <TextInput label={t('events:agenda.room')} value={room.name} onChange={(e) => setRoom({ ...room, name: e.currentTarget.value })} />
        <NumberInput label={t('events:admin.capacity')} min={1} value={room.capacity} onChange={(x) => setRoom({ ...room, capacity: x })} />
        <Button variant="light" onClick={() => addRoom.mutate()} disabled={!room.name}>
          {t('events:admin.addRoom')}
        </Button>
      </Group>
      <Title order={2} size="h4">
        {t('events:admin.sessions')}
      </Title>
      <Table>
        <Table.Tbody>
          {sessions.data?.sessions.map((x) => (
            <Table.Tr key={x.id} data-testid="admin-session">
              <Table.Td>{fmt.dateTime(x.startsAt, ev.timeZone)}</Table.Td>
              <Table.Td>
                <LText value={x.title} />
              </Table.Td>
              <Table.Td>{x.roomName ? localized(x.roomName).text : ''}</Table.Td>
              <Table.Td>{x.capacity ?? '—'}</Table.Td>
              <Table.Td>{x.people.map((p) => p.name).join(', ')}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {x.cancelled && <Badge color="red.9">{t('events:agenda.cancelled')}</Badge>}
                  {x.cancelled ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setCancelled.mutate({ id: x.id, cancelled: false }, { onError: notify.error })}
                      loading={setCancelled.isPending && setCancelled.variables?.id === x.id}
                    >
                      {t('events:admin.reinstateSession')}
                    </Button>
                  ) : (
                    <ConfirmButton
                      size="xs"
                      variant="subtle"
                      label={t('events:admin.cancelSession')}
                      dismissLabel={t('shell:common.back')}
                      question={t('events:admin.confirmCancelSession', sessionNamed(x))}
                      onConfirm={() => setCancelled.mutateAsync({ id: x.id, cancelled: true })}
                    />
                  )}
                  <ConfirmButton
                    size="xs"
                    color="red"
                    variant="subtle"
                    label={t('shell:common.delete')}
                    question={t('events:admin.confirmDeleteSession', sessionNamed(x))}
                    onConfirm={() => removeSession.mutateAsync(x.id)}
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Card withBorder>
        <ErrorAlert error={addSession.error} />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput
            label={t('events:admin.sessionTitle')}
            value={s.title}
            onChange={(e) => setS({ ...s, title: e.currentTarget.value })}
            error={sErr?.field('title')}
          />
          <Select
            label={t('events:admin.kindOf')}
            data={sessionKinds.map((k) => ({ value: k, label: t(`events:sessionKinds.${k}`) }))}
            value={s.kind}
            onChange={(x) => setS({ ...s, kind: sessionKinds.find((k) => k === x) ?? s.kind })}
          />
          <Select
            label={t('events:agenda.room')}
            clearable
            data={(rooms.data ?? []).map((r) => ({ value: r.id, label: localized(r.name).text }))}
            value={s.roomId}
            onChange={(x) => setS({ ...s, roomId: x })}
          />
          <TextInput
            type="datetime-local"
            label={t('events:admin.startsAt')}
            value={s.start}
            onChange={(e) => setS({ ...s, start: e.currentTarget.value })}
          />
          <TextInput
            type="datetime-local"
            label={t('events:admin.endsAt')}
            value={s.end}
            onChange={(e) => setS({ ...s, end: e.currentTarget.value })}
            error={sErr?.field('endsAt')}
          />
          <NumberInput label={t('events:admin.capacity')} min={1} value={s.capacity} onChange={(x) => setS({ ...s, capacity: x })} />
          <Select
            label={t('events:admin.people')}
            searchable
            clearable
            data={(people.data?.items ?? []).map((p) => ({
              value: p.id,
              label: p.nameLatin && p.nameLatin !== p.name ? `${p.name} (${p.nameLatin})` : p.name,
            }))}
            value={s.personId}
            onChange={(x) => setS({ ...s, personId: x })}
          />
          <Select
            label={t('events:admin.role')}
            data={speakerRoles.map((r) => ({ value: r, label: t(`events:roles.${r}`) }))}
            value={s.role}
            onChange={(x) => setS({ ...s, role: speakerRoles.find((r) => r === x) ?? s.role })}
          />
        </SimpleGrid>
        <Button mt="sm" onClick={() => addSession.mutate()} disabled={!s.title}>
          {t('events:admin.addSession')}
        </Button>
      </Card>
      <Title order={2} size="h4">
        {t('events:admin.conflicts')}
      </Title>
      {conflicts.data?.length === 0 && <Text c="green">{t('events:conflicts.none')}</Text>}
      {conflicts.data?.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a list shown whole, never reordered, whose items have no id
        <Alert key={i} color="orange" title={t(`events:conflicts.${c.kind}`)} data-testid="conflict">
          {conflictText(c)}
        </Alert>
      ))}
      <Group>
        {ev.status !== 'published' && (
          <Button
            onClick={() => publish.mutate((conflicts.data?.length ?? 0) > 0)}
            color={(conflicts.data?.length ?? 0) > 0 ? 'orange' : undefined}
          >
            {(conflicts.data?.length ?? 0) > 0 ? t('events:admin.publishAnyway') : t('events:admin.publish')}
          </Button>
        )}
        {ev.status === 'published' && <Badge color="teal.9">{t('events:status.published')}</Badge>}
        <Switch
          label={t('events:admin.registrationOpen')}
          checked={ev.registrationOpen}
          onChange={(e) => toggle.mutate(e.currentTarget.checked)}
        />
      </Group>
    </Stack>
  );
}
