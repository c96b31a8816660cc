import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call, invalidate, query } from '../../../web/api';
import { EmptyState } from '../../../web/components/EmptyState';
import { useNotify } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { reviewApi, reviewPages } from '../contract';
import { ConflictList } from './ConflictList';

/** A reviewer's invitations (accept, decline, declare conflicts) and assigned entries. */
export function ReviewerDashboard() {
  const { t } = useTranslation(['review']);
  const to = useTo();
  const qc = useQueryClient();
  const notify = useNotify();
  const { data: inv } = useQuery(query(reviewApi.invitations));
  const { data: mine } = useQuery(query(reviewApi.myAssignments));
  const respond = useMutation({
    mutationFn: (x: { id: string; accept: boolean }) => call(reviewApi.respond, { params: { id: x.id }, body: { accept: x.accept } }),
    onSuccess: () => invalidate(qc, reviewApi.invitations),
    onError: notify.error,
  });
  return (
    <Stack>
      <Title order={1}>{t('review:nav')}</Title>
      <Title order={2} size="h4">
        {t('review:invitations')}
      </Title>
      {inv && !inv.length ? <EmptyState>{t('review:noInvitations')}</EmptyState> : null}
      {(inv ?? []).map((i) => (
        <Card key={i.id} withBorder>
          <Group justify="space-between">
            <Text>
              <LText value={i.callTitle} /> · {i.year}
            </Text>
            {i.status === 'invited' ? (
              <Group>
                <Button size="xs" onClick={() => respond.mutate({ id: i.id, accept: true })}>
                  {t('review:accept')}
                </Button>
                <Button size="xs" variant="default" onClick={() => respond.mutate({ id: i.id, accept: false })}>
                  {t('review:decline')}
                </Button>
              </Group>
            ) : (
              <Badge>{t(`review:reviewerStatus.${i.status}`)}</Badge>
            )}
          </Group>
          {i.status === 'accepted' ? <ConflictList invitationId={i.id} /> : null}
        </Card>
      ))}
      <Title order={2} size="h4">
        {t('review:assigned')}
      </Title>
      {mine && !mine.length ? <EmptyState>{t('review:none')}</EmptyState> : null}
      {mine?.length ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('review:code')}</Table.Th>
              <Table.Th>{t('review:title')}</Table.Th>
              <Table.Th>{t('review:status')}</Table.Th>
              <Table.Th>{t('review:total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mine.map((a) => (
              <Table.Tr key={`${a.submissionId}-${a.round}`}>
                <Table.Td>
                  <Link to={to(reviewPages.review, { id: a.submissionId })}>{a.code}</Link>
                </Table.Td>
                <Table.Td>
                  <LText value={a.title} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`review:reviewStatus.${a.reviewStatus}`)}</Table.Td>
                <Table.Td>{a.total?.toFixed(2) ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
