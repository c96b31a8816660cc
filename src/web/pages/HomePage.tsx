import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { webFeatures } from '../features';
import { prefixOf, useLocale } from '../i18n';
import { hasRole, isStaff, useMe } from '../session';

/** The SPA home page; the portal renders the full public home on the server. */
export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const locale = useLocale();
  const nav = webFeatures.flatMap((f) => f.publicNav ?? []);
  return (
    <Stack gap="xl" py="xl">
      <Stack gap="xs">
        <Title order={1}>{t('home.welcome')}</Title>
        <Text size="lg" c="dimmed">
          {t('tagline')}
        </Text>
        <Text maw={720}>{t('home.intro')}</Text>
      </Stack>
      {nav.length ? (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {nav.map((n) => (
            <Card key={n.to} withBorder component={Link} to={`/${prefixOf[locale]}${n.to}`}>
              <Text fw={600}>{t(n.label)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      ) : null}
      {isStaff(me) || hasRole(me, 'reviewer') ? (
        <Card withBorder>
          <Group justify="space-between">
            <Text fw={600}>{t('home.staffArea')}</Text>
            <Button component={Link} to="/admin">
              {t('home.openAdmin')}
            </Button>
          </Group>
        </Card>
      ) : null}
    </Stack>
  );
}
