import { Anchor, Button, Group, Modal, Select, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, call, query } from '../../../web/api';
import { type EventInput, eventKinds, eventsApi, eventsPages, modes, visibilities } from '../contract';
import { EmptyState } from '../../../web/components/EmptyState';
import { ErrorAlert } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { hasScope, isStaff, useMe } from '../../../web/session';

export function AdminEventsPage() {
  const { t } = useTranslation(['events', 'shell']);
  const navigate = useNavigate();
  const to = useTo();
  const q = useQuery(query(eventsApi.list));
  const { data: me } = useMe();
  const staff = isStaff(me);
  // An event manager runs only the events of their scope; the public list has the others.
  const managed = (q.data ?? []).filter((e) => staff || hasScope(me, 'event_manager', 'event', e.id));
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({
    slug: '',
    nameEn: '',
    nameZh: '',
    kind: 'forum' as EventInput['kind'],
    startDate: '',
    endDate: '',
    timeZone: 'Asia/Shanghai',
    cityEn: '',
    mode: 'hybrid' as EventInput['mode'],
    visibility: 'public' as EventInput['visibility'],
    registrationOpen: true,
  });
  const create = useMutation({
    mutationFn: () =>
      call(eventsApi.create, {
        body: {
          slug: v.slug,
          kind: v.kind,
          name: { en: v.nameEn || undefined, 'zh-Hans': v.nameZh || undefined },
          startDate: v.startDate,
          endDate: v.endDate,
          timeZone: v.timeZone,
          city: { en: v.cityEn || undefined },
          mode: v.mode,
          visibility: v.visibility,
          registrationOpen: v.registrationOpen,
        },
      }),
    onSuccess: (ev) => navigate(to(eventsPages.adminEvent, { id: ev.id })),
  });
  const err = create.error instanceof ApiError ? create.error : null;
  const fmt = useFormat();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('events:admin.events')}</Title>
        {staff ? <Button onClick={() => setOpen(true)}>{t('events:admin.newEvent')}</Button> : null}
      </Group>
      {q.data && !managed.length ? <EmptyState>{staff ? t('events:list.empty') : t('events:table.managedNone')}</EmptyState> : null}
      {managed.length ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('events:admin.name')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('events:admin.start')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('shell:common.status')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('events:admin.visibility')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {managed.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <Anchor component={Link} to={to(eventsPages.adminEvent, { id: e.id })}>
                    <LText value={e.name} />
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(`${e.startDate}T12:00:00Z`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`events:status.${e.status}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`events:visibility.${e.visibility}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('events:admin.newEvent')} size="lg">
        <Stack>
          <ErrorAlert error={create.error} />
          <TextInput
            label={t('events:admin.slug')}
            required
            value={v.slug}
            onChange={(e) => setV({ ...v, slug: e.currentTarget.value })}
            error={err?.field('slug')}
          />
          <TextInput
            label={`${t('events:admin.name')} (English)`}
            value={v.nameEn}
            onChange={(e) => setV({ ...v, nameEn: e.currentTarget.value })}
            error={err?.field('name')}
          />
          <TextInput
            label={`${t('events:admin.name')} (简体中文)`}
            value={v.nameZh}
            onChange={(e) => setV({ ...v, nameZh: e.currentTarget.value })}
          />
          <Select
            label={t('events:admin.kind')}
            data={eventKinds.map((k) => ({ value: k, label: t(`events:kinds.${k}`) }))}
            value={v.kind}
            onChange={(x) => setV({ ...v, kind: eventKinds.find((k) => k === x) ?? v.kind })}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t('events:admin.start')}
              required
              value={v.startDate}
              onChange={(e) => setV({ ...v, startDate: e.currentTarget.value })}
              error={err?.field('startDate')}
            />
            <TextInput
              type="date"
              label={t('events:admin.end')}
              required
              value={v.endDate}
              onChange={(e) => setV({ ...v, endDate: e.currentTarget.value })}
              error={err?.field('endDate')}
            />
          </Group>
          <TextInput
            label={t('events:admin.timeZone')}
            required
            value={v.timeZone}
            onChange={(e) => setV({ ...v, timeZone: e.currentTarget.value })}
            error={err?.field('timeZone')}
          />
          <TextInput label={t('events:admin.city')} value={v.cityEn} onChange={(e) => setV({ ...v, cityEn: e.currentTarget.value })} />
          <Select
            label={t('events:admin.mode')}
            data={modes.map((m) => ({ value: m, label: t(`events:modes.${m}`) }))}
            value={v.mode}
            onChange={(x) => setV({ ...v, mode: modes.find((m) => m === x) ?? v.mode })}
          />
          <Select
            label={t('events:admin.visibility')}
            data={visibilities.map((m) => ({ value: m, label: t(`events:visibility.${m}`) }))}
            value={v.visibility}
            onChange={(x) => setV({ ...v, visibility: visibilities.find((m) => m === x) ?? v.visibility })}
          />
          <Switch
            label={t('events:admin.registrationOpen')}
            checked={v.registrationOpen}
            onChange={(e) => setV({ ...v, registrationOpen: e.currentTarget.checked })}
          />
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {t('shell:common.create')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
