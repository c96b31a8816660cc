import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * What a list or table says when it has nothing to show, in place of the empty table: one line in
 * the page's language (e.g. "No submissions yet."). Show it once the list has loaded, not while it loads.
 */
export function EmptyState({ children, testId = 'empty-state' }: { children: ReactNode; testId?: string }) {
  return (
    <Text c="dimmed" data-testid={testId}>
      {children}
    </Text>
  );
}
