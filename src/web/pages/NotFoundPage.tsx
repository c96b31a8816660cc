import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack py="xl">
      <Title order={1}>404</Title>
      <Text>{t('errors.notFoundPage')}</Text>
    </Stack>
  );
}
