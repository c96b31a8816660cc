import { Button, Card, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, invalidate, query } from '../../../web/api';
import { useFormat } from '../../../web/format';
import { groupsApi } from '../contract';
import { SafeHtml } from './markdown';

/** A discussion of a group: its posts and a reply box. */
export function Thread({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation(['groups']);
  const qc = useQueryClient();
  const fmt = useFormat();
  const [body, setBody] = useState('');
  const q = useQuery(query(groupsApi.thread, { params: { id: slug, threadId: id } }));
  const send = useMutation({
    mutationFn: () => call(groupsApi.addPost, { params: { id: slug, threadId: id }, body: { body } }),
    onSuccess: () => {
      setBody('');
      return invalidate(qc, groupsApi.thread);
    },
  });
  return (
    <Stack gap="xs">
      {(q.data?.posts ?? []).map((p) => (
        <Card key={p.id} withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {p.authorName} · {fmt.dateTime(p.createdAt)}
          </Text>
          <SafeHtml html={p.html} />
        </Card>
      ))}
      <Textarea label={t('groups:reply')} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
      <Button size="xs" onClick={() => send.mutate()} disabled={!body.trim()} style={{ alignSelf: 'flex-start' }}>
        {t('groups:send')}
      </Button>
    </Stack>
  );
}
