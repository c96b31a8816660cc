import { Anchor, Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { query } from '../../../web/api';
import { eventsApi, eventsPages } from '../contract';
import { ErrorAlert } from '../../../web/components/forms';
import { useTab, useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { AccreditationTab } from './AccreditationTab';
import { FiguresTab } from './FiguresTab';
import { InvitationsTab } from './InvitationsTab';
import { ManagersTab } from './ManagersTab';
import { ProgramTab } from './ProgramTab';

/** The tabs of an event's staff page, in order; ?tab= opens one (e.g. the accreditation queue from the staff overview). */
const tabs = ['program', 'invitations', 'accreditation', 'figures', 'managers'] as const;

export function AdminEventPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['events', 'shell']);
  const to = useTo();
  const [tab, setTab] = useTab(tabs, 'program');
  const q = useQuery(query(eventsApi.get, { params: { id } }));
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const ev = q.data;
  return (
    <Stack>
      <Title order={1}>
        <LText value={ev.name} />
      </Title>
      <Group>
        <Badge>{t(`events:status.${ev.status}`)}</Badge>
        <Badge variant="light">{t(`events:visibility.${ev.visibility}`)}</Badge>
        <Text size="sm">
          {ev.startDate} – {ev.endDate} ({ev.timeZone})
        </Text>
        <Anchor component={Link} to={to(eventsPages.checkin, { id: ev.id })}>
          {t('events:admin.checkin')}
        </Anchor>
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="program">{t('events:admin.program')}</Tabs.Tab>
          <Tabs.Tab value="invitations">{t('events:admin.invitations')}</Tabs.Tab>
          <Tabs.Tab value="accreditation">{t('events:admin.accreditation')}</Tabs.Tab>
          <Tabs.Tab value="figures">{t('events:admin.figures')}</Tabs.Tab>
          <Tabs.Tab value="managers">{t('events:managers.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="program" pt="md">
          <ProgramTab ev={ev} />
        </Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md">
          <InvitationsTab ev={ev} />
        </Tabs.Panel>
        <Tabs.Panel value="accreditation" pt="md">
          <AccreditationTab ev={ev} />
        </Tabs.Panel>
        <Tabs.Panel value="figures" pt="md">
          <FiguresTab ev={ev} />
        </Tabs.Panel>
        <Tabs.Panel value="managers" pt="md">
          <ManagersTab eventId={ev.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
