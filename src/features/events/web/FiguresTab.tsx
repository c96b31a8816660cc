import { Badge, Card, Group, SimpleGrid, Stack, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { query } from '../../../web/api';
import { eventsApi } from '../contract';
import { EmptyState } from '../../../web/components/EmptyState';
import { ErrorAlert, useCountryName } from '../../../web/components/forms';
import type { EventT } from './types';

export function FiguresTab({ ev }: { ev: EventT }) {
  const { t } = useTranslation(['events', 'shell']);
  const countryName = useCountryName();
  const q = useQuery(query(eventsApi.figures, { params: { id: ev.id } }));
  if (!q.data) return <ErrorAlert error={q.error} />;
  const f = q.data;
  const block = (title: string, dimension: string, data: Record<string, number>, label: (k: string) => string) => (
    <Card withBorder>
      <Table captionSide="top">
        <Table.Caption ta="start" mt={0} fw={600} c="var(--mantine-color-text)" fz="md">
          {title}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{dimension}</Table.Th>
            <Table.Th ta="end">{t('events:admin.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Object.entries(data)
            .sort((a, b) => b[1] - a[1])
            .map(([k, n]) => (
              <Table.Tr key={k}>
                <Table.Td>{k === 'unknown' ? '—' : label(k)}</Table.Td>
                <Table.Td ta="end">{n}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
  return (
    <Stack>
      <Group>
        <Badge size="lg">
          {t('events:admin.total')}: {f.total}
        </Badge>
        <Badge size="lg" color="blue">
          {t('events:admin.accredited')}: {f.delegates}
        </Badge>
        <Badge size="lg" color="green">
          {t('events:admin.checkedIn')}: {f.checkedIn}
        </Badge>
        <Badge size="lg" variant="light">
          {t('shell:common.country')}: {f.countries}
        </Badge>
      </Group>
      {f.total === 0 ? (
        <EmptyState>{t('events:table.noRegistrations')}</EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {block(t('events:admin.byContinent'), t('shell:common.continent'), f.byContinent, (k) => t(`shell:continents.${k}`))}
          {block(t('events:admin.byGroup'), t('events:form.group'), f.byStakeholderGroup, (k) => t(`shell:stakeholders.${k}`))}
          {block(t('events:admin.byCountry'), t('events:form.country'), f.byCountry, (k) => countryName(k))}
          {block(t('events:admin.byGender'), t('events:table.gender'), f.byGender, (k) => t(`shell:genders.${k}`))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
