import { Anchor, Avatar, Button, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Reply, urlOf } from '../../../platform/http/contract';
import { invalidate, query, upload } from '../../../web/api';
import { ErrorAlert, useCountryName } from '../../../web/components/forms';
import { ImportDialog } from '../../../web/components/ImportDialog';
import { EmptyState } from '../../../web/components/EmptyState';
import { Pager } from '../../../web/components/Pager';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { directoryApi as api, directoryPages } from '../contract';
import { ExportMenu, emptyFilters, FilterBar, useListQuery } from './ListControls';
import { OrganizationModal } from './OrganizationModal';

type Organization = Reply<typeof api.organization>;

export function OrganizationsPage() {
  const { t } = useTranslation(['directory', 'shell']);
  const qc = useQueryClient();
  const countryName = useCountryName();
  const to = useTo();
  const [filters, setFilters] = useState(emptyFilters);
  const [page, setPage] = useState(1);
  const input = useListQuery(filters, page);
  const list = useQuery({ ...query(api.organizations, { query: input.list }), placeholderData: keepPreviousData });
  const exportUrl = (format: 'csv' | 'xlsx') => urlOf(api.exportOrganizations, { query: { ...input.matching, format } });
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('org.title')}</Title>
        <Group>
          <Button variant="default" onClick={() => setImporting(true)}>
            {t('shell:common.import')}
          </Button>
          <ExportMenu url={exportUrl} />
          <Button onClick={() => setEditing('new')}>{t('org.new')}</Button>
        </Group>
      </Group>
      <FilterBar
        filters={filters}
        onChange={(f) => {
          setFilters(f);
          setPage(1);
        }}
      />
      <ErrorAlert error={list.error} />
      <ScrollArea>
        <Table striped highlightOnHover data-testid="organizations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('org.name')}</Table.Th>
              <Table.Th>{t('shell:common.country')}</Table.Th>
              <Table.Th>{t('org.group')}</Table.Th>
              <Table.Th>{t('shell:common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Avatar src={o.logoFileId ? urlOf(api.logo, { params: { id: o.logoFileId } }) : null} alt="" size="sm" radius="sm" />
                    <div>
                      <Anchor component={Link} to={to(directoryPages.organization, { id: o.id })} size="sm" fw={500}>
                        <LText value={o.name} />
                      </Anchor>
                      {o.shortName ? (
                        <Text size="xs" c="dimmed">
                          {o.shortName}
                        </Text>
                      ) : null}
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td>{countryName(o.countryCode)}</Table.Td>
                <Table.Td>{t(`shell:stakeholders.${o.stakeholderGroup}`)}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" onClick={() => setEditing(o)}>
                    {t('shell:common.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {list.data && list.data.items.length === 0 ? <EmptyState>{t('shell:common.noResults')}</EmptyState> : null}
      <Pager total={list.data?.total ?? 0} page={page} pageSize={25} onChange={setPage} />
      {editing ? <OrganizationModal org={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {importing ? (
        <ImportDialog
          send={(file, dryRun) => upload(api.import, { kind: 'organizations' }, file, {}, { dryRun })}
          columns={t('import.orgColumns')}
          onImported={() => invalidate(qc, api.organizations, api.people)}
          onClose={() => setImporting(false)}
        />
      ) : null}
    </Stack>
  );
}
