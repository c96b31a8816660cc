import { Button, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, invalidate, query } from '../../../web/api';
import { useNotify } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { LText } from '../../../web/localized';
import { membershipApi as api, type MembershipAction, membershipActions, type MembershipStatus } from '../contract';
import { MembershipError } from './MembershipError';
import { StatusBadge } from './StatusBadge';

/** The statuses each change starts from (the server checks the same). */
const allowed: Record<MembershipAction, readonly MembershipStatus[]> = {
  renew: ['active', 'grace', 'lapsed'],
  suspend: ['active', 'grace'],
  reinstate: ['suspended'],
  terminate: ['active', 'grace', 'lapsed', 'suspended'],
};

/** One membership for the secretariat: status changes with a reason, and the history. */
export function MembershipModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation(['membership', 'shell']);
  const f = useFormat();
  const qc = useQueryClient();
  const notify = useNotify();
  const one = query(api.membership, { params: { id } });
  const q = useQuery(one);
  const [reason, setReason] = useState('');
  const act = useMutation({
    mutationFn: (action: MembershipAction) => {
      const params = { id };
      // Suspending and terminating need a reason: the server says so if it is empty.
      if (action === 'suspend' || action === 'terminate') return call(api[action], { params, body: { reason } });
      return call(api[action], { params, body: reason ? { reason } : {} });
    },
    onSuccess: (m) => {
      qc.setQueryData(one.queryKey, m);
      void invalidate(qc, api.memberships);
      setReason('');
      notify.ok();
    },
  });
  const m = q.data;
  return (
    <Modal opened onClose={onClose} size="lg" title={m ? <LText value={m.name} /> : ''}>
      {m ? (
        <Stack>
          <Group>
            <StatusBadge status={m.status} />
            {m.statusReason ? <Text size="sm">{m.statusReason}</Text> : null}
          </Group>
          <Text size="sm">
            {t('admin.start')}: {f.date(m.startDate)} · {t('admin.renewal')}: {f.date(m.renewalDate)}
            {m.graceUntil ? ` · ${t('status.grace')}: ${f.date(m.graceUntil)}` : ''}
          </Text>
          <Textarea label={t('admin.reasonFor')} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <MembershipError error={act.error} />
          <Group>
            {membershipActions
              .filter((action) => allowed[action].includes(m.status))
              .map((action) => (
                <Button
                  key={action}
                  variant={action === 'terminate' ? 'light' : 'default'}
                  color={action === 'terminate' ? 'red' : undefined}
                  onClick={() => act.mutate(action)}
                  loading={act.isPending && act.variables === action}
                >
                  {t(`admin.${action}`)}
                </Button>
              ))}
          </Group>
          <Title order={4}>{t('admin.history')}</Title>
          <Table.ScrollContainer minWidth={520}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.historyWhen')}</Table.Th>
                  <Table.Th>{t('admin.historyChange')}</Table.Th>
                  <Table.Th>{t('shell:common.status')}</Table.Th>
                  <Table.Th>{t('shell:common.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {m.history?.map((h) => (
                  <Table.Tr key={h.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(h.at)}</Table.Td>
                    <Table.Td>{t(`historyAction.${h.action}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{h.toStatus ? t(`status.${h.toStatus}`) : ''}</Table.Td>
                    <Table.Td>{h.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ) : null}
    </Modal>
  );
}
