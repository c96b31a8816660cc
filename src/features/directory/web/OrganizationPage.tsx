import { Alert, Anchor, Avatar, Badge, Box, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ComponentType, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Reply, urlOf } from '../../../platform/http/contract';
import { query } from '../../../web/api';
import { useCountryName } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { AuditTrail } from '../../../web/components/AuditTrail';
import { directoryApi as api, directoryPages } from '../contract';
import { OrganizationModal } from './OrganizationModal';

/** What another feature shows on an organization's page (its memberships, registrations, working groups): a titled section. */
export interface OrganizationSection {
  key: string;
  /** A text key. */
  title: string;
  panel: ComponentType<{ organizationId: string }>;
}

type People = Reply<typeof api.organizationRecord>['people'];

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

/** A label and its value in a description list, the label above. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

/** The people of an organization: a table from tablet width up, blocks of lines on a phone. */
function PeopleList({ people }: { people: People }) {
  const { t } = useTranslation(['directory', 'shell']);
  const f = useFormat();
  const country = useCountryName();
  if (!people.length)
    return (
      <Text size="sm" c="dimmed">
        {t('directory:orgPage.noPeople')}
      </Text>
    );
  const period = (p: People[number]) =>
    p.startDate || p.endDate
      ? t('directory:orgPage.period', { from: p.startDate ? f.date(p.startDate) : '…', to: p.endDate ? f.date(p.endDate) : '…' })
      : '';
  const name = (p: People[number]) => (
    <>
      {p.name}
      {p.nameLatin && p.nameLatin !== p.name ? ` (${p.nameLatin})` : ''}
      {p.current ? null : (
        <Badge ml={6} size="xs" variant="light" color="gray">
          {t('directory:orgPage.former')}
        </Badge>
      )}
    </>
  );
  return (
    <>
      <Table.ScrollContainer minWidth={620} visibleFrom="sm">
        <Table striped data-testid="organization-people">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shell:common.name')}</Table.Th>
              <Table.Th>{t('directory:person.jobTitle')}</Table.Th>
              <Table.Th>{t('shell:common.country')}</Table.Th>
              <Table.Th>{t('shell:common.email')}</Table.Th>
              <Table.Th>{t('directory:orgPage.when')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((p) => (
              <Table.Tr key={`${p.personId}-${p.startDate ?? ''}`}>
                <Table.Td>{name(p)}</Table.Td>
                <Table.Td>
                  <LText value={p.title} />
                </Table.Td>
                <Table.Td>{country(p.countryCode)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{p.email}</Table.Td>
                <Table.Td>{period(p)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={8} hiddenFrom="sm">
        {people.map((p) => (
          <Box key={`${p.personId}-${p.startDate ?? ''}`} pl="sm" style={{ borderInlineStart: '3px solid var(--mantine-color-gray-3)' }}>
            <Text size="sm" fw={600}>
              {name(p)}
            </Text>
            <Text size="sm">
              <LText value={p.title} />
              {p.countryCode ? ` · ${country(p.countryCode)}` : ''}
            </Text>
            {p.email ? (
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {p.email}
              </Text>
            ) : null}
            {period(p) ? (
              <Text size="xs" c="dimmed">
                {period(p)}
              </Text>
            ) : null}
          </Box>
        ))}
      </Stack>
    </>
  );
}

/**
 * /admin/directory/organizations/:id: an organization for the secretariat: its profile and people, what the
 * other features show of it (membership, event registrations, working groups, passed in by the web app's
 * feature list), and its history in words.
 */
export function OrganizationPage({ sections = [] }: { sections?: OrganizationSection[] }) {
  const { id = '' } = useParams();
  const { t } = useTranslation(['directory', 'shell']);
  const to = useTo();
  const f = useFormat();
  const country = useCountryName();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ ...query(api.organizationRecord, { params: { id } }), retry: false });
  const back = (
    <Anchor component={Link} to={to(directoryPages.organizations)} size="sm">
      ← {t('directory:org.title')}
    </Anchor>
  );
  if (q.error)
    return (
      <Stack>
        {back}
        <Alert color="gray" data-testid="organization-not-found">
          {t('directory:orgPage.notFound')}
        </Alert>
      </Stack>
    );
  if (!q.data) return null;
  const { organization: o, people, history } = q.data;
  return (
    <Stack maw={1100}>
      {back}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <Avatar src={o.logoFileId ? urlOf(api.logo, { params: { id: o.logoFileId } }) : null} alt="" size="lg" radius="sm" />
          <div>
            <Title order={1}>
              <LText value={o.name} />
            </Title>
            {o.shortName ? <Text c="dimmed">{o.shortName}</Text> : null}
          </div>
        </Group>
        <Button variant="default" onClick={() => setEditing(true)}>
          {t('shell:common.edit')}
        </Button>
      </Group>
      <Section title={t('directory:orgPage.profile')} testId="organization-profile">
        <Stack gap={8} component="dl" m={0}>
          <Fact label={t('shell:common.country')}>{country(o.countryCode)}</Fact>
          <Fact label={t('directory:org.group')}>{t(`shell:stakeholders.${o.stakeholderGroup}`)}</Fact>
          {o.website ? (
            <Fact label={t('shell:common.website')}>
              <Anchor href={o.website} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
                {o.website}
              </Anchor>
            </Fact>
          ) : null}
          {Object.keys(o.description).length ? (
            <Fact label={t('directory:org.description')}>
              <LText value={o.description} />
            </Fact>
          ) : null}
          <Fact label={t('directory:orgPage.added')}>{f.date(o.createdAt)}</Fact>
        </Stack>
      </Section>
      <Section title={t('directory:orgPage.people')} testId="organization-people-section">
        <PeopleList people={people} />
      </Section>
      {sections.map((s) => (
        <Section key={s.key} title={t(s.title)} testId={`organization-${s.key}`}>
          <s.panel organizationId={o.id} />
        </Section>
      ))}
      <Section title={t('directory:orgPage.history')} testId="organization-history">
        <AuditTrail entries={history} />
      </Section>
      {editing ? <OrganizationModal org={o} onClose={() => setEditing(false)} /> : null}
    </Stack>
  );
}
