import { Anchor, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call, invalidate, query } from '../../../web/api';
import { ConfirmButton } from '../../../web/components/ConfirmButton';
import { useNotify } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText, useLocalized } from '../../../web/localized';
import { directoryPages } from '../../directory/contract';
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
  const to = useTo();
  const qc = useQueryClient();
  const notify = useNotify();
  const one = query(api.membership, { params: { id } });
  const q = useQuery(one);
  const localized = useLocalized();
  const [reason, setReason] = useState('');
  // The term as it was when a dialog opened: confirming again after an error asks for that same change, never a further one.
  const [seen, setSeen] = useState({ renewalDate: '', renewsTo: '' });
  // While a confirmation is open, Escape closes it alone (Mantine closes every open modal on Escape).
  const [confirming, setConfirming] = useState(false);
  const act = useMutation({
    mutationFn: ({ action, renewalDate }: { action: MembershipAction; renewalDate: string }) => {
      const params = { id };
      // Suspending and terminating need a reason: the server says so if it is empty.
      if (action === 'suspend' || action === 'terminate') return call(api[action], { params, body: { reason } });
      // A renewal names the term it extends, so a second click cannot add another.
      if (action === 'renew') return call(api.renew, { params, body: { ...(reason ? { reason } : {}), expectedRenewalDate: renewalDate } });
      return call(api[action], { params, body: reason ? { reason } : {} });
    },
    onSuccess: (m) => {
      qc.setQueryData(one.queryKey, m);
      void invalidate(qc, api.memberships);
      setReason('');
      notify.ok();
    },
    // Changed meanwhile (e.g. renewed by a first click): show what it is now.
    onError: () => invalidate(qc, api.membership, api.memberships),
  });
  const m = q.data;
  return (
    <Modal opened onClose={onClose} closeOnEscape={!confirming} size="lg" title={m ? <LText value={m.name} /> : ''}>
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
          {m.organizationId ? (
            <Anchor component={Link} to={to(directoryPages.organization, { id: m.organizationId })} size="sm" w="fit-content">
              {t('orgSection.page')}
            </Anchor>
          ) : null}
          <Group>
            {membershipActions
              .filter((action) => allowed[action].includes(m.status))
              .map((action) => (
                <ConfirmButton
                  key={action}
                  label={t(`admin.${action}`)}
                  variant={action === 'terminate' ? 'light' : 'default'}
                  color={action === 'terminate' ? 'red' : undefined}
                  data-testid={`membership-${action}`}
                  question={t(`admin.confirm.${action}`, {
                    name: localized(m.name).text,
                    date: f.date(action === 'renew' ? seen.renewsTo : seen.renewalDate),
                  })}
                  onOpenChange={setConfirming}
                  onOpen={() => {
                    setReason('');
                    setSeen({ renewalDate: m.renewalDate, renewsTo: m.renewsTo ?? m.renewalDate });
                  }}
                  onConfirm={() => act.mutateAsync({ action, renewalDate: seen.renewalDate })}
                  confirmDisabled={(action === 'suspend' || action === 'terminate') && !reason.trim()}
                  renderError={(error) => <MembershipError error={error} />}
                >
                  <Textarea
                    label={t('admin.reasonFor')}
                    required={action === 'suspend' || action === 'terminate'}
                    autosize
                    minRows={2}
                    value={reason}
                    onChange={(e) => setReason(e.currentTarget.value)}
                  />
                </ConfirmButton>
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
