import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { call, invalidate, query } from '../../../web/api';
import { accountsPages } from '../../accounts/contract';
import { eventsApi, eventsPages } from '../contract';
import { ErrorAlert } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import { useLocalized } from '../../../web/localized';
import { useMe } from '../../../web/session';

export function InvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation(['events', 'shell']);
  const localized = useLocalized();
  const to = useTo();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const q = useQuery(query(eventsApi.openInvitation, { params: { token } }));
  const respond = useMutation({
    mutationFn: (accept: boolean) => call(accept ? eventsApi.acceptInvitation : eventsApi.declineInvitation, { params: { token } }),
    onSuccess: (_r, accept) => {
      void invalidate(qc, eventsApi.openInvitation);
      if (accept) navigate(to(eventsPages.register, { slug: q.data!.event.slug }));
    },
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const here = to(eventsPages.invitation, { token });
  return (
    <Stack maw={640}>
      <Title order={1}>{t('events:invite.title')}</Title>
      <Text size="lg">{t('events:invite.to', { event: localized(q.data.event.name).text })}</Text>
      <ErrorAlert error={respond.error} />
      {q.data.invitation.status === 'declined' ? (
        <Alert>{t('events:invite.declined')}</Alert>
      ) : (
        <Group>
          {me.data?.user ? (
            <Button onClick={() => respond.mutate(true)}>{t('events:invite.accept')}</Button>
          ) : (
            <Button component={Link} to={`${to(accountsPages.signIn)}?next=${encodeURIComponent(here)}`}>
              {t('events:invite.accept')}
            </Button>
          )}
          {q.data.invitation.status !== 'accepted' && (
            <Button variant="default" onClick={() => respond.mutate(false)}>
              {t('events:invite.decline')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
