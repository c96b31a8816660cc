import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { query } from '../../../web/api';
import { useLocalized } from '../../../web/localized';
import { directoryApi as api } from '../contract';

/** Picks an organization by searching its name in any script. */
export function OrganizationPicker({
  value,
  onChange,
  label,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const show = useLocalized();
  const res = useQuery(query(api.organizations, { query: { q: debounced, pageSize: 20 } }));
  const current = useQuery({ ...query(api.organization, { params: { id: value ?? '' } }), enabled: !!value });
  const items = [...(res.data?.items ?? [])];
  if (current.data && !items.some((o) => o.id === current.data.id)) items.unshift(current.data);
  return (
    <Select
      label={label}
      searchable
      clearable
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={items.map((o) => ({ value: o.id, label: show(o.name).text }))}
    />
  );
}
