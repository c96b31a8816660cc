import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { query } from '../../../web/api';
import { membershipApi as api } from '../contract';
import { MembershipError } from './MembershipError';
import { PortalCard } from './PortalCard';

/** The member portal: the memberships this account keeps. */
export function PortalPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const list = useQuery(query(api.portal));
  return (
    <Stack>
      <Title order={1}>{t('portal.title')}</Title>
      <MembershipError error={list.error} />
      {list.data?.length === 0 ? <Text>{t('portal.none')}</Text> : null}
      {list.data?.map((m) => (
        <PortalCard key={m.id} initial={m} />
      ))}
    </Stack>
  );
}
