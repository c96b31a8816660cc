import { Anchor, Button, Group, SegmentedControl, Stack, Table, Textarea, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { urlOf } from '../../../platform/http/contract';
import { call, download, invalidate, query } from '../../../web/api';
import { eventsApi, eventsPages, type RegistrationStatus, registrationStatuses } from '../contract';
import { ConfirmButton } from '../../../web/components/ConfirmButton';
import { EmptyState } from '../../../web/components/EmptyState';
import { useCountryName, useNotify } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import type { EventT } from './types';
import { VisaLetterCell } from './VisaLetterCell';
import { useCategoryLabel } from './categoryLabel';

export function AccreditationTab({ ev }: { ev: EventT }) {
  const { t } = useTranslation(['events', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const categoryLabel = useCategoryLabel(ev.categories);
  const countryName = useCountryName();
  const to = useTo();
  const [status, setStatus] = useState<RegistrationStatus | 'all'>('pending');
  const [reason, setReason] = useState('');
  const q = useQuery(query(eventsApi.registrations, { params: { id: ev.id }, query: { status: status === 'all' ? undefined : status } }));
  const decide = useMutation({
    mutationFn: (x: { id: string; decision: 'approve' | 'reject'; reason?: string }) =>
      call(eventsApi.decide, { params: { id: x.id }, body: { decision: x.decision, reason: x.reason } }),
    onSuccess: () => invalidate(qc, eventsApi.registrations),
  });
  return (
    <Stack>
      <Group>
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(registrationStatuses.find((s) => s === v) ?? 'all')}
          data={[...registrationStatuses, 'all'].map((s) => ({
            value: s,
            label: s === 'all' ? t('shell:common.all') : t(`events:status.${s}`),
          }))}
        />
        <Button
          variant="default"
          onClick={() => download(urlOf(eventsApi.delegates, { params: { id: ev.id }, query: { format: 'xlsx' } })).catch(notify.error)}
        >
          {t('events:admin.delegates')} (XLSX)
        </Button>
        <Button
          variant="default"
          onClick={() => download(urlOf(eventsApi.delegates, { params: { id: ev.id }, query: { format: 'csv' } })).catch(notify.error)}
        >
          CSV
        </Button>
        <Button variant="default" component="a" href={urlOf(eventsApi.badges, { params: { id: ev.id } })} target="_blank">
          {t('events:admin.badges')}
        </Button>
        <Button
          variant="default"
          component="a"
          href={urlOf(eventsApi.badges, { params: { id: ev.id }, query: { layout: 'sheet' } })}
          target="_blank"
        >
          {t('events:admin.badgeSheets')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shell:common.name')}</Table.Th>
              <Table.Th>{t('events:form.organization')}</Table.Th>
              <Table.Th>{t('events:form.country')}</Table.Th>
              <Table.Th>{t('events:admin.category')}</Table.Th>
              <Table.Th>{t('shell:common.status')}</Table.Th>
              <Table.Th>{t('events:admin.visa.title')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('shell:common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data?.map((r) => (
              <Table.Tr key={r.id} data-testid="accreditation-row">
                <Table.Td>
                  <Anchor component={Link} to={to(eventsPages.registrant, { id: ev.id, registrationId: r.id })}>
                    {r.name}
                  </Anchor>
                  {r.nameLatin && r.nameLatin !== r.name ? ` (${r.nameLatin})` : ''}
                </Table.Td>
                <Table.Td>{r.organization}</Table.Td>
                <Table.Td>{countryName(r.countryCode)}</Table.Td>
                <Table.Td>{categoryLabel(r.category)}</Table.Td>
                <Table.Td>{t(`events:status.${r.status}`)}</Table.Td>
                <Table.Td>
                  <VisaLetterCell r={r} timeZone={ev.timeZone} />
                </Table.Td>
                <Table.Td>
                  {r.status === 'pending' && (
                    <Group gap="xs">
                      <Button
                        size="xs"
                        onClick={() => decide.mutate({ id: r.id, decision: 'approve' }, { onError: notify.error })}
                        loading={decide.isPending && decide.variables?.id === r.id && decide.variables.decision === 'approve'}
                      >
                        {t('events:admin.approve')}
                      </Button>
                      <ConfirmButton
                        size="xs"
                        color="red"
                        variant="light"
                        label={t('events:admin.reject')}
                        question={t('events:admin.confirmReject', { name: r.name })}
                        onOpen={() => setReason('')}
                        onConfirm={() => decide.mutateAsync({ id: r.id, decision: 'reject', reason: reason.trim() })}
                        confirmDisabled={!reason.trim()}
                      >
                        <Textarea
                          label={t('events:admin.rejectReason')}
                          required
                          autosize
                          minRows={2}
                          value={reason}
                          onChange={(e) => setReason(e.currentTarget.value)}
                        />
                      </ConfirmButton>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {q.data && !q.data.length ? <EmptyState>{t('events:table.noRegistrations')}</EmptyState> : null}
    </Stack>
  );
}
