import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { portalPages } from '../../features/portal/contract';
import { useTo } from '../links';

/** The one not-found page, in the page's language (the server answers these addresses with HTTP 404). */
export function NotFoundPage() {
  const { t } = useTranslation();
  const to = useTo();
  return (
    <Stack py="xl" data-testid="not-found">
      <Title order={1}>{t('errors.notFoundTitle')}</Title>
      <Text>{t('serverPage.notFound')}</Text>
      <Anchor component={Link} to={to(portalPages.home)}>
        {t('errors.backHome')}
      </Anchor>
    </Stack>
  );
}
