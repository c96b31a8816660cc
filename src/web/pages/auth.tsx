import { Anchor, Button, Center, Loader, Paper, PasswordInput, Stack, Tabs, Text, TextInput, Title, Alert } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, setCsrfToken } from '../api';
import { ErrorAlert } from '../components/forms';
import { prefixOf, useLocale } from '../i18n';

const safeNext = (n: string | null) => (n?.startsWith('/') && !n.startsWith('//') ? n : null);

function useSignedIn() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const locale = useLocale();
  return async (r: { csrfToken: string; next?: string }, next?: string | null) => {
    setCsrfToken(r.csrfToken);
    // Whoever the cache knew (nobody) is gone: drop every answer and fetch again as the new account.
    await qc.resetQueries();
    navigate(safeNext(r.next ?? next ?? null) ?? `/${prefixOf[locale]}/`, { replace: true });
  };
}

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Center py="xl">
      <Paper withBorder p="xl" radius="md" w="100%" maw={440}>
        <Title order={1} size="h2" mb="md">
          {title}
        </Title>
        {children}
      </Paper>
    </Center>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = params.get('next');
  const signedIn = useSignedIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => api.post<{ csrfToken: string }>('/api/v1/auth/login', { email, password }),
    onSuccess: (r) => signedIn(r, next),
  });
  const link = useMutation({ mutationFn: () => api.post('/api/v1/auth/login-link', { email, next: safeNext(next) ?? undefined }) });
  return (
    <Card title={t('auth.title')}>
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
              <Anchor component={Link} to="/forgot-password" size="sm">
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
        <Anchor component={Link} to={`/signup${next ? `?next=${encodeURIComponent(next)}` : ''}`}>
          {t('nav.signUp')}
        </Anchor>
      </Text>
    </Card>
  );
}

export function SignUpPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params] = useSearchParams();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const signup = useMutation({
    mutationFn: () => api.post('/api/v1/auth/signup', { ...form, locale, next: safeNext(params.get('next')) ?? undefined }),
  });
  const err = signup.error instanceof ApiError ? signup.error : null;
  return (
    <Card title={t('auth.signUpTitle')}>
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
              {t('nav.signUp')}
            </Button>
            <Text size="sm">
              {t('auth.haveAccount')}{' '}
              <Anchor component={Link} to="/signin">
                {t('nav.signIn')}
              </Anchor>
            </Text>
          </Stack>
        </form>
      )}
    </Card>
  );
}

/** /auth/verify and /auth/link: redeem the token from the mail, then continue where the person was going. */
export function TokenSignInPage({ kind }: { kind: 'verify' | 'link' }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const signedIn = useSignedIn();
  const ran = useRef(false);
  const redeem = useMutation({
    mutationFn: () =>
      api.post<{ csrfToken: string; next?: string }>(kind === 'verify' ? '/api/v1/auth/verify' : '/api/v1/auth/login-link/redeem', {
        token: params.get('token') ?? '',
      }),
    onSuccess: (r) => signedIn(r, params.get('next')),
  });
  useEffect(() => {
    if (ran.current) return;
    ran.current = true;
    redeem.mutate();
  }, [redeem]);
  return (
    <Card title={kind === 'verify' ? t('auth.verifying') : t('auth.signingIn')}>
      {redeem.isError ? (
        <Stack>
          <ErrorAlert error={redeem.error} />
          <Anchor component={Link} to="/signin">
            {t('nav.signIn')}
          </Anchor>
        </Stack>
      ) : (
        <Loader aria-label={t('common.loading')} />
      )}
    </Card>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const m = useMutation({ mutationFn: () => api.post('/api/v1/auth/password-reset', { email }) });
  return (
    <Card title={t('auth.reset')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate();
        }}
      >
        <Stack>
          <TextInput label={t('auth.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <ErrorAlert error={m.error} />
          {m.isSuccess ? <Alert color="green">{t('auth.resetSent')}</Alert> : null}
          <Button type="submit" loading={m.isPending}>
            {t('auth.reset')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const signedIn = useSignedIn();
  const [password, setPassword] = useState('');
  const m = useMutation({
    mutationFn: () =>
      api.post<{ csrfToken: string }>('/api/v1/auth/password-reset/complete', { token: params.get('token') ?? '', password }),
    onSuccess: (r) => signedIn(r),
  });
  const err = m.error instanceof ApiError ? m.error : null;
  return (
    <Card title={t('auth.chooseNew')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate();
        }}
      >
        <Stack>
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.passwordHint')}
            required
            autoComplete="new-password"
            value={password}
            error={err?.field('password')}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <ErrorAlert error={m.error} />
          <Button type="submit" loading={m.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
