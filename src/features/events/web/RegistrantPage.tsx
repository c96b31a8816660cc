import { Alert, Anchor, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Reply, urlOf } from '../../../platform/http/contract';
import { call, invalidate, query } from '../../../web/api';
import { ConfirmButton } from '../../../web/components/ConfirmButton';
import { FormAnswers } from '../../../web/components/FormAnswers';
import { useCountryName, useNotify } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { useTo, withQuery } from '../../../web/links';
import { LText, useLocalized } from '../../../web/localized';
import { AuditTrail } from '../../../web/components/AuditTrail';
import { eventsApi, eventsPages } from '../contract';
import { VisaLetterCell } from './VisaLetterCell';

type Registrant = Reply<typeof eventsApi.registrant>;

/** A titled block of the page. */
function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Label and value pairs, the label above the value (it reads the same on a phone). */
function Facts({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <Stack gap={8} component="dl" m={0}>
      {rows
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([label, v]) => (
          <div key={label}>
            <Text component="dt" size="xs" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {v}
            </Text>
          </div>
        ))}
    </Stack>
  );
}

const statusColor: Record<string, string> = { pending: 'yellow', approved: 'green', rejected: 'red', cancelled: 'gray' };

/**
 * /admin/events/:id/registrations/:registrationId: one registration for its event's staff (the secretariat,
 * the event's managers): who registered, the answers to the event's form, accreditation (decided here),
 * badge and visa letter, sessions, check-ins, and its history in words. Times are the event's.
 */
export function RegistrantPage() {
  const { id = '', registrationId = '' } = useParams();
  const { t } = useTranslation(['events', 'shell']);
  const to = useTo();
  const f = useFormat();
  const loc = useLocalized();
  const country = useCountryName();
  const qc = useQueryClient();
  const notify = useNotify();
  const [reason, setReason] = useState('');
  const params = { id, registrationId };
  const q = useQuery({ ...query(eventsApi.registrant, { params }), retry: false });
  const refresh = () => invalidate(qc, eventsApi.registrant, eventsApi.registrations);
  const decide = useMutation({
    mutationFn: (x: { decision: 'approve' | 'reject'; reason?: string }) =>
      call(eventsApi.decide, { params: { id: registrationId }, body: { decision: x.decision, reason: x.reason } }),
    onSuccess: refresh,
  });
  const badge = useMutation({
    mutationFn: (action: 'revoke' | 'reissue') =>
      call(action === 'revoke' ? eventsApi.revokeBadge : eventsApi.reissueBadge, { params: { id: registrationId } }),
    onSuccess: refresh,
  });
  if (q.error)
    return (
      <Alert color="gray" data-testid="registrant-not-found">
        {t('events:registrant.notFound')}
      </Alert>
    );
  if (!q.data) return null;
  const r: Registrant = q.data;
  const zone = r.event.timeZone;
  const back = withQuery(to(eventsPages.adminEvent, { id: r.event.id }), { tab: 'accreditation' });
  const category = loc(r.categoryName).text || t(`events:categories.${r.category}`, { defaultValue: r.category });
  return (
    <Stack maw={1100}>
      <Anchor component={Link} to={back} size="sm">
        ← {t('events:registrant.back', { event: loc(r.event.name).text })}
      </Anchor>
      <div>
        <Title order={1}>{r.name}</Title>
        {r.nameLatin && r.nameLatin !== r.name ? (
          <Text c="dimmed" lang="en">
            {r.nameLatin}
          </Text>
        ) : null}
      </div>
      <Group gap="xs" data-testid="registrant-state">
        <Badge color={statusColor[r.status]}>{t(`events:status.${r.status}`)}</Badge>
        <Badge variant="light">{category}</Badge>
        <Badge variant="light" color="gray">
          {t(`events:attendance.${r.attendance}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('events:registrant.person')} testId="registrant-person">
          <Facts
            rows={[
              [t('shell:common.email'), r.email],
              [t('events:form.organization'), r.organization],
              [t('events:form.country'), country(r.countryCode)],
              [t('events:form.group'), r.stakeholderGroup ? t(`shell:stakeholders.${r.stakeholderGroup}`) : null],
              [t('events:table.gender'), r.gender ? t(`shell:genders.${r.gender}`) : null],
              [t('events:admin.category'), category],
              [t('events:registrant.registered'), f.dateTime(r.createdAt, zone)],
            ]}
          />
        </Section>
        <Section title={t('events:admin.accreditation')} testId="registrant-accreditation">
          <Stack gap="sm">
            <Facts
              rows={[
                [t('shell:common.status'), t(`events:status.${r.status}`)],
                [t('events:registrant.decided'), r.decidedAt && r.status !== 'pending' ? f.dateTime(r.decidedAt, zone) : null],
                [t('shell:common.reason'), r.reason],
              ]}
            />
            {r.status === 'pending' ? (
              <Group gap="xs">
                <Button
                  size="xs"
                  onClick={() => decide.mutate({ decision: 'approve' }, { onError: notify.error })}
                  loading={decide.isPending && decide.variables?.decision === 'approve'}
                >
                  {t('events:admin.approve')}
                </Button>
                <ConfirmButton
                  size="xs"
                  color="red"
                  variant="light"
                  label={t('events:admin.reject')}
                  question={t('events:admin.confirmReject', { name: r.name })}
                  onOpen={() => setReason('')}
                  onConfirm={() => decide.mutateAsync({ decision: 'reject', reason: reason.trim() })}
                  confirmDisabled={!reason.trim()}
                >
                  <Textarea
                    label={t('events:admin.rejectReason')}
                    required
                    autosize
                    minRows={2}
                    value={reason}
                    onChange={(e) => setReason(e.currentTarget.value)}
                  />
                </ConfirmButton>
              </Group>
            ) : null}
          </Stack>
        </Section>
        <Section title={t('events:registrant.badge')} testId="registrant-badge">
          <Stack gap="sm">
            <Facts
              rows={[
                [t('shell:common.status'), t(`events:registrant.badgeState.${r.badge.state}`)],
                [t('events:registrant.badgeVersion'), r.badge.state === 'none' ? null : f.number(r.badge.version)],
              ]}
            />
            <Group gap="xs">
              {r.badge.state === 'issued' ? (
                <>
                  <Button size="xs" variant="default" component="a" href={urlOf(eventsApi.badge, { params: { id: r.id } })}>
                    {t('events:registrant.downloadBadge')}
                  </Button>
                  <ConfirmButton
                    size="xs"
                    color="red"
                    variant="light"
                    label={t('events:registrant.revokeBadge')}
                    question={t('events:registrant.confirmRevokeBadge', { name: r.name })}
                    onConfirm={() => badge.mutateAsync('revoke')}
                  />
                </>
              ) : null}
              {r.badge.state === 'revoked' ? (
                <ConfirmButton
                  size="xs"
                  variant="light"
                  label={t('events:registrant.reissueBadge')}
                  question={t('events:registrant.confirmReissueBadge', { name: r.name })}
                  onConfirm={() => badge.mutateAsync('reissue')}
                />
              ) : null}
            </Group>
          </Stack>
        </Section>
        <Section title={t('events:admin.visa.title')} testId="registrant-visa">
          <Stack gap="sm">
            <Facts
              rows={[
                [t('shell:common.status'), t(`events:registrant.visaState.${r.visaLetter}`)],
                [t('events:registrant.visaIssued'), r.visaIssuedAt ? f.dateTime(r.visaIssuedAt, zone) : null],
                [t('events:registrant.visaRevoked'), r.visaRevokedAt ? f.dateTime(r.visaRevokedAt, zone) : null],
                [t('shell:common.reason'), r.visaRevokeReason],
              ]}
            />
            <VisaLetterCell r={r} timeZone={zone} />
          </Stack>
        </Section>
        <Section title={t('events:registrant.sessions')} testId="registrant-sessions">
          {r.sessions.length ? (
            <Stack gap="xs">
              {r.sessions.map((s) => (
                <Box key={s.sessionId}>
                  <Text size="sm" fw={500}>
                    <LText value={s.title} />
                  </Text>
                  <Text size="xs" c="dimmed">
                    {f.span(s.startsAt, s.endsAt, zone)} ·{' '}
                    {s.status === 'waitlisted' && s.position
                      ? t('events:registrant.waitlisted', { n: s.position })
                      : t(`events:status.${s.status}`)}
                  </Text>
                </Box>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('events:registrant.noSessions')}
            </Text>
          )}
        </Section>
        <Section title={t('events:admin.checkin')} testId="registrant-checkins">
          {r.checkins.length ? (
            <Stack gap="xs">
              {r.checkins.map((c) => (
                <Text key={`${c.sessionId ?? 'event'}-${String(c.at)}`} size="sm">
                  {c.sessionTitle ? <LText value={c.sessionTitle} /> : t('events:registrant.entrance')} · {f.dateTime(c.at, zone)}
                </Text>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('events:registrant.notCheckedIn')}
            </Text>
          )}
        </Section>
      </SimpleGrid>
      <Section title={t('events:registrant.answers')} testId="registrant-answers">
        <FormAnswers fields={r.formFields} answers={r.answers} />
      </Section>
      <Section title={t('events:registrant.history')} testId="registrant-history">
        <AuditTrail entries={r.history} timeZone={zone} />
      </Section>
    </Stack>
  );
}
