import { Paper, Progress, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { EmptyState } from '../../../web/components/EmptyState';
import type { membershipApi } from '../contract';

type Bucket = Reply<typeof membershipApi.dashboard>['byStatus'][number];

/** A table with a bar per row: readable as a chart and as numbers, and accessible. `dimension` names the column of the values counted. */
export function BarTable({
  title,
  dimension,
  buckets,
  label,
}: {
  title: string;
  dimension: string;
  buckets: Bucket[];
  label: (key: string) => string;
}) {
  const { t } = useTranslation('membership');
  const max = Math.max(1, ...buckets.map((b) => b.count));
  return (
    <Paper withBorder p="md" data-testid={`chart-${title}`}>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      {buckets.length ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{dimension}</Table.Th>
              <Table.Th>{t('dash.count')}</Table.Th>
              <Table.Th>{t('dash.share')}</Table.Th>
              <Table.Th w="40%" aria-hidden="true" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {buckets.map((b) => (
              <Table.Tr key={b.key}>
                <Table.Td>{label(b.key)}</Table.Td>
                <Table.Td>{b.count}</Table.Td>
                <Table.Td>{b.share}%</Table.Td>
                <Table.Td aria-hidden="true">
                  <Progress value={(b.count / max) * 100} size="lg" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <EmptyState>{t('dash.nothingToCount')}</EmptyState>
      )}
    </Paper>
  );
}
