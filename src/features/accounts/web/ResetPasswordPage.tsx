import { Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, call } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/forms';
import { accountsApi } from '../contract';
import { AuthCard } from './AuthCard';
import { useSignedIn } from './useSignedIn';

export function ResetPasswordPage() {
  const { t } = useTranslation(['accounts', 'shell']);
  const [params] = useSearchParams();
  const signedIn = useSignedIn();
  const [password, setPassword] = useState('');
  const m = useMutation({
    mutationFn: () => call(accountsApi.completePasswordReset, { body: { token: params.get('token') ?? '', password } }),
    onSuccess: (r) => signedIn(r),
  });
  const err = m.error instanceof ApiError ? m.error : null;
  return (
    <AuthCard title={t('auth.chooseNew')}>
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
            {t('shell:common.save')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
