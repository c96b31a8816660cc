import { Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { query } from '../../../web/api';
import { EmptyState } from '../../../web/components/EmptyState';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { callsApi, callsPages } from '../contract';

/** My submissions, and nominations addressed to me. */
export function MySubmissionsPage() {
  const { t } = useTranslation(['calls']);
  const to = useTo();
  const { data } = useQuery(query(callsApi.mine));
  return (
    <Stack>
      <Title order={1}>{t('calls:nav.mine')}</Title>
      {data?.length ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calls:form.code')}</Table.Th>
              <Table.Th>{t('calls:form.name')}</Table.Th>
              <Table.Th>{t('calls:form.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Link to={to(callsPages.submission, { id: s.id })}>{s.code}</Link>
                </Table.Td>
                <Table.Td>{'title' in s ? <LText value={s.title} /> : s.nomineeName}</Table.Td>
                <Table.Td>{t(`calls:status.${('decision' in s && s.decision) || s.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : data ? (
        <EmptyState>{t('calls:table.noMine')}</EmptyState>
      ) : null}
    </Stack>
  );
}
