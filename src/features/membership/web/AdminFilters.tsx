import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from '../../../web/components/forms';
import { pick, useLocale } from '../../../web/i18n';
import { continents } from '../../directory/contract';
import { type applicationQuery, memberGroups } from '../contract';
import { useCategories } from './useCategories';
import type { z } from 'zod';

/** The filters of the application queue and the membership list; they differ only in their statuses. */
export type Filters<S extends string> = Partial<Omit<z.output<typeof applicationQuery>, 'status' | 'page' | 'pageSize'> & { status: S }>;

export function Filters<S extends string>({
  value,
  onChange,
  statuses,
}: {
  value: Filters<S>;
  onChange: (f: Filters<S>) => void;
  statuses: readonly S[];
}) {
  const { t } = useTranslation(['membership', 'shell']);
  const locale = useLocale();
  const cats = useCategories();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }}>
      <TextInput
        label={t('shell:common.search')}
        type="search"
        value={value.q ?? ''}
        onChange={(e) => onChange({ ...value, q: e.currentTarget.value })}
      />
      <Select
        label={t('shell:common.status')}
        clearable
        data={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={value.status ?? null}
        onChange={(v) => onChange({ ...value, status: statuses.find((s) => s === v) })}
        data-testid="filter-status"
      />
      <Select
        label={t('queue.category')}
        clearable
        data={(cats.data ?? []).map((c) => ({ value: c.key, label: pick(c.name, locale).text }))}
        value={value.category ?? null}
        onChange={(v) => onChange({ ...value, category: v ?? undefined })}
      />
      <CountrySelect
        label={t('shell:common.country')}
        value={value.country ?? null}
        onChange={(v) => onChange({ ...value, country: v ?? undefined })}
      />
      <Select
        label={t('shell:common.continent')}
        clearable
        data={continents.filter((c) => c !== 'antarctica').map((c) => ({ value: c, label: t(`shell:continents.${c}`) }))}
        value={value.continent ?? null}
        onChange={(v) => onChange({ ...value, continent: continents.find((c) => c === v) })}
      />
      <Select
        label={t('apply.group')}
        clearable
        data={memberGroups.map((g) => ({ value: g, label: t(`shell:stakeholders.${g}`) }))}
        value={value.stakeholderGroup ?? null}
        onChange={(v) => onChange({ ...value, stakeholderGroup: memberGroups.find((g) => g === v) })}
      />
    </SimpleGrid>
  );
}
