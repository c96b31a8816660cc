import { Anchor, Button, Group, ScrollArea, Stack, Table, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidate, query, upload } from '../../../web/api';
import { useCountryName } from '../../../web/components/forms';
import { ImportDialog } from '../../../web/components/ImportDialog';
import { EmptyState } from '../../../web/components/EmptyState';
import { Pager } from '../../../web/components/Pager';
import { useFormat } from '../../../web/format';
import { LText } from '../../../web/localized';
import { membershipApi as api, type MembershipStatus, membershipStatuses } from '../contract';
import { Filters } from './AdminFilters';
import { MembershipError } from './MembershipError';
import { MembershipModal } from './MembershipModal';
import { StatusBadge } from './StatusBadge';

/** Memberships: filters, status changes with reasons, history, bulk import. */
export function MembershipsPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const qc = useQueryClient();
  const countryName = useCountryName();
  const f = useFormat();
  const [filters, setFilters] = useState<Filters<MembershipStatus>>({});
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [debounced] = useDebouncedValue(filters, 250);
  const list = useQuery({ ...query(api.memberships, { query: { ...debounced, page, pageSize: 25 } }), placeholderData: keepPreviousData });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('admin.membersTitle')}</Title>
        <Button variant="default" onClick={() => setImporting(true)}>
          {t('admin.import')}
        </Button>
      </Group>
      <Filters
        value={filters}
        onChange={(v) => {
          setFilters(v);
          setPage(1);
        }}
        statuses={membershipStatuses}
      />
      <MembershipError error={list.error} />
      <ScrollArea>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shell:common.name')}</Table.Th>
              <Table.Th>{t('queue.category')}</Table.Th>
              <Table.Th>{t('shell:common.country')}</Table.Th>
              <Table.Th>{t('shell:common.status')}</Table.Th>
              <Table.Th>{t('admin.start')}</Table.Th>
              <Table.Th>{t('admin.renewal')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Anchor component="button" onClick={() => setOpen(m.id)}>
                    <LText value={m.name} />
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <LText value={m.categoryName} />
                </Table.Td>
                <Table.Td>{countryName(m.countryCode)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={m.status} />
                </Table.Td>
                <Table.Td>{f.date(m.startDate)}</Table.Td>
                <Table.Td>{f.date(m.renewalDate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {list.data && list.data.items.length === 0 ? <EmptyState>{t('shell:common.noResults')}</EmptyState> : null}
      <Pager total={list.data?.total ?? 0} page={page} pageSize={25} onChange={setPage} />
      {open ? <MembershipModal id={open} onClose={() => setOpen(null)} /> : null}
      {importing ? (
        <ImportDialog
          send={(file, dryRun) => upload(api.import, undefined, file, {}, { dryRun })}
          columns={t('admin.importColumns')}
          onImported={() => invalidate(qc, api.memberships, api.dashboard, api.members)}
          onClose={() => setImporting(false)}
        />
      ) : null}
    </Stack>
  );
}
