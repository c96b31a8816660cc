import {
  Anchor,
  Button,
  Group,
  Menu,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { urlOf } from '../../../platform/http/contract';
import { call, download, downloadFrom, invalidate, query } from '../../../web/api';
import { type BulkAction, BulkBar, SelectPage, SelectRow } from '../../../web/components/BulkBar';
import { ConfirmButton } from '../../../web/components/ConfirmButton';
import { EmptyState } from '../../../web/components/EmptyState';
import { useCountryName, useNotify } from '../../../web/components/forms';
import { Pager } from '../../../web/components/Pager';
import { useSelection } from '../../../web/components/useSelection';
import { eventsApi, eventsPages, type RegistrationFilter, type RegistrationStatus, registrationStatuses } from '../contract';
import { useCategoryLabel } from './categoryLabel';
import { useTo } from '../../../web/links';
import type { EventT } from './types';
import { VisaLetterCell } from './VisaLetterCell';

/** Rows per page of the list (the list itself comes whole: one event's registrations). */
const pageSize = 50;

/** The accreditation list: filter by status and category, decide one by one or the selection at once, mail or export the selection. */
export function AccreditationTab({ ev }: { ev: EventT }) {
  const { t } = useTranslation(['events', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const country = useCountryName();
  const categoryLabel = useCategoryLabel(ev.categories);
  const to = useTo();
  const [status, setStatus] = useState<RegistrationStatus | 'all'>('pending');
  const [category, setCategory] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [reason, setReason] = useState('');
  const [bulkReason, setBulkReason] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const filter: RegistrationFilter = { status: status === 'all' ? undefined : status, category: category ?? undefined };
  const q = useQuery(query(eventsApi.registrations, { params: { id: ev.id }, query: filter }));
  const rows = q.data ?? [];
  const shown = rows.slice((page - 1) * pageSize, page * pageSize);
  const selection = useSelection({ ids: shown.map((r) => r.id), total: rows.length, filter });
  const refresh = () => invalidate(qc, eventsApi.registrations, eventsApi.figures);
  const decide = useMutation({
    mutationFn: (x: { id: string; decision: 'approve' | 'reject'; reason?: string }) =>
      call(eventsApi.decide, { params: { id: x.id }, body: { decision: x.decision, reason: x.reason } }),
    onSuccess: refresh,
  });
  const params = { id: ev.id };
  const actions: BulkAction<RegistrationFilter>[] = [
    {
      label: t('events:bulk.accredit'),
      question: (count) => t('events:bulk.confirmAccredit', { count }),
      run: (s) => call(eventsApi.bulkDecide, { params, body: { selection: s, decision: 'approve' } }),
      done: (count) => t('events:bulk.accredited', { count }),
      skipped: (count) => t('events:bulk.alreadyAccredited', { count }),
      testId: 'bulk-accredit',
    },
    {
      label: t('events:bulk.reject'),
      color: 'red',
      question: (count) => t('events:bulk.confirmReject', { count }),
      onOpen: () => setBulkReason(''),
      confirmDisabled: !bulkReason.trim(),
      form: (
        <Textarea
          label={t('events:admin.rejectReason')}
          required
          autosize
          minRows={2}
          value={bulkReason}
          onChange={(e) => setBulkReason(e.currentTarget.value)}
        />
      ),
      run: (s) => call(eventsApi.bulkDecide, { params, body: { selection: s, decision: 'reject', reason: bulkReason.trim() } }),
      done: (count) => t('events:bulk.rejected', { count }),
      skipped: (count) => t('events:bulk.alreadyRejected', { count }),
      testId: 'bulk-reject',
    },
    {
      label: t('events:bulk.message'),
      color: 'gray',
      question: (count) => t('events:bulk.confirmMessage', { count }),
      confirmDisabled: !subject.trim() || !body.trim(),
      form: (
        <Stack gap="xs">
          <TextInput label={t('events:bulk.subject')} required value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
          <Textarea
            label={t('events:bulk.body')}
            required
            autosize
            minRows={5}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <Text size="sm" c="dimmed">
            {t('events:bulk.placeholders', {
              list: ['{{name}}', '{{event}}', '{{link}}'].join(t('shell:bulk.nameSeparator')),
              link: '{{link}}',
            })}
          </Text>
        </Stack>
      ),
      run: async (s) => {
        const r = await call(eventsApi.bulkMessage, { params, body: { selection: s, subject: subject.trim(), body: body.trim() } });
        setSubject('');
        setBody('');
        return r;
      },
      done: (count) => t('events:bulk.sent', { count }),
      skipped: (count) => t('events:bulk.erased', { count }),
      testId: 'bulk-message',
    },
  ];
  const exportAs = (format: 'csv' | 'xlsx') =>
    downloadFrom(eventsApi.bulkExport, { params, body: { selection: selection.body(), format } }).catch(notify.error);
  return (
    <Stack>
      <Group align="flex-end">
        <SegmentedControl
          value={status}
          onChange={(v) => {
            setStatus(registrationStatuses.find((s) => s === v) ?? 'all');
            setPage(1);
          }}
          data={[...registrationStatuses, 'all'].map((s) => ({
            value: s,
            label: s === 'all' ? t('shell:common.all') : t(`events:status.${s}`),
          }))}
        />
        <Select
          label={t('events:admin.category')}
          clearable
          w={220}
          data={ev.categories.map((c) => ({ value: c.key, label: categoryLabel(c.key) }))}
          value={category}
          onChange={(v) => {
            setCategory(v);
            setPage(1);
          }}
        />
      </Group>
      <Group>
        <Button
          variant="default"
          onClick={() => download(urlOf(eventsApi.delegates, { params: { id: ev.id }, query: { format: 'xlsx' } })).catch(notify.error)}
        >
          {t('events:admin.delegates')} (XLSX)
        </Button>
        <Button
          variant="default"
          onClick={() => download(urlOf(eventsApi.delegates, { params: { id: ev.id }, query: { format: 'csv' } })).catch(notify.error)}
        >
          CSV
        </Button>
        <Button variant="default" component="a" href={urlOf(eventsApi.badges, { params: { id: ev.id } })} target="_blank">
          {t('events:admin.badges')}
        </Button>
        <Button
          variant="default"
          component="a"
          href={urlOf(eventsApi.badges, { params: { id: ev.id }, query: { layout: 'sheet' } })}
          target="_blank"
        >
          {t('events:admin.badgeSheets')}
        </Button>
      </Group>
      <BulkBar selection={selection} actions={actions} onChanged={refresh}>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button size="xs" variant="default" data-testid="bulk-export">
              {t('events:bulk.export')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void exportAs('xlsx')}>{t('shell:formats.xlsx')}</Menu.Item>
            <Menu.Item onClick={() => void exportAs('csv')}>{t('shell:formats.csv')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </BulkBar>
      {q.data && !rows.length ? <EmptyState>{t('events:table.noRegistrations')}</EmptyState> : null}
      {rows.length ? (
        <Table.ScrollContainer minWidth={900}>
          <Table data-testid="accreditation">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <SelectPage selection={selection} />
                </Table.Th>
                <Table.Th>{t('shell:common.name')}</Table.Th>
                <Table.Th>{t('events:form.organization')}</Table.Th>
                <Table.Th>{t('events:form.country')}</Table.Th>
                <Table.Th>{t('events:admin.category')}</Table.Th>
                <Table.Th>{t('shell:common.status')}</Table.Th>
                <Table.Th>{t('events:admin.visa.title')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('shell:common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r) => (
                <Table.Tr key={r.id} data-testid="accreditation-row">
                  <Table.Td>
                    <SelectRow selection={selection} id={r.id} name={r.name} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={to(eventsPages.registrant, { id: ev.id, registrationId: r.id })}>
                      {r.name}
                    </Anchor>
                    {r.nameLatin && r.nameLatin !== r.name ? ` (${r.nameLatin})` : ''}
                  </Table.Td>
                  <Table.Td>{r.organization}</Table.Td>
                  <Table.Td>{country(r.countryCode)}</Table.Td>
                  <Table.Td>{categoryLabel(r.category)}</Table.Td>
                  <Table.Td>{t(`events:status.${r.status}`)}</Table.Td>
                  <Table.Td>
                    <VisaLetterCell r={r} timeZone={ev.timeZone} />
                  </Table.Td>
                  <Table.Td>
                    {r.status === 'pending' && (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          onClick={() => decide.mutate({ id: r.id, decision: 'approve' }, { onError: notify.error })}
                          loading={decide.isPending && decide.variables?.id === r.id && decide.variables.decision === 'approve'}
                        >
                          {t('events:admin.approve')}
                        </Button>
                        <ConfirmButton
                          size="xs"
                          color="red"
                          variant="light"
                          label={t('events:admin.reject')}
                          question={t('events:admin.confirmReject', { name: r.name })}
                          onOpen={() => setReason('')}
                          onConfirm={() => decide.mutateAsync({ id: r.id, decision: 'reject', reason: reason.trim() })}
                          confirmDisabled={!reason.trim()}
                        >
                          <Textarea
                            label={t('events:admin.rejectReason')}
                            required
                            autosize
                            minRows={2}
                            value={reason}
                            onChange={(e) => setReason(e.currentTarget.value)}
                          />
                        </ConfirmButton>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {rows.length ? <Pager total={rows.length} page={page} pageSize={pageSize} onChange={setPage} /> : null}
    </Stack>
  );
}
