import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { call, query } from '../../../web/api';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { useMe } from '../../../web/session';
import { membershipApi as api, membershipPages } from '../contract';
import { MembershipError } from './MembershipError';

/** The invitee's page, from the link in the invitation mail: accept or decline, as the invited address only. */
export function InvitationPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const to = useTo();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const me = useMe().data;
  const f = useFormat();
  const qc = useQueryClient();
  const view = useQuery({ ...query(api.invitation, { params: { token } }), enabled: token.length > 0, retry: false });
  const answer = useMutation({
    mutationFn: (what: 'accept' | 'decline') =>
      call(what === 'accept' ? api.acceptInvitation : api.declineInvitation, { params: { token } }),
    // Accepting changes the account's roles: everything cached about it is stale.
    onSuccess: () => qc.invalidateQueries(),
  });
  const v = view.data;
  return (
    <Stack maw={640}>
      <Title order={1}>{t('invitation.title')}</Title>
      {!token ? <Text>{t('invitation.noToken')}</Text> : null}
      <MembershipError error={view.error ?? answer.error} />
      {v ? (
        <Paper withBorder p="md" data-testid="invitation">
          <Stack>
            <Title order={2}>
              <LText value={v.organization} />
            </Title>
            {v.status === 'pending' ? (
              <>
                <Text>{v.invitedBy ? t('invitation.intro', { inviter: v.invitedBy }) : t('invitation.introNoInviter')}</Text>
                <Text>{t('invitation.forAddress', { email: v.email })}</Text>
                <Text size="sm" c="dimmed">
                  {t('invitation.validUntil', { date: f.date(v.expiresAt) })}
                </Text>
                {v.forYou ? (
                  <Group>
                    <Button
                      onClick={() => answer.mutate('accept')}
                      loading={answer.isPending && answer.variables === 'accept'}
                      data-testid="accept-invitation"
                    >
                      {t('invitation.accept')}
                    </Button>
                    <Button
                      variant="default"
                      onClick={() => answer.mutate('decline')}
                      loading={answer.isPending && answer.variables === 'decline'}
                      data-testid="decline-invitation"
                    >
                      {t('invitation.decline')}
                    </Button>
                  </Group>
                ) : (
                  <Alert color="orange" variant="light" data-testid="invitation-other-account">
                    {t('invitation.otherAccount', { me: me?.user?.email ?? '', email: v.email })}
                  </Alert>
                )}
              </>
            ) : (
              <Text data-testid="invitation-status">{t(`invitation.${v.status}`)}</Text>
            )}
            {v.status === 'accepted' && v.forYou ? (
              <Anchor component={Link} to={to(membershipPages.portal)}>
                {t('invitation.portal')}
              </Anchor>
            ) : null}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
