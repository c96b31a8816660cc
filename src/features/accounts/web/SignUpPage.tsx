import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, call } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/forms';
import { useLocale } from '../../../web/i18n';
import { useTo } from '../../../web/links';
import { accountsApi, accountsPages } from '../contract';
import { AuthCard } from './AuthCard';
import { safeNext } from './useSignedIn';

export function SignUpPage() {
  const { t } = useTranslation(['accounts', 'shell']);
  const locale = useLocale();
  const to = useTo();
  const [params] = useSearchParams();
  // An invitation sends its guest here with their name and address filled in.
  const [form, setForm] = useState({ name: params.get('name') ?? '', email: params.get('email') ?? '', password: '' });
  const signup = useMutation({
    mutationFn: () => call(accountsApi.signUp, { body: { ...form, locale, next: safeNext(params.get('next')) ?? undefined } }),
  });
  const err = signup.error instanceof ApiError ? signup.error : null;
  return (
    <AuthCard title={t('auth.signUpTitle')}>
      {signup.isSuccess ? (
        <Alert color="green">{t('auth.signUpDone')}</Alert>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            signup.mutate();
          }}
        >
          <Stack>
            <Text size="sm">{t('auth.signUpIntro')}</Text>
            <TextInput
              label={t('auth.name')}
              required
              value={form.name}
              error={err?.field('name')}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            />
            <TextInput
              label={t('auth.email')}
              type="email"
              required
              value={form.email}
              error={err?.field('email')}
              onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
            />
            <PasswordInput
              label={t('auth.password')}
              description={t('auth.passwordHint')}
              required
              value={form.password}
              error={err?.field('password')}
              autoComplete="new-password"
              onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
            />
            <ErrorAlert error={signup.error} />
            <Button type="submit" loading={signup.isPending}>
              {t('shell:nav.signUp')}
            </Button>
            <Text size="sm">
              {t('auth.haveAccount')}{' '}
              <Anchor
                component={Link}
                to={`${to(accountsPages.signIn)}${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}
              >
                {t('shell:nav.signIn')}
              </Anchor>
            </Text>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
