import { Badge, Button, Card, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../web/api';
import { useNotify } from '../../../web/components/forms';
import { groupsApi } from '../contract';
import type { DocComment, DocView } from './documentView';

/** The comments on one paragraph: adding one while a round is open, and the editors' answers. */
export function Comments({
  doc,
  paragraphKey,
  n,
  comments,
  canComment,
  refresh,
}: {
  doc: DocView;
  paragraphKey: string;
  n: number;
  comments: DocComment[];
  canComment: boolean;
  refresh: () => void;
}) {
  const { t } = useTranslation(['documents', 'shell']);
  const notify = useNotify();
  const [body, setBody] = useState('');
  const [responses, setResponses] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: () => call(groupsApi.addComment, { params: { id: doc.id }, body: { paragraphKey, body } }),
    onSuccess: () => {
      setBody('');
      return refresh();
    },
    onError: notify.error,
  });
  const resolve = useMutation({
    mutationFn: (v: { id: string; status: 'accepted' | 'declined' | 'answered' }) =>
      call(groupsApi.resolveComment, {
        params: { id: doc.id, commentId: v.id },
        body: { status: v.status, response: responses[v.id] || undefined },
      }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const editable = doc.you.editor && doc.current.status !== 'published';
  return (
    <Stack gap="xs" mt="xs">
      {comments.map((c) => (
        <Card key={c.id} padding="xs" withBorder data-testid="comment">
          <Group justify="space-between">
            <Text size="sm">
              <b>{c.authorName}</b>: {c.body}
            </Text>
            <Badge variant="light" data-testid="comment-status">
              {t(`documents:cstatus.${c.status}`)}
            </Badge>
          </Group>
          {c.response ? (
            <Text size="sm" c="dimmed">
              ↳ {c.response}
            </Text>
          ) : null}
          {editable && c.status === 'open' ? (
            <Group mt="xs" align="flex-end">
              <TextInput
                size="xs"
                label={t('documents:response')}
                value={responses[c.id] ?? ''}
                onChange={(e) => setResponses({ ...responses, [c.id]: e.currentTarget.value })}
              />
              {(['accepted', 'declined', 'answered'] as const).map((s) => (
                <Button
                  key={s}
                  size="xs"
                  variant={s === 'accepted' ? 'filled' : 'default'}
                  onClick={() => resolve.mutate({ id: c.id, status: s })}
                >
                  {t(`documents:resolve.${s}`)}
                </Button>
              ))}
            </Group>
          ) : null}
        </Card>
      ))}
      {canComment ? (
        <Group align="flex-end">
          <Textarea
            style={{ flex: 1 }}
            size="xs"
            label={t('documents:commentOn', { n })}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <Button size="xs" onClick={() => add.mutate()} disabled={!body.trim()}>
            {t('documents:comment')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
