import { Anchor, Stack, Table, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { call, invalidate, query, readSearch } from '../../../web/api';
import { type BulkAction, BulkBar, SelectPage, SelectRow } from '../../../web/components/BulkBar';
import { useCountryName } from '../../../web/components/forms';
import { EmptyState } from '../../../web/components/EmptyState';
import { Pager } from '../../../web/components/Pager';
import { useSelection } from '../../../web/components/useSelection';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { membershipApi as api, type ApplicationFilter, type ApplicationStatus, applicationQuery, membershipPages } from '../contract';
import { Filters } from './AdminFilters';
import { MembershipError } from './MembershipError';
import { StatusBadge } from './StatusBadge';

/** The queue's status filter, in the order the secretariat works through it. */
const queueStatuses = [
  'submitted',
  'info_requested',
  'approved',
  'rejected',
  'withdrawn',
  'draft',
] as const satisfies readonly ApplicationStatus[];

/** The secretariat's queue of applications; decisions one by one on each application's page, or on a selection here. */
export function QueuePage() {
  const { t } = useTranslation(['membership', 'shell']);
  const to = useTo();
  const countryName = useCountryName();
  const f = useFormat();
  const [search] = useSearchParams();
  // A link may open the queue filtered by status (?status=submitted, from the staff overview).
  const [filters, setFilters] = useState<Filters<ApplicationStatus>>(() => {
    const { status } = readSearch(applicationQuery, search);
    return status ? { status } : {};
  });
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(filters, 250);
  const list = useQuery({ ...query(api.applications, { query: { ...debounced, page, pageSize: 25 } }), placeholderData: keepPreviousData });
  const qc = useQueryClient();
  const selection = useSelection<ApplicationFilter>({
    ids: list.data?.items.map((a) => a.id) ?? [],
    total: list.data?.total ?? 0,
    filter: debounced,
  });
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const actions: BulkAction<ApplicationFilter>[] = [
    {
      label: t('queue.bulk.approve'),
      question: (count) => t('queue.bulk.confirmApprove', { count }),
      onOpen: () => setNote(''),
      form: (
        <Textarea label={t('queue.bulk.approveNote')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      ),
      run: (s) => call(api.bulkApprove, { body: { selection: s, reason: note.trim() || undefined } }),
      done: (count) => t('queue.bulk.approved', { count }),
      skipped: (count) => t('queue.bulk.alreadyApproved', { count }),
      testId: 'bulk-approve',
    },
    {
      label: t('queue.bulk.reject'),
      color: 'red',
      question: (count) => t('queue.bulk.confirmReject', { count }),
      onOpen: () => setReason(''),
      confirmDisabled: !reason.trim(),
      form: (
        <Textarea
          label={t('queue.reasonHint')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      ),
      run: (s) => call(api.bulkReject, { body: { selection: s, reason: reason.trim() } }),
      done: (count) => t('queue.bulk.rejected', { count }),
      skipped: (count) => t('queue.bulk.alreadyRejected', { count }),
      testId: 'bulk-reject',
    },
  ];
  return (
    <Stack>
      <Title order={1}>{t('queue.title')}</Title>
      <Filters
        value={filters}
        onChange={(v) => {
          setFilters(v);
          setPage(1);
        }}
        statuses={queueStatuses}
      />
      <MembershipError error={list.error} />
      <BulkBar selection={selection} actions={actions} onChanged={() => invalidate(qc, api.applications, api.application)} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover data-testid="queue">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <SelectPage selection={selection} />
              </Table.Th>
              <Table.Th>{t('shell:common.name')}</Table.Th>
              <Table.Th>{t('queue.category')}</Table.Th>
              <Table.Th>{t('shell:common.country')}</Table.Th>
              <Table.Th>{t('apply.group')}</Table.Th>
              <Table.Th>{t('shell:common.status')}</Table.Th>
              <Table.Th>{t('queue.submittedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <SelectRow selection={selection} id={a.id} name={a.displayName} />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={to(membershipPages.application, { id: a.id })}>
                    {a.displayName || '—'}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <LText value={a.categoryName} />
                </Table.Td>
                <Table.Td>{countryName(a.countryCode)}</Table.Td>
                <Table.Td>{a.stakeholderGroup ? t(`shell:stakeholders.${a.stakeholderGroup}`) : ''}</Table.Td>
                <Table.Td>
                  <StatusBadge status={a.status} />
                </Table.Td>
                <Table.Td>{f.date(a.submittedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data && list.data.items.length === 0 ? <EmptyState>{t('shell:common.noResults')}</EmptyState> : null}
      <Pager total={list.data?.total ?? 0} page={page} pageSize={25} onChange={setPage} />
    </Stack>
  );
}
