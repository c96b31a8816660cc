import { Anchor, ScrollArea, Stack, Table, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { query, readSearch } from '../../../web/api';
import { useCountryName } from '../../../web/components/forms';
import { EmptyState } from '../../../web/components/EmptyState';
import { Pager } from '../../../web/components/Pager';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { membershipApi as api, type ApplicationStatus, applicationQuery, membershipPages } from '../contract';
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

/** The secretariat's queue of applications. */
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
      <ScrollArea>
        <Table striped highlightOnHover data-testid="queue">
          <Table.Thead>
            <Table.Tr>
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
      </ScrollArea>
      {list.data && list.data.items.length === 0 ? <EmptyState>{t('shell:common.noResults')}</EmptyState> : null}
      <Pager total={list.data?.total ?? 0} page={page} pageSize={25} onChange={setPage} />
    </Stack>
  );
}
