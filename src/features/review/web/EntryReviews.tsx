import { Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { query } from '../../../web/api';
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
      <Table>
        <Table.Tbody>
          {(reviews ?? []).map((r) => (
            <Table.Tr key={`${r.round}-${r.reviewerId}`}>
              <Table.Td>
                {t('calls:admin.round')} {r.round}
              </Table.Td>
              <Table.Td>{r.reviewerName}</Table.Td>
              <Table.Td>{t(`review:reviewStatus.${r.status}`)}</Table.Td>
              <Table.Td>{r.total?.toFixed(2) ?? ''}</Table.Td>
              <Table.Td>{r.commentCommittee}</Table.Td>
              <Table.Td>{r.commentApplicant}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(thread ?? []).map((m) => (
        <Text key={m.id} size="sm">
          <b>{m.authorName}</b>: {m.body}
        </Text>
      ))}
    </>
  );
}
