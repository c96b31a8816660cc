import { Anchor, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { query } from '../../../web/api';
import { EmptyState } from '../../../web/components/EmptyState';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { membershipApi as api, membershipPages } from '../contract';
import { MembershipError } from './MembershipError';
import { StatusBadge } from './StatusBadge';

export function MyApplicationsPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const f = useFormat();
  const list = useQuery(query(api.myApplications));
  const to = useTo();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('apply.myTitle')}</Title>
        <Button component={Link} to={to(membershipPages.apply)}>
          {t('apply.newApplication')}
        </Button>
      </Group>
      <MembershipError error={list.error} />
      {list.data?.length === 0 ? <EmptyState>{t('apply.none')}</EmptyState> : null}
      {list.data?.length ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('queue.applicant')}</Table.Th>
              <Table.Th>{t('queue.category')}</Table.Th>
              <Table.Th>{t('shell:common.status')}</Table.Th>
              <Table.Th>{t('apply.when')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component={Link} to={to(membershipPages.myApplication, { id: a.id })}>
                    {a.displayName || t('apply.title')}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <LText value={a.categoryName} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={a.status} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(a.submittedAt ?? a.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
