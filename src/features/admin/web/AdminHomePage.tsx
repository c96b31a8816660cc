import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { query } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/forms';
import { useMe } from '../../../web/session';
import { adminApi } from '../contract';
import { KeyFigures } from './KeyFigures';
import { WorkQueue } from './WorkQueue';

/** /admin: the staff area's home, which runs the day: what waits for the caller, and the key figures for the secretariat. */
export function AdminHomePage() {
  const { t } = useTranslation(['admin', 'shell']);
  const { data: me } = useMe();
  const overview = useQuery(query(adminApi.overview));
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('shell:nav.dashboard')}</Title>
        <Text c="dimmed">{t('overview.greeting', { name: me?.user?.name ?? '' })}</Text>
      </Stack>
      <ErrorAlert error={overview.error} />
      {overview.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('shell:common.loading')} />
        </Center>
      ) : null}
      {overview.data ? <WorkQueue items={overview.data.queue} /> : null}
      {overview.data?.figures ? <KeyFigures figures={overview.data.figures} /> : null}
    </Stack>
  );
}
