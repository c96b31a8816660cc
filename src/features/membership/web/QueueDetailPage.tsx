import { Anchor, Button, Checkbox, Group, Modal, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { urlOf } from '../../../platform/http/contract';
import { call, invalidate, query } from '../../../web/api';
import { useNotify } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import { membershipApi as api, membershipPages } from '../contract';
import { type Application, ApplicationView } from './ApplicationView';
import { MembershipError } from './MembershipError';
import { StatusBadge } from './StatusBadge';
import { Thread } from './Thread';

/** One application for the secretariat: content, documents, the thread with internal comments, and the decisions. */
export function QueueDetailPage() {
  const id = useParams().id ?? '';
  const { t } = useTranslation(['membership', 'shell']);
  const to = useTo();
  const notify = useNotify();
  const qc = useQueryClient();
  const one = query(api.application, { params: { id } });
  const q = useQuery(one);
  const [comment, setComment] = useState('');
  const [internal, setInternal] = useState(true);
  const [decision, setDecision] = useState<'request-info' | 'approve' | 'reject' | null>(null);
  const [reason, setReason] = useState('');
  const done = (a: Application) => {
    qc.setQueryData(one.queryKey, a);
    void invalidate(qc, api.applications);
  };
  const post = useMutation({
    mutationFn: () => call(api.postMessage, { params: { id }, body: { body: comment, internal } }),
    onSuccess: (a) => {
      done(a);
      setComment('');
    },
    onError: notify.error,
  });
  const decide = useMutation({
    mutationFn: (what: 'request-info' | 'approve' | 'reject') =>
      what === 'approve'
        ? call(api.approve, { params: { id }, body: reason ? { reason } : {} })
        : call(what === 'reject' ? api.reject : api.requestInfo, { params: { id }, body: { reason } }),
    onSuccess: (a) => {
      done(a);
      setDecision(null);
      setReason('');
      notify.ok(a.status === 'approved' ? t('queue.approved') : undefined);
    },
  });
  const app = q.data;
  if (!app) return <MembershipError error={q.error} />;
  const can = (a: string) => app.actions.includes(a);
  return (
    <Stack maw={960}>
      <Anchor component={Link} to={to(membershipPages.applications)}>
        ← {t('queue.title')}
      </Anchor>
      <Group justify="space-between">
        <Title order={1}>{app.displayName || '—'}</Title>
        <StatusBadge status={app.status} />
      </Group>
      <Paper withBorder p="md">
        <ApplicationView app={app} />
      </Paper>
      <Title order={3}>{t('apply.documents')}</Title>
      <Stack gap={4}>
        {app.documents.map((d) => (
          <Anchor key={d.id} href={urlOf(api.document, { params: { id: app.id, docId: d.id } })}>
            {d.docKey}: {d.filename}
          </Anchor>
        ))}
      </Stack>
      <Group>
        {can('request_info') ? (
          <Button variant="default" onClick={() => setDecision('request-info')} data-testid="request-info">
            {t('queue.requestInfo')}
          </Button>
        ) : null}
        {can('approve') ? (
          <Button color="green" onClick={() => setDecision('approve')} data-testid="approve">
            {t('queue.approve')}
          </Button>
        ) : null}
        {can('reject') ? (
          <Button color="red" variant="light" onClick={() => setDecision('reject')} data-testid="reject">
            {t('queue.reject')}
          </Button>
        ) : null}
      </Group>
      <Title order={3}>{t('queue.thread')}</Title>
      <Thread app={app} />
      <Stack gap="xs">
        <Textarea
          label={t('apply.writeMessage')}
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          data-testid="staff-message"
        />
        <Checkbox
          label={t('queue.internal')}
          checked={internal}
          onChange={(e) => setInternal(e.currentTarget.checked)}
          data-testid="internal"
        />
        <Group>
          <Button
            variant="default"
            disabled={!comment.trim() || (!internal && !can('message'))}
            loading={post.isPending}
            onClick={() => post.mutate()}
            data-testid="post-message"
          >
            {internal ? t('queue.addComment') : t('apply.send')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={!!decision}
        onClose={() => setDecision(null)}
        title={decision ? t(`queue.${decision === 'request-info' ? 'requestInfo' : decision}`) : ''}
      >
        <Stack>
          <Textarea
            label={decision === 'request-info' ? t('queue.requestInfoHint') : t('queue.reasonHint')}
            required={decision !== 'approve'}
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="decision-reason"
          />
          <MembershipError error={decide.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDecision(null)}>
              {t('shell:common.cancel')}
            </Button>
            <Button
              onClick={() => decision && decide.mutate(decision)}
              loading={decide.isPending}
              disabled={decision !== 'approve' && !reason.trim()}
              data-testid="confirm-decision"
            >
              {t('shell:common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
