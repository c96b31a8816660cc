import { Button, Code, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { ApiError, call, invalidate } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { eventsApi } from '../contract';

type Registration = Reply<typeof eventsApi.registration>;

/** A registrant's visa letter in the accreditation list: its reference and state (days in the event's zone, as the public check shows them), and staff's way to revoke it with a reason. */
export function VisaLetterCell({ r, timeZone }: { r: Registration; timeZone: string }) {
  const { t } = useTranslation(['events', 'shell']);
  const fmt = useFormat();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const revoke = useMutation({
    mutationFn: () => call(eventsApi.revokeVisaLetter, { params: { id: r.id }, body: { reason } }),
    onSuccess: () => {
      setOpen(false);
      setReason('');
      return invalidate(qc, eventsApi.registrations, eventsApi.registration);
    },
  });
  if (!r.visaRef) return null;
  const error = revoke.error instanceof ApiError ? revoke.error : null;
  return (
    <Stack gap={2} data-testid="visa-letter">
      <Text size="xs" c="dimmed">
        {t('events:admin.visa.title')}
      </Text>
      <Code>{r.visaRef}</Code>
      {r.visaRevokedAt ? (
        <Text size="xs" c="red.9" title={r.visaRevokeReason ?? undefined}>
          {t('events:admin.visa.revoked', { date: fmt.date(r.visaRevokedAt, timeZone) })}
        </Text>
      ) : (
        <Button size="compact-xs" color="red" variant="subtle" onClick={() => setOpen(true)}>
          {t('events:admin.visa.revoke')}
        </Button>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('events:admin.visa.revokeTitle', { reference: r.visaRef })}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            revoke.mutate();
          }}
        >
          <Stack>
            {error && !error.field('reason') && <ErrorAlert error={error} />}
            <Textarea
              label={t('events:admin.visa.reason')}
              required
              autosize
              minRows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error?.field('reason')}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('shell:common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={revoke.isPending} disabled={!reason.trim()}>
                {t('events:admin.visa.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
