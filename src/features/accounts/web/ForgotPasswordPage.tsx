import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/forms';
import { accountsApi } from '../contract';
import { AuthCard } from './AuthCard';

export function ForgotPasswordPage() {
  const { t } = useTranslation(['accounts', 'shell']);
  const [email, setEmail] = useState('');
  const m = useMutation({ mutationFn: () => call(accountsApi.passwordReset, { body: { email } }) });
  return (
    <AuthCard title={t('auth.reset')}>
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
    </AuthCard>
  );
}
