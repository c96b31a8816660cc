import { Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { query } from '../../../web/api';
import { EmptyState } from '../../../web/components/EmptyState';
import { reviewApi } from '../contract';

/** For staff, beside an entry's answers: every review of every round (with the reviewer), and the committee discussion. */
export function EntryReviews({ submissionId }: { submissionId: string }) {
  const { t } = useTranslation(['calls', 'review']);
  const params = { id: submissionId };
  const { data: reviews } = useQuery(query(reviewApi.submissionReviews, { params }));
  const { data: thread } = useQuery(query(reviewApi.discussion, { params }));
  return (
    <>
      <Title order={4}>{t('calls:admin.reviews')}</Title>
      {reviews && !reviews.length ? <EmptyState>{t('calls:table.noReviews')}</EmptyState> : null}
      {reviews?.length ? (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calls:admin.round')}</Table.Th>
                <Table.Th>{t('calls:admin.reviewer')}</Table.Th>
                <Table.Th>{t('calls:form.status')}</Table.Th>
                <Table.Th>{t('calls:table.total')}</Table.Th>
                <Table.Th>{t('review:forCommittee')}</Table.Th>
                <Table.Th>{t('review:forApplicant')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reviews.map((r) => (
                <Table.Tr key={`${r.round}-${r.reviewerId}`}>
                  <Table.Td>{r.round}</Table.Td>
                  <Table.Td>{r.reviewerName}</Table.Td>
                  <Table.Td>{t(`review:reviewStatus.${r.status}`)}</Table.Td>
                  <Table.Td>{r.total?.toFixed(2) ?? ''}</Table.Td>
                  <Table.Td>{r.commentCommittee}</Table.Td>
                  <Table.Td>{r.commentApplicant}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {(thread ?? []).map((m) => (
        <Text key={m.id} size="sm">
          <b>{m.authorName}</b>: {m.body}
        </Text>
      ))}
    </>
  );
}
