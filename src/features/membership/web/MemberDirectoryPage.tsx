import { Avatar, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { query } from '../../../web/api';
import { CountrySelect, useCountryName } from '../../../web/components/forms';
import { Pager } from '../../../web/components/Pager';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { continents } from '../../directory/contract';
import { membershipApi as api, memberGroups, membershipPages } from '../contract';
import { MembershipError } from './MembershipError';

type Continent = (typeof continents)[number];
type MemberGroup = (typeof memberGroups)[number];

/** The public member directory: search in any script, filter by country, continent, stakeholder group. */
export function MemberDirectoryPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const to = useTo();
  const countryName = useCountryName();
  const [q, setQ] = useState('');
  const [country, setCountry] = useState<string | null>(null);
  const [continent, setContinent] = useState<Continent>();
  const [group, setGroup] = useState<MemberGroup>();
  const [page, setPage] = useState(1);
  const [dq] = useDebouncedValue(q, 250);
  const filters = { q: dq, country: country ?? undefined, continent, stakeholderGroup: group, page, pageSize: 24 };
  const list = useQuery({ ...query(api.members, { query: filters }), placeholderData: keepPreviousData });
  return (
    <Stack>
      <Title order={1}>{t('members.title')}</Title>
      <Text>{t('members.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <TextInput
          label={t('members.search')}
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          data-testid="member-search"
        />
        <CountrySelect
          label={t('shell:common.country')}
          value={country}
          onChange={(v) => {
            setCountry(v);
            setPage(1);
          }}
        />
        <Select
          label={t('shell:common.continent')}
          clearable
          data={continents.filter((c) => c !== 'antarctica').map((c) => ({ value: c, label: t(`shell:continents.${c}`) }))}
          value={continent ?? null}
          onChange={(v) => {
            setContinent(continents.find((c) => c === v));
            setPage(1);
          }}
        />
        <Select
          label={t('apply.group')}
          clearable
          data={memberGroups.map((g) => ({ value: g, label: t(`shell:stakeholders.${g}`) }))}
          value={group ?? null}
          onChange={(v) => {
            setGroup(memberGroups.find((g) => g === v));
            setPage(1);
          }}
        />
      </SimpleGrid>
      <MembershipError error={list.error} />
      <Text size="sm" aria-live="polite">
        {t('shell:common.total', { count: list.data?.total ?? 0 })}
      </Text>
      {list.data?.total === 0 ? <Text>{t('members.none')}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} data-testid="member-results">
        {list.data?.items.map((m) => (
          <Card key={m.id} withBorder component={Link} to={to(membershipPages.member, { id: m.id })} data-testid="member-card">
            <Group wrap="nowrap">
              <Avatar src={m.logoUrl} alt="" radius="sm" />
              <div>
                <Text fw={600}>
                  <LText value={m.name} />
                </Text>
                <Text size="sm" c="dimmed">
                  {countryName(m.countryCode)} · {t(`shell:stakeholders.${m.stakeholderGroup}`)}
                </Text>
              </div>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      <Pager total={list.data?.total ?? 0} page={page} pageSize={24} onChange={setPage} />
    </Stack>
  );
}
