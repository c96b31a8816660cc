import { Center, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The narrow card the sign-in and sign-up pages sit in. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center py="xl">
      <Paper withBorder p="xl" radius="md" w="100%" maw={440}>
        <Title order={1} size="h2" mb="md">
          {title}
        </Title>
        {children}
      </Paper>
    </Center>
  );
}
