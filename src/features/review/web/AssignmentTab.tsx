import { Button, Group, NumberInput, Stack, Table, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, invalidate, query } from '../../../web/api';
import { ErrorAlert, useNotify } from '../../../web/components/forms';
import { reviewApi } from '../contract';

/** A round's assignment: run the solver, remind, pin or forbid pairs; progress per reviewer. */
export function AssignmentTab({ callId }: { callId: string }) {
  const { t } = useTranslation(['calls', 'shell']);
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
      <Table>
        <Table.Tbody>
          {(progress?.reviewers ?? []).map((r) => (
            <Table.Tr key={r.reviewerId}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>
                {r.submitted} / {r.assigned}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table>
        <Table.Tbody>
          {(list ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.code}</Table.Td>
              <Table.Td>{a.reviewerName}</Table.Td>
              <Table.Td>{a.pinned ? t('calls:admin.pinned') : ''}</Table.Td>
              <Table.Td>{a.reviewStatus ?? '—'}</Table.Td>
              <Table.Td>{a.total?.toFixed(2) ?? ''}</Table.Td>
              <Table.Td>
                <Group gap="xs">
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
    </Stack>
  );
}
