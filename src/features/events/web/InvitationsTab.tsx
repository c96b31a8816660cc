import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, invalidate, query, upload } from '../../../web/api';
import { locales } from '../../../platform/i18n/text';
import { eventsApi, type InvitationInput, invitationCategories } from '../contract';
import { ErrorAlert, useNotify } from '../../../web/components/forms';
import type { EventT } from './types';

export function InvitationsTab({ ev }: { ev: EventT }) {
  const { t } = useTranslation(['events', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const channels = useQuery(query(eventsApi.channels, { params: { id: ev.id } }));
  const list = useQuery(query(eventsApi.invitations, { params: { id: ev.id } }));
  const refresh = () => invalidate(qc, eventsApi.channels, eventsApi.invitations);
  const [ch, setCh] = useState({ name: '', quota: 10 as number | string });
  const addChannel = useMutation({
    mutationFn: () => call(eventsApi.createChannel, { params: { id: ev.id }, body: { name: ch.name, quota: Number(ch.quota) } }),
    onSuccess: () => {
      setCh({ name: '', quota: 10 });
      return refresh();
    },
    onError: notify.error,
  });
  const [inv, setInv] = useState({
    email: '',
    name: '',
    category: 'delegate' as InvitationInput['category'],
    channelId: null as string | null,
    locale: 'en' as InvitationInput['locale'],
  });
  const invite = useMutation({
    mutationFn: () => call(eventsApi.invite, { params: { id: ev.id }, body: inv }),
    onSuccess: () => {
      setInv({ ...inv, email: '', name: '' });
      return refresh();
    },
  });
  const err = invite.error instanceof ApiError ? invite.error : null;
  const [file, setFile] = useState<File | null>(null);
  const imp = useMutation({
    mutationFn: () => upload(eventsApi.importInvitations, { id: ev.id }, file!, {}, { dryRun: false }),
    onSuccess: refresh,
    onError: notify.error,
  });
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('events:admin.channels')}
      </Title>
      <Table>
        <Table.Tbody>
          {channels.data?.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>
                {c.used} / {c.quota}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end">
        <TextInput label={t('events:admin.channel')} value={ch.name} onChange={(e) => setCh({ ...ch, name: e.currentTarget.value })} />
        <NumberInput label={t('events:admin.quota')} min={0} value={ch.quota} onChange={(x) => setCh({ ...ch, quota: x })} />
        <Button variant="light" onClick={() => addChannel.mutate()} disabled={!ch.name}>
          {t('events:admin.addChannel')}
        </Button>
      </Group>
      <Title order={2} size="h4">
        {t('events:admin.invite')}
      </Title>
      <ErrorAlert error={invite.error} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput
          label={t('events:admin.email')}
          value={inv.email}
          onChange={(e) => setInv({ ...inv, email: e.currentTarget.value })}
          error={err?.field('email')}
        />
        <TextInput
          label={t('shell:common.name')}
          value={inv.name}
          onChange={(e) => setInv({ ...inv, name: e.currentTarget.value })}
          error={err?.field('name')}
        />
        <Select
          label={t('events:admin.category')}
          data={invitationCategories.map((c) => ({ value: c, label: t(`events:categories.${c}`) }))}
          value={inv.category}
          onChange={(x) => setInv({ ...inv, category: invitationCategories.find((c) => c === x) ?? inv.category })}
        />
        <Select
          label={t('events:admin.channel')}
          clearable
          data={(channels.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.used}/${c.quota})` }))}
          value={inv.channelId}
          onChange={(x) => setInv({ ...inv, channelId: x })}
        />
        <Select
          label={t('shell:common.language')}
          data={[
            { value: 'en', label: 'English' },
            { value: 'zh-Hans', label: '简体中文' },
            { value: 'zh-Hant', label: '繁體中文' },
          ]}
          value={inv.locale}
          onChange={(x) => setInv({ ...inv, locale: locales.find((l) => l === x) ?? inv.locale })}
        />
      </SimpleGrid>
      <Button onClick={() => invite.mutate()} disabled={!inv.email || !inv.name}>
        {t('events:admin.invite')}
      </Button>
      <Group align="flex-end">
        <input type="file" accept=".csv,.xlsx" aria-label="CSV / XLSX" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        <Button variant="default" disabled={!file} onClick={() => imp.mutate()}>
          {t('shell:common.import')}
        </Button>
        {imp.data && (
          <Text size="sm">
            {imp.data.errors.length ? imp.data.errors.map((e) => `${e.line}: ${e.message}`).join('; ') : `${imp.data.written} ✓`}
          </Text>
        )}
      </Group>
      <Table>
        <Table.Tbody>
          {list.data?.map((i) => (
            <Table.Tr key={i.id} data-testid="invitation-row">
              <Table.Td>{i.name}</Table.Td>
              <Table.Td>{i.email}</Table.Td>
              <Table.Td>{t(`events:categories.${i.category}`)}</Table.Td>
              <Table.Td>{t(`events:status.${i.status}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
