import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page controls with a total, and names for every button (screen readers). */
export function Pager({
  total,
  page,
  pageSize,
  onChange,
}: {
  total: number;
  page: number;
  pageSize: number;
  onChange: (p: number) => void;
}) {
  const { t } = useTranslation('shell');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between">
      <Text size="sm">{t('common.total', { count: total })}</Text>
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          getItemProps={(p) => ({ 'aria-label': t('common.page', { page: p }) })}
          getControlProps={(control) => ({ 'aria-label': t(`common.${control}`) })}
        />
      ) : null}
    </Group>
  );
}
