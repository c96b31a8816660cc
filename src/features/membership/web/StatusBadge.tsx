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
    <Badge color={statusColor[status] ?? 'gray'} variant="dot" data-testid="status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
