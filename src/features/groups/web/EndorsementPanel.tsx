import { Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, invalidate, query } from '../../../web/api';
import { EmptyState } from '../../../web/components/EmptyState';
import { useCountryName, useNotify } from '../../../web/components/forms';
import { LText } from '../../../web/localized';
import { useMe } from '../../../web/session';
import { groupsApi } from '../contract';
import type { DocView } from './documentView';

/** Who endorsed or co-signed a final document, by country and stakeholder group; endorsing and withdrawing. */
export function EndorsementPanel({ doc }: { doc: DocView }) {
  const { t } = useTranslation(['documents', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const countryName = useCountryName();
  const { data: me } = useMe();
  const q = useQuery(query(groupsApi.endorsements, { params: { id: doc.id } }));
  const refresh = () => invalidate(qc, groupsApi.endorsements);
  const endorse = useMutation({
    mutationFn: (b: { organizationId?: string; kind: 'endorse' | 'cosign' }) =>
      call(groupsApi.endorse, { params: { id: doc.id }, body: b }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => call(groupsApi.withdrawEndorsement, { params: { id: doc.id, endorsementId: id } }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const latest = doc.versions[doc.versions.length - 1];
  const e = q.data;
  const endorsedOrgs = new Set((e?.items ?? []).map((i) => i.organizationId));
  return (
    <Stack data-testid="endorsements">
      {e && e.items.length === 0 ? <EmptyState>{t('documents:noEndorsements')}</EmptyState> : null}
      {e?.items.length ? (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents:endorser')}</Table.Th>
                <Table.Th>{t('shell:common.country')}</Table.Th>
                <Table.Th>{t('documents:stakeholderGroup')}</Table.Th>
                <Table.Th>{t('documents:endorsementKindColumn')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('shell:common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.items.map((i) => (
                <Table.Tr key={i.id} data-testid="endorser">
                  <Table.Td>
                    <LText value={i.name} />
                  </Table.Td>
                  <Table.Td>{i.countryCode ? countryName(i.countryCode) : '—'}</Table.Td>
                  <Table.Td>{t(`shell:stakeholders.${i.stakeholderGroup}`)}</Table.Td>
                  <Table.Td>{t(`documents:endorsementAs.${i.kind}`)}</Table.Td>
                  <Table.Td>
                    {i.mine && latest.status !== 'published' ? (
                      <Button size="xs" variant="subtle" onClick={() => withdraw.mutate(i.id)}>
                        {t('documents:withdraw')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {e?.items.length ? (
        <Group gap="xl">
          <Text size="sm">
            {t('documents:byCountry')}:{' '}
            {Object.entries(e.byCountry)
              .map(([c, n]) => `${c === '—' ? c : countryName(c)} ${n}`)
              .join(' · ')}
          </Text>
          <Text size="sm">
            {t('documents:byGroup')}:{' '}
            {Object.entries(e.byStakeholderGroup)
              .map(([g, n]) => `${t(`shell:stakeholders.${g}`)} ${n}`)
              .join(' · ')}
          </Text>
        </Group>
      ) : null}
      {latest.status === 'final' && me?.user ? (
        <Group>
          {doc.you.orgContactOf
            .filter((o) => !endorsedOrgs.has(o.id))
            .map((o) => (
              <Group key={o.id} gap={4}>
                <Button onClick={() => endorse.mutate({ organizationId: o.id, kind: 'endorse' })} data-testid="endorse-org">
                  {t('documents:endorseFor', { name: '' })}
                  <LText value={o.name} />
                </Button>
                <Button variant="light" onClick={() => endorse.mutate({ organizationId: o.id, kind: 'cosign' })}>
                  {t('documents:cosign')}
                </Button>
              </Group>
            ))}
          <Button variant="default" onClick={() => endorse.mutate({ kind: 'endorse' })}>
            {t('documents:endorseSelf')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
