import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../web/format';
import type { Application } from './ApplicationView';

/** The thread of an application; internal comments are marked (the server sends them to staff only). */
export function Thread({ app }: { app: Application }) {
  const { t } = useTranslation(['membership', 'shell']);
  const f = useFormat();
  return (
    <Stack gap="xs" data-testid="thread">
      {app.messages
        .filter((m) => m.kind !== 'status')
        .map((m) => (
          <Paper key={m.id} withBorder p="sm" bg={m.internal ? 'yellow.0' : undefined} data-internal={m.internal || undefined}>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {m.authorName || t(`authorRole.${m.authorRole}`)} · {f.dateTime(m.createdAt)}
              </Text>
              {m.internal ? (
                <Badge size="xs" variant="dot" color="yellow">
                  {t('queue.internalBadge')}
                </Badge>
              ) : m.kind !== 'message' ? (
                <Badge size="xs" variant="dot" color={m.kind === 'info_request' ? 'orange' : 'gray'}>
                  {t(`messageKind.${m.kind}`)}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Text>
          </Paper>
        ))}
    </Stack>
  );
}
