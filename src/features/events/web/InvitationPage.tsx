import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { call, invalidate, query } from '../../../web/api';
import { accountsPages } from '../../accounts/contract';
import { eventsApi, eventsPages } from '../contract';
import { ErrorAlert } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import { useLocalized } from '../../../web/localized';
import { useMe } from '../../../web/session';

/**
 * A personal invitation. A guest creates an account (or signs in) from here and comes back through the
 * address-confirmation link with ?accept=1: the invitation is accepted then, once, and the registration
 * form opens with the invitation's category.
 */
export function InvitationPage() {
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation(['events', 'shell']);
  const localized = useLocalized();
  const to = useTo();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const q = useQuery(query(eventsApi.openInvitation, { params: { token } }));
  const registerWithCategory = () =>
    `${to(eventsPages.register, { slug: q.data!.event.slug })}?category=${encodeURIComponent(q.data!.invitation.category)}`;
  const respond = useMutation({
    mutationFn: (accept: boolean) => call(accept ? eventsApi.acceptInvitation : eventsApi.declineInvitation, { params: { token } }),
    onSuccess: (_r, accept) => {
      void invalidate(qc, eventsApi.openInvitation);
      if (accept) navigate(registerWithCategory());
    },
  });
  const signedIn = !!me.data?.user;
  const status = q.data?.invitation.status;
  const acceptedOnArrival = useRef(false);
  useEffect(() => {
    if (params.get('accept') !== '1' || !signedIn || !status || status === 'declined' || acceptedOnArrival.current) return;
    acceptedOnArrival.current = true;
    if (status === 'accepted') navigate(registerWithCategory(), { replace: true });
    else respond.mutate(true);
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const back = encodeURIComponent(`${to(eventsPages.invitation, { token })}?accept=1`);
  const { email, name } = q.data.invitation;
  return (
    <Stack maw={640}>
      <Title order={1}>{t('events:invite.title')}</Title>
      <Text size="lg">{t('events:invite.to', { event: localized(q.data.event.name).text })}</Text>
      <ErrorAlert error={respond.error} />
      {q.data.invitation.status === 'declined' ? (
        <Alert>{t('events:invite.declined')}</Alert>
      ) : signedIn ? (
        <Group>
          <Button onClick={() => respond.mutate(true)} loading={respond.isPending && respond.variables}>
            {t('events:invite.accept')}
          </Button>
          {q.data.invitation.status !== 'accepted' && (
            <Button variant="default" onClick={() => respond.mutate(false)}>
              {t('events:invite.decline')}
            </Button>
          )}
        </Group>
      ) : (
        <Stack gap="xs">
          <Text>{t('events:invite.newHere')}</Text>
          <Group>
            <Button
              component={Link}
              to={`${to(accountsPages.signUp)}?next=${back}&email=${encodeURIComponent(email)}&name=${encodeURIComponent(name)}`}
            >
              {t('events:invite.signUpAndAccept')}
            </Button>
            {q.data.invitation.status !== 'accepted' && (
              <Button variant="default" onClick={() => respond.mutate(false)}>
                {t('events:invite.decline')}
              </Button>
            )}
          </Group>
          <Text size="sm">
            {t('events:invite.haveAccount')}{' '}
            <Anchor component={Link} to={`${to(accountsPages.signIn)}?next=${back}`}>
              {t('events:invite.signInAndAccept')}
            </Anchor>
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
