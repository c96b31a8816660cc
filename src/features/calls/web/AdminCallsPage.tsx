import { Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call, query } from '../../../web/api';
import { EmptyState } from '../../../web/components/EmptyState';
import { ErrorAlert, useNotify } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import { LText, useLocalized } from '../../../web/localized';
import { localToIso } from '../../../web/time';
import { type CallKind, callKinds, callsApi, callsPages } from '../contract';
import { callZones } from './zones';

export function AdminCallsPage() {
  const { t } = useTranslation(['calls', 'shell']);
  const navigate = useNavigate();
  const to = useTo();
  const notify = useNotify();
  const { data } = useQuery(query(callsApi.list));
  const { data: templates } = useQuery(query(callsApi.templates));
  const loc = useLocalized();
  const [open, setOpen] = useState(false);
  const now = new Date();
  const [draft, setDraft] = useState<{
    timeZone: string;
    template: CallKind;
    year: number;
    opensAt: string;
    closesAt: string;
    published: boolean;
  }>({
    timeZone: 'Asia/Shanghai',
    template: 'practice-case',
    year: now.getFullYear() + 1,
    opensAt: now.toISOString().slice(0, 10),
    closesAt: new Date(now.getTime() + 60 * 86400_000).toISOString().slice(0, 10),
    published: true,
  });
  const create = useMutation({
    mutationFn: () =>
      call(callsApi.create, {
        body: {
          template: draft.template,
          year: draft.year,
          opensAt: localToIso(`${draft.opensAt}T00:00`, draft.timeZone),
          closesAt: localToIso(`${draft.closesAt}T23:59`, draft.timeZone),
          timeZone: draft.timeZone,
          published: draft.published,
        },
      }),
    onSuccess: (c) => navigate(to(callsPages.adminCall, { id: c.id })),
    onError: notify.error,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('calls:admin.title')}</Title>
        <Button onClick={() => setOpen(true)} data-testid="new-call">
          {t('calls:admin.new')}
        </Button>
      </Group>
      {data && !data.length ? <EmptyState>{t('calls:call.none')}</EmptyState> : null}
      {data?.length ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calls:table.title')}</Table.Th>
              <Table.Th>{t('calls:table.year')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('calls:table.kind')}</Table.Th>
              <Table.Th>{t('calls:form.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Link to={to(callsPages.adminCall, { id: c.id })}>
                    <LText value={c.title} />
                  </Link>
                </Table.Td>
                <Table.Td>{c.year}</Table.Td>
                {/* The type repeats much of the title: left out on a phone. */}
                <Table.Td visibleFrom="sm">{t(`calls:kinds.${c.kind}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.isOpen ? t('calls:call.open') : t('calls:call.closed')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('calls:admin.new')}>
        <Stack>
          <Select
            name="template"
            label={t('calls:admin.template')}
            data={(templates ?? []).map((x) => ({ value: x.kind, label: loc(x.title).text }))}
            value={draft.template}
            onChange={(v) => {
              const kind = callKinds.find((k) => k === v);
              if (kind) setDraft({ ...draft, template: kind });
            }}
            allowDeselect={false}
          />
          <NumberInput
            name="year"
            label={t('calls:admin.year')}
            value={draft.year}
            onChange={(v) => setDraft({ ...draft, year: Number(v) })}
          />
          <TextInput
            name="opensAt"
            type="date"
            label={t('calls:admin.opensAt')}
            value={draft.opensAt}
            onChange={(e) => setDraft({ ...draft, opensAt: e.currentTarget.value })}
          />
          <TextInput
            name="closesAt"
            type="date"
            label={t('calls:admin.closesAt')}
            value={draft.closesAt}
            onChange={(e) => setDraft({ ...draft, closesAt: e.currentTarget.value })}
          />
          <Select
            name="timeZone"
            label={t('calls:admin.timeZone')}
            data={callZones}
            value={draft.timeZone}
            onChange={(v) => v && setDraft({ ...draft, timeZone: v })}
            allowDeselect={false}
            searchable
          />
          <Checkbox
            label={t('calls:admin.published')}
            checked={draft.published}
            onChange={(e) => setDraft({ ...draft, published: e.currentTarget.checked })}
          />
          <ErrorAlert error={create.error} />
          <Button onClick={() => create.mutate()} loading={create.isPending} data-testid="create-call">
            {t('calls:admin.create')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
