import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Reply } from '../../../platform/http/contract';
import { useFormat } from '../../../web/format';
import { useTo, withQuery } from '../../../web/links';
import { useLocalized } from '../../../web/localized';
import { callsPages } from '../../calls/contract';
import { eventsPages } from '../../events/contract';
import { groupsPages } from '../../groups/contract';
import { membershipPages } from '../../membership/contract';
import type { adminApi } from '../contract';

type Figures = NonNullable<Reply<typeof adminApi.overview>['figures']>;

/** One figure: what it is, its value, what it counts; the card opens the list behind it. */
function Figure({ label, value, note, to, testId }: { label: string; value: string; note: string; to: string; testId: string }) {
  return (
    <Card withBorder padding="md" component={Link} to={to} data-testid={testId}>
      <Text size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </Card>
  );
}

/** The organization's key figures for the secretariat, as the owning features count them. */
export function KeyFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const to = useTo();
  const localized = useLocalized();
  const { edition } = figures;
  return (
    <Stack component="section" aria-labelledby="key-figures" gap="sm">
      <Title order={2} id="key-figures" size="h3">
        {t('overview.figures')}
      </Title>
      <SimpleGrid cols={{ base: 2, lg: 4 }}>
        <Figure
          testId="figure-members"
          label={t('overview.figure.members')}
          value={f.number(figures.members)}
          note={t('overview.note.members', { count: figures.countries })}
          to={to(membershipPages.memberships)}
        />
        <Figure
          testId="figure-edition"
          label={t('overview.figure.edition')}
          value={edition ? f.number(edition.delegates) : '—'}
          note={edition ? t('overview.note.edition', { event: localized(edition.name).text }) : t('overview.note.noEdition')}
          to={edition ? withQuery(to(eventsPages.adminEvent, { id: edition.id }), { tab: 'figures' }) : to(eventsPages.adminEvents)}
        />
        <Figure
          testId="figure-calls"
          label={t('overview.figure.openCalls')}
          value={f.number(figures.openCalls)}
          note={t('overview.note.openCalls')}
          to={to(callsPages.adminCalls)}
        />
        <Figure
          testId="figure-groups"
          label={t('overview.figure.activeGroups')}
          value={f.number(figures.activeGroups)}
          note={t('overview.note.activeGroups')}
          to={to(groupsPages.adminGroups)}
        />
      </SimpleGrid>
    </Stack>
  );
}
