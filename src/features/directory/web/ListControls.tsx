import { Button, Menu, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { download } from '../../../web/api';
import { CountrySelect, useNotify } from '../../../web/components/forms';
import { continents, type ListQuery, stakeholderGroups } from '../contract';

/** The filters of the organizations and people lists, as the list endpoints take them. */
export type Filters = Pick<ListQuery, 'sort'> & Partial<Pick<ListQuery, 'q' | 'country' | 'continent' | 'stakeholderGroup'>>;
export const emptyFilters: Filters = { sort: 'name' };
const sorts = ['name', 'country', 'created'] as const;

export function FilterBar({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const { t } = useTranslation(['directory', 'shell']);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
      <TextInput
        label={t('shell:common.search')}
        type="search"
        value={filters.q ?? ''}
        onChange={(e) => onChange({ ...filters, q: e.currentTarget.value })}
        data-testid="directory-search"
      />
      <CountrySelect
        label={t('shell:common.country')}
        value={filters.country ?? null}
        onChange={(v) => onChange({ ...filters, country: v ?? undefined })}
      />
      <Select
        label={t('shell:common.continent')}
        clearable
        data={continents.filter((c) => c !== 'antarctica').map((c) => ({ value: c, label: t(`shell:continents.${c}`) }))}
        value={filters.continent ?? null}
        onChange={(v) => onChange({ ...filters, continent: continents.find((c) => c === v) })}
      />
      <Select
        label={t('directory:org.group')}
        clearable
        data={stakeholderGroups.map((g) => ({ value: g, label: t(`shell:stakeholders.${g}`) }))}
        value={filters.stakeholderGroup ?? null}
        onChange={(v) => onChange({ ...filters, stakeholderGroup: stakeholderGroups.find((g) => g === v) })}
      />
      <Select
        label={t('shell:common.sort')}
        data={sorts.map((s) => ({ value: s, label: t(`directory:sort.${s}`) }))}
        value={filters.sort}
        onChange={(v) => onChange({ ...filters, sort: sorts.find((s) => s === v) ?? filters.sort })}
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}

/** The list query of a page of organizations or people (debounced while typing), and the filters their export takes. */
export function useListQuery(filters: Filters, page: number) {
  const [debounced] = useDebouncedValue(filters, 250);
  const { sort, ...matching } = debounced;
  const list = { ...matching, sort, order: sort === 'created' ? ('desc' as const) : ('asc' as const), page, pageSize: 25 };
  return { list, matching };
}

export function ExportMenu({ url }: { url: (f: 'csv' | 'xlsx') => string }) {
  const { t } = useTranslation();
  const notify = useNotify();
  return (
    <Menu>
      <Menu.Target>
        <Button variant="default">{t('common.export')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => download(url('csv')).catch(notify.error)}>CSV</Menu.Item>
        <Menu.Item onClick={() => download(url('xlsx')).catch(notify.error)}>XLSX</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
