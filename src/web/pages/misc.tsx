import { Badge, Button, Card, Group, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../api';
import { ErrorAlert, useNotify } from '../components/forms';
import { webFeatures } from '../features';
import { locales, prefixOf, setLocale, useLocale, type Locale } from '../i18n';
import { hasRole, isStaff, RequireAuth, useMe } from '../session';

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

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack py="xl">
      <Title order={1}>404</Title>
      <Text>{t('errors.notFoundPage')}</Text>
    </Stack>
  );
}

export function AccountPage() {
  return (
    <RequireAuth>
      <AccountForm />
    </RequireAuth>
  );
}

function AccountForm() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const notify = useNotify();
  const navigate = useNavigate();
  const locale = useLocale();
  const [name, setName] = useState(me?.user?.name ?? '');
  const [pref, setPref] = useState<Locale>((me?.user?.locale as Locale) ?? locale);
  const [pw, setPw] = useState({ currentPassword: '', newPassword: '' });
  const save = useMutation({
    mutationFn: () => api.patch('/api/v1/auth/me', { name, locale: pref }),
    onSuccess: async () => {
      await setLocale(pref);
      await qc.invalidateQueries({ queryKey: ['me'] });
      notify.ok();
    },
  });
  const pwSave = useMutation({
    mutationFn: () => api.patch('/api/v1/auth/me', pw),
    onSuccess: () => {
      setPw({ currentPassword: '', newPassword: '' });
      notify.ok();
    },
  });
  const everywhere = useMutation({
    mutationFn: () => api.post('/api/v1/auth/logout-all'),
    onSuccess: async () => {
      await qc.resetQueries();
      navigate('/signin');
    },
  });
  const pwErr = pwSave.error instanceof ApiError ? pwSave.error : null;
  return (
    <Stack maw={560} py="md">
      <Title order={1}>{t('auth.account')}</Title>
      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Stack>
            <Title order={2} size="h4">
              {t('auth.profile')}
            </Title>
            <Text size="sm">{me?.user?.email}</Text>
            {me?.user?.roles.length ? (
              <Group gap="xs" aria-label={t('auth.roles')}>
                {me.user.roles.map((r) => (
                  <Badge key={r}>{t(`roles.${r}`)}</Badge>
                ))}
              </Group>
            ) : null}
            <TextInput label={t('auth.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
            <Select
              label={t('auth.preferredLanguage')}
              data={locales.map((l) => ({ value: l, label: t(`locales.${l}`) }))}
              value={pref}
              onChange={(v) => v && setPref(v as Locale)}
              allowDeselect={false}
            />
            <ErrorAlert error={save.error} />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            pwSave.mutate();
          }}
        >
          <Stack>
            <Title order={2} size="h4">
              {t('auth.changePassword')}
            </Title>
            <PasswordInput
              label={t('auth.currentPassword')}
              autoComplete="current-password"
              value={pw.currentPassword}
              error={pwErr?.field('currentPassword')}
              onChange={(e) => setPw({ ...pw, currentPassword: e.currentTarget.value })}
            />
            <PasswordInput
              label={t('auth.newPassword')}
              description={t('auth.passwordHint')}
              autoComplete="new-password"
              value={pw.newPassword}
              error={pwErr?.field('newPassword')}
              onChange={(e) => setPw({ ...pw, newPassword: e.currentTarget.value })}
            />
            <Group>
              <Button type="submit" loading={pwSave.isPending}>
                {t('auth.changePassword')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Card withBorder>
        <Stack>
          <Title order={2} size="h4">
            {t('auth.signOutEverywhere')}
          </Title>
          <Text size="sm">{t('auth.signOutEverywhereHint')}</Text>
          <Group>
            <Button color="red" variant="light" onClick={() => everywhere.mutate()} loading={everywhere.isPending}>
              {t('auth.signOutEverywhere')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
