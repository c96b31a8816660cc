import { Anchor, Badge, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { eventsPages } from '../contract';
import type { SessionT } from './types';

export function SessionCard({ s, zone, slug }: { s: SessionT; zone: string; slug: string }) {
  const { t } = useTranslation(['events']);
  const fmt = useFormat();
  const to = useTo();
  return (
    <Card withBorder data-testid="session-card">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" c="gray.7">
            {fmt.time(s.startsAt, zone)} – {fmt.time(s.endsAt, zone)} · {t(`events:sessionKinds.${s.kind}`)}{' '}
            {s.roomName ? (
              <>
                · <LText value={s.roomName} />
              </>
            ) : null}
          </Text>
          <Anchor component={Link} to={to(eventsPages.session, { slug, id: s.id })} fw={600}>
            <LText value={s.title} />
          </Anchor>
          {s.people.length > 0 && (
            <Text size="sm">
              {s.people
                .map((p) => `${p.name}${p.nameLatin && p.nameLatin !== p.name ? ` (${p.nameLatin})` : ''} · ${t(`events:roles.${p.role}`)}`)
                .join('; ')}
            </Text>
          )}
        </div>
        {s.cancelled && (
          <Badge color="red.9" variant="filled">
            {t('events:agenda.cancelled')}
          </Badge>
        )}
        {!s.cancelled && s.capacity != null && (
          <Badge color={s.confirmed >= s.capacity ? 'orange.9' : 'teal.9'} variant="filled">
            {s.confirmed >= s.capacity
              ? t('events:agenda.full')
              : t('events:agenda.seats', { confirmed: s.confirmed, capacity: s.capacity })}
          </Badge>
        )}
      </Group>
    </Card>
  );
}
