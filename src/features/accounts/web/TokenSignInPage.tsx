import { Anchor, Loader, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { call } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import { accountsApi, accountsPages } from '../contract';
import { AuthCard } from './AuthCard';
import { useSignedIn } from './useSignedIn';

/** /auth/verify and /auth/link: redeem the token from the mail, then continue where the person was going. */
export function TokenSignInPage({ kind }: { kind: 'verify' | 'link' }) {
  const { t } = useTranslation(['accounts', 'shell']);
  const [params] = useSearchParams();
  const signedIn = useSignedIn();
  const to = useTo();
  const ran = useRef(false);
  const redeem = useMutation({
    mutationFn: () =>
      call(kind === 'verify' ? accountsApi.verify : accountsApi.redeemLoginLink, { body: { token: params.get('token') ?? '' } }),
    onSuccess: (r) => signedIn(r, params.get('next')),
  });
  useEffect(() => {
    if (ran.current) return;
    ran.current = true;
    redeem.mutate();
  }, [redeem]);
  return (
    <AuthCard title={kind === 'verify' ? t('auth.verifying') : t('auth.signingIn')}>
      {redeem.isError ? (
        <Stack>
          <ErrorAlert error={redeem.error} />
          <Anchor component={Link} to={to(accountsPages.signIn)}>
            {t('shell:nav.signIn')}
          </Anchor>
        </Stack>
      ) : (
        <Loader aria-label={t('shell:common.loading')} />
      )}
    </AuthCard>
  );
}
