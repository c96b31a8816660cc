import { Badge, Button, Card, Group, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, call, invalidate } from '../../../web/api';
import { ErrorAlert, useNotify } from '../../../web/components/forms';
import { locales, setLocale, useLocale } from '../../../web/i18n';
import { useTo } from '../../../web/links';
import { useMe } from '../../../web/session';
import { accountsApi, accountsPages } from '../contract';

/** /account: name, preferred language, password, and signing out everywhere (the route asks for a signed-in account). */
export function AccountPage() {
  const { t } = useTranslation(['accounts', 'shell']);
  const { data: me } = useMe();
  const qc = useQueryClient();
  const notify = useNotify();
  const navigate = useNavigate();
  const to = useTo();
  const locale = useLocale();
  const [name, setName] = useState(me?.user?.name ?? '');
  const [pref, setPref] = useState(locales.find((l) => l === me?.user?.locale) ?? locale);
  const [pw, setPw] = useState({ currentPassword: '', newPassword: '' });
  const save = useMutation({
    mutationFn: () => call(accountsApi.updateProfile, { body: { name, locale: pref } }),
    onSuccess: async () => {
      await setLocale(pref);
      await invalidate(qc, accountsApi.me);
      notify.ok();
    },
  });
  const pwSave = useMutation({
    mutationFn: () => call(accountsApi.updateProfile, { body: pw }),
    onSuccess: () => {
      setPw({ currentPassword: '', newPassword: '' });
      notify.ok();
    },
  });
  const everywhere = useMutation({
    mutationFn: () => call(accountsApi.logoutAll),
    onSuccess: async () => {
      await qc.resetQueries();
      navigate(to(accountsPages.signIn));
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
              data={locales.map((l) => ({ value: l, label: t(`shell:locales.${l}`) }))}
              value={pref}
              onChange={(v) => setPref(locales.find((l) => l === v) ?? pref)}
              allowDeselect={false}
            />
            <ErrorAlert error={save.error} />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('shell:common.save')}
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
