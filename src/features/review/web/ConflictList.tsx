import { Badge, Box, Button, Table } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, invalidate, query } from '../../../web/api';
import { EmptyState } from '../../../web/components/EmptyState';
import { useNotify } from '../../../web/components/forms';
import { LText } from '../../../web/localized';
import { reviewApi } from '../contract';

/** The call's entries by title, to declare a conflict of interest before reviewing. */
export function ConflictList({ invitationId }: { invitationId: string }) {
  const { t } = useTranslation(['review']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const { data } = useQuery({ ...query(reviewApi.conflictCandidates, { params: { id: invitationId } }), enabled: open });
  const declare = useMutation({
    mutationFn: (submissionId: string) =>
      call(reviewApi.declareConflict, { params: { id: invitationId }, body: { submissionId, reason: '' } }),
    onSuccess: () => invalidate(qc, reviewApi.conflictCandidates, reviewApi.myAssignments),
    onError: notify.error,
  });
  if (!open)
    return (
      <Button variant="default" size="xs" mt="xs" w="fit-content" onClick={() => setOpen(true)}>
        {t('review:conflicts')}
      </Button>
    );
  if (!data) return null;
  if (!data.length)
    return (
      <Box mt="xs">
        <EmptyState>{t('review:noEntries')}</EmptyState>
      </Box>
    );
  return (
    <Table.ScrollContainer minWidth={560} mt="xs">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('review:code')}</Table.Th>
            <Table.Th>{t('review:title')}</Table.Th>
            <Table.Th>{t('review:organization')}</Table.Th>
            <Table.Th>{t('review:conflict')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{x.code}</Table.Td>
              <Table.Td>
                <LText value={x.title} />
              </Table.Td>
              <Table.Td>{x.organization}</Table.Td>
              <Table.Td>
                {x.conflict ? (
                  <Badge color="gray">{t('review:declared')}</Badge>
                ) : (
                  <Button size="xs" variant="default" onClick={() => declare.mutate(x.id)}>
                    {t('review:declare')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
