import { Button, Group, NumberInput, Stack, Table, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, invalidate, query } from '../../../web/api';
import { EmptyState } from '../../../web/components/EmptyState';
import { ErrorAlert, useNotify } from '../../../web/components/forms';
import { reviewApi } from '../contract';

/** A round's assignment: run the solver, remind, pin or forbid pairs; progress per reviewer. */
export function AssignmentTab({ callId }: { callId: string }) {
  const { t } = useTranslation(['calls', 'shell', 'review']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [round, setRound] = useState(1);
  const params = { id: callId };
  const { data: list } = useQuery(query(reviewApi.assignments, { params, query: { round } }));
  const { data: progress } = useQuery(query(reviewApi.progress, { params, query: { round } }));
  const run = useMutation({
    mutationFn: () => call(reviewApi.assign, { params, body: { round } }),
    onSuccess: (r) => {
      notify.ok(t('calls:admin.assigned', { count: r.pairs, objective: r.objective }));
      void invalidate(qc, reviewApi.assignments, reviewApi.progress);
    },
    onError: notify.error,
  });
  const remind = useMutation({
    mutationFn: () => call(reviewApi.remind, { params }),
    onSuccess: () => notify.ok(),
    onError: notify.error,
  });
  const pair = useMutation({
    mutationFn: (x: { submissionId: string; reviewerId: string; action: 'pin' | 'forbid' | 'clear' }) =>
      call(reviewApi.pair, { params, body: x }),
    onSuccess: () => invalidate(qc, reviewApi.assignments),
    onError: notify.error,
  });
  return (
    <Stack>
      <Group align="end">
        <NumberInput label={t('calls:admin.round')} value={round} min={1} onChange={(v) => setRound(Number(v))} w={90} />
        <Button onClick={() => run.mutate()} loading={run.isPending} data-testid="run-assign">
          {t('calls:admin.runAssign')}
        </Button>
        <Button variant="default" onClick={() => remind.mutate()}>
          {t('calls:admin.remind')}
        </Button>
      </Group>
      <ErrorAlert error={run.error} />
      <Title order={3}>{t('calls:admin.progress')}</Title>
      {list && !list.length ? <EmptyState>{t('calls:table.noAssignments')}</EmptyState> : null}
      {progress?.reviewers.length ? (
        <Table data-testid="progress">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calls:admin.reviewer')}</Table.Th>
              <Table.Th>{t('calls:table.reviewsDone')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {progress.reviewers.map((r) => (
              <Table.Tr key={r.reviewerId}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>
                  {r.submitted} / {r.assigned}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {list?.length ? (
        <>
          <Title order={3}>{t('calls:table.assignments')}</Title>
          <Table.ScrollContainer minWidth={720}>
            <Table data-testid="assignments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('calls:form.code')}</Table.Th>
                  <Table.Th>{t('calls:admin.reviewer')}</Table.Th>
                  <Table.Th>{t('calls:admin.pinned')}</Table.Th>
                  <Table.Th>{t('calls:form.status')}</Table.Th>
                  <Table.Th>{t('calls:table.total')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('shell:common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.code}</Table.Td>
                    <Table.Td>{a.reviewerName}</Table.Td>
                    <Table.Td>{a.pinned ? t('shell:common.yes') : ''}</Table.Td>
                    <Table.Td>{t(`review:reviewStatus.${a.reviewStatus ?? 'not_started'}`)}</Table.Td>
                    <Table.Td>{a.total?.toFixed(2) ?? ''}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() =>
                            pair.mutate({ submissionId: a.submissionId, reviewerId: a.reviewerId, action: a.pinned ? 'clear' : 'pin' })
                          }
                        >
                          {a.pinned ? t('calls:admin.unpin') : t('calls:admin.pin')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => pair.mutate({ submissionId: a.submissionId, reviewerId: a.reviewerId, action: 'forbid' })}
                        >
                          {t('calls:admin.forbid')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
    </Stack>
  );
}
