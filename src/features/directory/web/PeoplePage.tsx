import { Button, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Reply, urlOf } from '../../../platform/http/contract';
import { invalidate, query, upload } from '../../../web/api';
import { ErrorAlert, useCountryName } from '../../../web/components/forms';
import { ImportDialog } from '../../../web/components/ImportDialog';
import { EmptyState } from '../../../web/components/EmptyState';
import { Pager } from '../../../web/components/Pager';
import { LText } from '../../../web/localized';
import { directoryApi as api } from '../contract';
import { ExportMenu, emptyFilters, FilterBar, useListQuery } from './ListControls';
import { PersonModal } from './PersonModal';

type Person = Reply<typeof api.person>;

export function PeoplePage() {
  const { t } = useTranslation(['directory', 'shell']);
  const qc = useQueryClient();
  const countryName = useCountryName();
  const [filters, setFilters] = useState(emptyFilters);
  const [page, setPage] = useState(1);
  const input = useListQuery(filters, page);
  const list = useQuery({ ...query(api.people, { query: input.list }), placeholderData: keepPreviousData });
  const exportUrl = (format: 'csv' | 'xlsx') => urlOf(api.exportPeople, { query: { ...input.matching, format } });
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('person.title')}</Title>
        <Group>
          <Button variant="default" onClick={() => setImporting(true)}>
            {t('shell:common.import')}
          </Button>
          <ExportMenu url={exportUrl} />
          <Button onClick={() => setEditing('new')}>{t('person.new')}</Button>
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
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shell:common.name')}</Table.Th>
              <Table.Th>{t('person.affiliation')}</Table.Th>
              <Table.Th>{t('shell:common.country')}</Table.Th>
              <Table.Th>{t('shell:common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {p.name}
                  </Text>
                  {p.nameLatin && p.nameLatin !== p.name ? (
                    <Text size="xs" c="dimmed">
                      {p.nameLatin}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {p.affiliations[0] ? (
                    <Text size="sm">
                      <LText value={p.affiliations[0].organizationName} />
                      {' · '}
                      <LText value={p.affiliations[0].title} />
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{countryName(p.countryCode)}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" onClick={() => setEditing(p)}>
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
      {editing ? <PersonModal person={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {importing ? (
        <ImportDialog
          send={(file, dryRun) => upload(api.import, { kind: 'people' }, file, {}, { dryRun })}
          columns={t('import.personColumns')}
          onImported={() => invalidate(qc, api.people)}
          onClose={() => setImporting(false)}
        />
      ) : null}
    </Stack>
  );
}
