import { Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CountrySelect, LocalizedInput } from '../../../web/components/forms';
import { genders, stakeholderGroups } from '../../directory/contract';
import type { ApplicationDataInput } from '../contract';

type Organization = NonNullable<ApplicationDataInput['organization']>;
type Individual = NonNullable<ApplicationDataInput['individual']>;
type Rep = NonNullable<ApplicationDataInput['representatives']>[number];

/** The form fields of an application, for an organization (with representatives) or an individual. */
export function ApplicationFields({
  kind,
  data,
  onChange,
  required = [],
}: {
  kind: 'organization' | 'individual';
  data: ApplicationDataInput;
  onChange: (d: ApplicationDataInput) => void;
  required?: string[];
}) {
  const { t } = useTranslation(['membership', 'shell']);
  const req = (path: string) => required.includes(path);
  const org = data.organization ?? {};
  const ind = data.individual ?? {};
  const reps = data.representatives ?? [];
  const setOrg = (patch: Partial<Organization>) => onChange({ ...data, organization: { ...org, ...patch } });
  const setInd = (patch: Partial<Individual>) => onChange({ ...data, individual: { ...ind, ...patch } });
  const setRep = (i: number, patch: Partial<Rep>) =>
    onChange({ ...data, representatives: reps.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <Stack>
      {kind === 'organization' ? (
        <>
          <Title order={3}>{t('apply.organization')}</Title>
          <LocalizedInput label={t('apply.orgName')} name="orgName" required value={org.name ?? {}} onChange={(v) => setOrg({ name: v })} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('apply.shortName')}
              value={org.shortName ?? ''}
              onChange={(e) => setOrg({ shortName: e.currentTarget.value })}
            />
            <TextInput
              label={t('shell:common.website')}
              required={req('organization.website')}
              placeholder="https://"
              value={org.website ?? ''}
              onChange={(e) => setOrg({ website: e.currentTarget.value })}
              data-testid="org-website"
            />
            <CountrySelect
              label={t('shell:common.country')}
              required
              value={org.countryCode ?? null}
              onChange={(v) => setOrg({ countryCode: v })}
              data-testid="org-country"
            />
            <Select
              label={t('apply.group')}
              required
              data={stakeholderGroups.map((g) => ({ value: g, label: t(`shell:stakeholders.${g}`) }))}
              value={org.stakeholderGroup ?? null}
              onChange={(v) => setOrg({ stakeholderGroup: stakeholderGroups.find((g) => g === v) ?? null })}
              data-testid="org-group"
            />
          </SimpleGrid>
          <LocalizedInput
            label={t('apply.description')}
            name="orgDescription"
            multiline
            value={org.description ?? {}}
            onChange={(v) => setOrg({ description: v })}
          />
          <Title order={3}>{t('apply.representatives')}</Title>
          {reps.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of an editable list have no id; each input follows its row's position
            <Paper key={i} withBorder p="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('apply.repName')}
                  required
                  value={r.name}
                  onChange={(e) => setRep(i, { name: e.currentTarget.value })}
                  data-testid={`rep-name-${i}`}
                />
                <TextInput
                  label={t('apply.repNameLatin')}
                  value={r.nameLatin ?? ''}
                  onChange={(e) => setRep(i, { nameLatin: e.currentTarget.value })}
                />
                <TextInput
                  label={t('apply.repEmail')}
                  required
                  type="email"
                  value={r.email}
                  onChange={(e) => setRep(i, { email: e.currentTarget.value })}
                  data-testid={`rep-email-${i}`}
                />
                <TextInput
                  label={t('apply.repTitle')}
                  value={r.title ?? ''}
                  onChange={(e) => setRep(i, { title: e.currentTarget.value })}
                />
              </SimpleGrid>
              <Button
                variant="default"
                size="xs"
                mt="xs"
                onClick={() => onChange({ ...data, representatives: reps.filter((_, j) => j !== i) })}
              >
                {t('apply.removeRep')}
              </Button>
            </Paper>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() => onChange({ ...data, representatives: [...reps, { name: '', email: '' }] })}
              data-testid="add-rep"
            >
              {t('apply.addRep')}
            </Button>
          </Group>
        </>
      ) : (
        <>
          <Title order={3}>{t('apply.individual')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('apply.indName')}
              required
              value={ind.name ?? ''}
              onChange={(e) => setInd({ name: e.currentTarget.value })}
            />
            <TextInput
              label={t('apply.repNameLatin')}
              value={ind.nameLatin ?? ''}
              onChange={(e) => setInd({ nameLatin: e.currentTarget.value })}
            />
            <CountrySelect
              label={t('shell:common.country')}
              required
              value={ind.countryCode ?? null}
              onChange={(v) => setInd({ countryCode: v })}
            />
            <Select
              label={t('apply.gender')}
              clearable
              data={genders.map((g) => ({ value: g, label: t(`shell:genders.${g}`) }))}
              value={ind.gender ?? null}
              onChange={(v) => setInd({ gender: genders.find((g) => g === v) ?? null })}
            />
            <TextInput label={t('apply.jobTitle')} value={ind.title ?? ''} onChange={(e) => setInd({ title: e.currentTarget.value })} />
            <TextInput
              label={t('apply.affiliation')}
              value={ind.affiliation ?? ''}
              onChange={(e) => setInd({ affiliation: e.currentTarget.value })}
            />
          </SimpleGrid>
        </>
      )}
      <Textarea
        label={t('apply.motivation')}
        required={req('motivation')}
        autosize
        minRows={3}
        value={data.motivation ?? ''}
        onChange={(e) => onChange({ ...data, motivation: e.currentTarget.value })}
        data-testid="motivation"
      />
    </Stack>
  );
}

/** Drops empty strings so a half-filled draft passes the server's checks. */
export function cleanData(d: ApplicationDataInput): ApplicationDataInput {
  const strip = <T extends object>(o: T | undefined) =>
    o ? (Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== null && v !== undefined)) as T) : undefined;
  const out: ApplicationDataInput = {};
  if (d.organization) out.organization = strip(d.organization);
  if (d.individual) out.individual = strip(d.individual);
  if (d.representatives) out.representatives = d.representatives.filter((r) => r.name || r.email).map((r) => strip(r) as Rep);
  if (d.motivation) out.motivation = d.motivation;
  return out;
}
