import { Alert, Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Reply } from '../../../platform/http/contract';
import { useFormat } from '../../../web/format';
import { useTo, withQuery } from '../../../web/links';
import { LText } from '../../../web/localized';
import { callsPages } from '../../calls/contract';
import { eventsPages } from '../../events/contract';
import { groupsPages } from '../../groups/contract';
import { membershipPages } from '../../membership/contract';
import { reviewPages } from '../../review/contract';
import { type adminApi, adminPages, type QueueKind } from '../contract';

type Item = Reply<typeof adminApi.overview>['queue'][number];

/** Where each line leads: the list in which the work is done, opened at the right tab or filter. */
function useLinkOf() {
  const to = useTo();
  return (i: Item): string => {
    const id = i.subject?.id ?? '';
    switch (i.kind) {
      case 'applications':
        return withQuery(to(membershipPages.applications), { status: 'submitted' });
      case 'registrations':
        return withQuery(to(eventsPages.adminEvent, { id }), { tab: 'accreditation' });
      case 'screening':
        return to(callsPages.adminCall, { id });
      case 'reviewsUnassigned':
      case 'reviewsOutstanding':
        return withQuery(to(callsPages.adminCall, { id }), { tab: 'assignment' });
      case 'myReviews':
        return to(reviewPages.dashboard);
      case 'commentRounds':
        return to(groupsPages.document, { id });
      case 'failedMail':
        return withQuery(to(adminPages.outbox), { status: 'failed' });
    }
  };
}

/** The lines of the queue by kind, in the order the server sends them. */
function byKind(items: Item[]) {
  const groups: Array<{ kind: QueueKind; items: Item[] }> = [];
  for (const i of items) {
    const last = groups[groups.length - 1];
    if (last?.kind === i.kind) last.items.push(i);
    else groups.push({ kind: i.kind, items: [i] });
  }
  return groups;
}

/** What waits for the signed-in staff member: one card per kind of work, one line (with its count) per list. */
export function WorkQueue({ items }: { items: Item[] }) {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const linkOf = useLinkOf();
  return (
    <Stack component="section" aria-labelledby="work-queue" gap="sm">
      <Title order={2} id="work-queue" size="h3">
        {t('overview.queue')}
      </Title>
      {items.length === 0 ? (
        <Alert color="green" variant="light" data-testid="queue-empty">
          {t('overview.nothingWaiting')}
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="work-queue">
          {byKind(items).map((g) => (
            <Card key={g.kind} withBorder padding="md" data-kind={g.kind}>
              <Title order={3} size="h5" mb="xs">
                {t(`overview.kinds.${g.kind}`)}
              </Title>
              <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {g.items.map((i) => (
                  <li key={`${i.kind}-${i.subject?.id ?? ''}`}>
                    <Anchor component={Link} to={linkOf(i)} fw={600}>
                      {t(`overview.lines.${i.kind}`, { count: i.count, date: f.date(i.closesAt) })}
                    </Anchor>
                    {i.subject ? (
                      <Text size="sm" c="dimmed">
                        <LText value={i.subject.title} />
                        {i.subject.year ? ` · ${i.subject.year}` : ''}
                      </Text>
                    ) : null}
                  </li>
                ))}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
