import { Alert, Anchor, Button, PasswordInput, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { call } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import { accountsApi, accountsPages } from '../contract';
import { AuthCard } from './AuthCard';
import { safeNext, useSignedIn } from './useSignedIn';

export function SignInPage() {
  const { t } = useTranslation(['accounts', 'shell']);
  const [params] = useSearchParams();
  const next = params.get('next');
  const signedIn = useSignedIn();
  const to = useTo();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => call(accountsApi.login, { body: { email, password } }),
    onSuccess: (r) => signedIn(r, next),
  });
  const link = useMutation({ mutationFn: () => call(accountsApi.loginLink, { body: { email, next: safeNext(next) ?? undefined } }) });
  return (
    <AuthCard title={t('auth.title')}>
      <Tabs defaultValue="password">
        <Tabs.List mb="md">
          <Tabs.Tab value="password">{t('auth.withPassword')}</Tabs.Tab>
          <Tabs.Tab value="link">{t('auth.withLink')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="password">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              login.mutate();
            }}
          >
            <Stack>
              <TextInput
                label={t('auth.email')}
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('auth.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <ErrorAlert error={login.error} />
              <Button type="submit" loading={login.isPending}>
                {t('auth.signIn')}
              </Button>
              <Anchor component={Link} to={to(accountsPages.forgotPassword)} size="sm">
                {t('auth.forgot')}
              </Anchor>
            </Stack>
          </form>
        </Tabs.Panel>
        <Tabs.Panel value="link">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              link.mutate();
            }}
          >
            <Stack>
              <TextInput label={t('auth.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
              <ErrorAlert error={link.error} />
              {link.isSuccess ? <Alert color="green">{t('auth.linkSent')}</Alert> : null}
              <Button type="submit" loading={link.isPending}>
                {t('auth.sendLink')}
              </Button>
            </Stack>
          </form>
        </Tabs.Panel>
      </Tabs>
      <Text size="sm" mt="lg">
        {t('auth.noAccount')}{' '}
        <Anchor component={Link} to={`${to(accountsPages.signUp)}${next ? `?next=${encodeURIComponent(next)}` : ''}`}>
          {t('shell:nav.signUp')}
        </Anchor>
      </Text>
    </AuthCard>
  );
}
