import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const statusColor: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  info_requested: 'orange',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
  active: 'green',
  grace: 'yellow',
  lapsed: 'gray',
  suspended: 'orange',
  terminated: 'red',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('membership');
  return (
    // Never cut short in a narrow table column.
    <Badge color={statusColor[status] ?? 'gray'} variant="dot" miw="max-content" data-testid="status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
