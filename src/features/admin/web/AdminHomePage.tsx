import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../web/session';

/** /admin: the staff area's welcome. */
export function AdminHomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <Stack>
      <Title order={1}>{t('admin.title')}</Title>
      <Text>{t('admin.welcome', { name: me?.user?.name ?? '' })}</Text>
    </Stack>
  );
}
