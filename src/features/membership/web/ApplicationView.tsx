import { Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { useCountryName } from '../../../web/components/forms';
import { LText } from '../../../web/localized';
import type { membershipApi } from '../contract';

export type Application = Reply<typeof membershipApi.application>;

/** A read-only view of an application's content. */
export function ApplicationView({ app }: { app: Application }) {
  const { t } = useTranslation(['membership', 'shell']);
  const countryName = useCountryName();
  const d = app.data;
  const row = (label: string, value: ReactNode) =>
    value ? (
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" w={160} style={{ flexShrink: 0 }}>
          {label}
        </Text>
        <Text size="sm" component="div">
          {value}
        </Text>
      </Group>
    ) : null;
  return (
    <Stack gap={6}>
      {row(t('apply.category'), <LText value={app.categoryName} />)}
      {d.organization ? (
        <>
          {row(t('apply.orgName'), <LText value={d.organization.name} />)}
          {row(t('apply.shortName'), d.organization.shortName)}
          {row(t('shell:common.country'), countryName(d.organization.countryCode))}
          {row(t('apply.group'), d.organization.stakeholderGroup ? t(`shell:stakeholders.${d.organization.stakeholderGroup}`) : null)}
          {row(t('shell:common.website'), d.organization.website)}
          {row(t('apply.description'), <LText value={d.organization.description} />)}
          {row(
            t('apply.representatives'),
            (d.representatives ?? []).map((r) => `${r.name}${r.title ? ` (${r.title})` : ''} <${r.email}>`).join('; '),
          )}
        </>
      ) : null}
      {d.individual ? (
        <>
          {row(t('apply.indName'), [d.individual.name, d.individual.nameLatin].filter(Boolean).join(' / '))}
          {row(t('shell:common.country'), countryName(d.individual.countryCode))}
          {row(t('apply.jobTitle'), d.individual.title)}
          {row(t('apply.affiliation'), d.individual.affiliation)}
        </>
      ) : null}
      {row(t('apply.motivation'), d.motivation)}
      {row(t('queue.applicant'), app.applicantEmail)}
    </Stack>
  );
}
