import { Anchor, Avatar, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { query } from '../../../web/api';
import { useCountryName } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { membershipApi as api, membershipPages } from '../contract';
import { MembershipError } from './MembershipError';

/** A member's public page. */
export function MemberPage() {
  const id = useParams().id ?? '';
  const { t } = useTranslation(['membership', 'shell']);
  const to = useTo();
  const countryName = useCountryName();
  const f = useFormat();
  const q = useQuery(query(api.member, { params: { id } }));
  const m = q.data;
  return (
    <Stack maw={860}>
      <Anchor component={Link} to={to(membershipPages.members)}>
        ← {t('members.back')}
      </Anchor>
      <MembershipError error={q.error} />
      {m ? (
        <>
          <Group wrap="nowrap">
            <Avatar src={m.logoUrl} alt="" size="xl" radius="sm" />
            <div>
              <Title order={1}>
                <LText value={m.name} />
              </Title>
              {m.shortName ? <Text c="dimmed">{m.shortName}</Text> : null}
            </div>
          </Group>
          <Group gap="xs">
            <Badge variant="light">{countryName(m.countryCode)}</Badge>
            {m.continent ? <Badge variant="light">{t(`shell:continents.${m.continent}`)}</Badge> : null}
            <Badge variant="light">{t(`shell:stakeholders.${m.stakeholderGroup}`)}</Badge>
            <Badge variant="outline">
              <LText value={m.categoryName} />
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('members.since', { date: f.date(m.memberSince) })}
          </Text>
          {m.sector ? (
            <Text>
              {t('members.sector')}: {m.sector}
            </Text>
          ) : null}
          {m.website ? (
            <Anchor href={m.website} target="_blank" rel="noopener noreferrer">
              {m.website}
            </Anchor>
          ) : null}
          <Text style={{ whiteSpace: 'pre-wrap' }}>
            <LText value={m.description} />
          </Text>
        </>
      ) : null}
    </Stack>
  );
}
