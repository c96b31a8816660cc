import { Modal, Stack, Text, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import type { Reply } from '../../../platform/http/contract';
import { LText, useLocalized } from '../../../web/localized';
import type { callsApi } from '../contract';

export type StaffEntry = Reply<typeof callsApi.submissions>[number];

/** Staff view of one entry: its answers, and what `detail` adds (the review: every review of every round, the committee discussion). */
export function StaffSubmission({
  s,
  onClose,
  detail: Detail,
}: {
  s: StaffEntry;
  onClose: () => void;
  detail?: ComponentType<{ submissionId: string }>;
}) {
  const loc = useLocalized();
  return (
    <Modal opened onClose={onClose} size="xl" title={s.code}>
      <Stack>
        <Title order={3}>
          <LText value={s.title} />
        </Title>
        {Object.entries(s.answers).map(([k, v]) => (
          <Text key={k} size="sm">
            <b>{k}</b>: {typeof v === 'object' && v && !Array.isArray(v) ? loc(v).text : JSON.stringify(v)}
          </Text>
        ))}
        {Detail ? <Detail submissionId={s.id} /> : null}
      </Stack>
    </Modal>
  );
}
