import { Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useTab } from '../../../web/links';
import { LText } from '../../../web/localized';
import { CallBuilder } from './Builder';
import { callQuery } from './callQuery';
import { SubmissionsTab } from './SubmissionsTab';
import { Deadline } from './Deadline';

/** A tab the review adds to a call's page: its label (a text key) and its panel. */
export interface CallTab {
  value: string;
  label: string;
  panel: ComponentType<{ callId: string }>;
}

/**
 * Staff's page of one call: settings and entries, plus the tabs and the entry
 * details the review passes in (the review composes this page; the calls know nothing of it).
 */
export function AdminCallPage({
  tabs = [],
  entryDetail,
  fileUrl,
}: {
  tabs?: CallTab[];
  entryDetail?: ComponentType<{ submissionId: string }>;
  fileUrl?: (submissionId: string, fileId: string) => string;
}) {
  const { id } = useParams();
  const { t } = useTranslation(['calls', 'shell']);
  const { data: c } = useQuery(callQuery(id));
  // ?tab= opens a tab (e.g. the assignment from the staff overview); the entries by default.
  const [tab, setTab] = useTab(['settings', 'submissions', ...tabs.map((x) => x.value)], 'submissions');
  if (!c) return null;
  return (
    <Stack>
      <Title order={1}>
        <LText value={c.title} /> · {c.year}
      </Title>
      <Deadline call={c} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="settings">{t('calls:builder.tab')}</Tabs.Tab>
          <Tabs.Tab value="submissions">{t('calls:admin.submissions')}</Tabs.Tab>
          {tabs.map((x) => (
            <Tabs.Tab key={x.value} value={x.value}>
              {t(x.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="settings" pt="md">
          <CallBuilder call={c} />
        </Tabs.Panel>
        <Tabs.Panel value="submissions" pt="md">
          <SubmissionsTab call={c} entryDetail={entryDetail} fileUrl={fileUrl} />
        </Tabs.Panel>
        {tabs.map((x) => (
          <Tabs.Panel key={x.value} value={x.value} pt="md">
            <x.panel callId={c.id} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
