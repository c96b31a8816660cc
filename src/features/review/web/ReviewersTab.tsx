import { Button, Group, NumberInput, Select, Stack, Table, TextInput, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, invalidate, query } from '../../../web/api';
import { directoryApi } from '../../directory/contract';
import { EmptyState } from '../../../web/components/EmptyState';
import { useNotify } from '../../../web/components/forms';
import { reviewApi } from '../contract';

/** The panel of a call: invite directory people with their expertise and load limit; take them off. */
export function ReviewersTab({ callId }: { callId: string }) {
  const { t } = useTranslation(['calls', 'shell', 'review']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [q, setQ] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  const [tags, setTags] = useState('');
  const [capacity, setCapacity] = useState(10);
  const [round, setRound] = useState(1);
  const params = { id: callId };
  const { data: pool } = useQuery(query(reviewApi.pool, { params }));
  const { data: found } = useQuery(query(directoryApi.people, { query: { q, pageSize: 20 } }));
  const invite = useMutation({
    mutationFn: (personId: string) =>
      call(reviewApi.invite, {
        params,
        body: {
          round,
          reviewers: [
            {
              personId,
              expertise: tags
                .split(/[,，]/)
                .map((x) => x.trim())
                .filter(Boolean),
              capacity,
            },
          ],
        },
      }),
    onSuccess: () => invalidate(qc, reviewApi.pool),
    onError: notify.error,
  });
  const remove = useMutation({
    mutationFn: (reviewerId: string) => call(reviewApi.removeReviewer, { params: { id: callId, reviewerId } }),
    onSuccess: () => invalidate(qc, reviewApi.pool),
    onError: (e) =>
      e instanceof ApiError && e.code === 'reviewer_has_reviews'
        ? notifications.show({ color: 'red', message: t('calls:admin.reviewerHasReviews') })
        : notify.error(e),
  });
  return (
    <Stack>
      <Group align="end">
        <Select
          label={t('calls:admin.person')}
          searchable
          onSearchChange={setQ}
          data={(found?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} ${p.email ? `<${p.email}>` : ''}` }))}
          value={personId}
          onChange={setPersonId}
        />
        <TextInput label={t('calls:admin.expertise')} value={tags} onChange={(e) => setTags(e.currentTarget.value)} />
        <NumberInput label={t('calls:admin.capacity')} value={capacity} onChange={(v) => setCapacity(Number(v))} w={110} />
        <NumberInput label={t('calls:admin.round')} value={round} min={1} onChange={(v) => setRound(Number(v))} w={90} />
        <Button onClick={() => personId && invite.mutate(personId)} disabled={!personId}>
          {t('calls:admin.invite')}
        </Button>
      </Group>
      {pool && !pool.length ? <EmptyState>{t('calls:table.noReviewers')}</EmptyState> : null}
      {pool?.length ? (
        <Table.ScrollContainer minWidth={760}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calls:form.name')}</Table.Th>
                <Table.Th>{t('calls:form.email')}</Table.Th>
                <Table.Th>{t('calls:table.expertise')}</Table.Th>
                <Table.Th>{t('calls:admin.capacity')}</Table.Th>
                <Table.Th>{t('calls:admin.round')}</Table.Th>
                <Table.Th>{t('calls:form.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('shell:common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pool.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{r.email}</Table.Td>
                  <Table.Td>{r.expertise.join(', ')}</Table.Td>
                  <Table.Td>{r.capacity}</Table.Td>
                  <Table.Td>{r.round}</Table.Td>
                  <Table.Td>{t(`review:reviewerStatus.${r.status}`)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => window.confirm(t('calls:admin.confirmRemoveReviewer', { name: r.name })) && remove.mutate(r.id)}
                    >
                      {t('calls:admin.removeReviewer')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
