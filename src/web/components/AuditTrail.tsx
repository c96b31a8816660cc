import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { auditLabel } from './auditLabel';

/** An entry of a record's history as the API answers it (the contracts' trailEntry, its time as JSON text). */
export interface TrailEntry {
  id: number;
  at: string | Date;
  action: string;
  actorEmail: string | null;
  reason: string | null;
}

/**
 * A record's history in words, newest first: each change by its label (the audit log's), who made it,
 * when, and the reason they gave. `timeZone`: show the times in that zone (an event's) rather than the viewer's.
 */
export function AuditTrail({ entries, timeZone }: { entries: TrailEntry[]; timeZone?: string }) {
  const { t } = useTranslation(['admin']);
  const f = useFormat();
  if (!entries.length)
    return (
      <Text size="sm" c="dimmed">
        {t('admin:trail.none')}
      </Text>
    );
  return (
    <Timeline bulletSize={12} lineWidth={2} data-testid="audit-trail">
      {entries.map((e) => (
        <Timeline.Item key={e.id} title={auditLabel(t, 'auditAction', e.action)}>
          <Text size="xs" c="dimmed">
            {f.dateTime(e.at, timeZone)} · {e.actorEmail ? t('admin:trail.by', { who: e.actorEmail }) : t('admin:trail.system')}
          </Text>
          {e.reason ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {t('admin:trail.reason', { reason: e.reason })}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
