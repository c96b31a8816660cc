import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { query } from '../../../web/api';
import { ServerPage } from '../../../web/components/ServerPage';
import { useLocale } from '../../../web/i18n';
import { useTo } from '../../../web/links';
import { showcaseApi, showcasePages } from '../contract';
import { Shown } from './Shown';

/** One published entry; any other public item indexed under /showcase is the server's page. */
export function EntryPage() {
  const { id } = useParams();
  const { t } = useTranslation(['showcase']);
  const locale = useLocale();
  const to = useTo();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id ?? '');
  const { data: e, error } = useQuery({
    ...query(showcaseApi.entry, { params: { id: id ?? '' }, query: { locale } }),
    enabled: uuid,
    retry: false,
  });
  // Not one of our entries: another public item indexed under /showcase (the portal renders it, or says not found).
  if (!uuid || error) return <ServerPage />;
  if (!e) return null;
  return (
    <Stack maw={860}>
      <Anchor component={Link} to={to(showcasePages.showcase)} size="sm">
        ← {t('showcase:title')}
      </Anchor>
      <Text size="sm" c="dimmed">
        {e.callTitle} · {e.year} · {e.code}
      </Text>
      <Title order={1} data-testid="entry-title">
        <Shown s={e.title} />
      </Title>
      <Group gap="xs">
        {e.categoryLabel ? <Badge variant="light">{e.categoryLabel}</Badge> : null}
        {e.country ? <Badge variant="outline">{e.country}</Badge> : null}
        <Text size="xs" c="dimmed">
          {t('showcase:languages')}: {e.languages.join(', ')}
        </Text>
      </Group>
      {e.fields.map((f) => (
        <div key={f.key}>
          <Title order={2} size="h5">
            {f.label}
          </Title>
          {f.type === 'url' ? (
            <Anchor href={f.text} rel="noopener noreferrer" target="_blank">
              {f.text}
            </Anchor>
          ) : (
            <Text style={{ whiteSpace: 'pre-wrap' }}>
              <Shown s={f} />
            </Text>
          )}
        </div>
      ))}
    </Stack>
  );
}
