import { Badge, Group, Modal, Stack, Text, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { FormAnswers } from '../../../web/components/FormAnswers';
import { useCountryName } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { LText, useLocalized } from '../../../web/localized';
import type { callsApi } from '../contract';

export type StaffEntry = Reply<typeof callsApi.submissions>[number];
type Call = Reply<typeof callsApi.get>;

/**
 * Staff view of one entry: where it stands, its answers as the call's form asks them (files linked
 * through `fileUrl` when the review lets staff download them), and what `detail` adds (the review:
 * every review of every round, the committee discussion).
 */
export function StaffSubmission({
  s,
  call,
  onClose,
  detail: Detail,
  fileUrl,
}: {
  s: StaffEntry;
  call: Call;
  onClose: () => void;
  detail?: ComponentType<{ submissionId: string }>;
  fileUrl?: (submissionId: string, fileId: string) => string;
}) {
  const { t } = useTranslation(['calls', 'shell']);
  const loc = useLocalized();
  const f = useFormat();
  const country = useCountryName();
  const category = call.categories.find((c) => c.value === s.category);
  const round = call.rounds[s.round - 1];
  return (
    <Modal opened onClose={onClose} size="xl" title={s.code}>
      <Stack>
        <Title order={3}>
          <LText value={s.title} />
        </Title>
        <Group gap="xs" data-testid="entry-state">
          <Badge variant="light">{t(`calls:status.${s.status}`)}</Badge>
          <Badge variant="light" color={s.screening === 'failed' ? 'red' : s.screening === 'passed' ? 'green' : 'gray'}>
            {t('calls:table.screening')}: {t(`calls:status.${s.screening}`)}
          </Badge>
          {s.decision ? <Badge color={s.decision === 'selected' ? 'green' : 'gray'}>{t(`calls:status.${s.decision}`)}</Badge> : null}
        </Group>
        <Stack gap={2}>
          {category ? (
            <Text size="sm">
              {t('calls:form.category')}: {loc(category.label).text}
            </Text>
          ) : null}
          {round ? (
            <Text size="sm">
              {t('calls:admin.round')}: {loc(round.label).text}
            </Text>
          ) : null}
          {s.countryCode ? (
            <Text size="sm">
              {t('calls:table.country')}: {country(s.countryCode)}
            </Text>
          ) : null}
          {s.submittedAt ? (
            <Text size="sm" c="dimmed">
              {t('calls:entry.submittedAt', { when: f.dateTime(s.submittedAt) })}
            </Text>
          ) : null}
          {s.screeningReason ? (
            <Text size="sm" c="dimmed">
              {t('shell:common.reason')}: {s.screeningReason}
            </Text>
          ) : null}
        </Stack>
        <FormAnswers
          fields={call.form}
          answers={s.answers}
          files={s.files}
          fileUrl={fileUrl ? (fileId) => fileUrl(s.id, fileId) : undefined}
        />
        {Detail ? <Detail submissionId={s.id} /> : null}
      </Stack>
    </Modal>
  );
}
