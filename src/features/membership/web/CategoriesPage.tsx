import { Anchor, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { query } from '../../../web/api';
import { EmptyState } from '../../../web/components/EmptyState';
import { pick, useLocale } from '../../../web/i18n';
import { membershipApi as api } from '../contract';
import { CategoryModal } from './CategoryModal';
import { MembershipError } from './MembershipError';

type Category = Reply<typeof api.allCategories>[number];

/** Membership categories: what each asks of applicants, and how long its terms run. */
export function CategoriesPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const locale = useLocale();
  const list = useQuery(query(api.allCategories));
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('cat.title')}</Title>
        <Button onClick={() => setEditing('new')}>{t('cat.new')}</Button>
      </Group>
      <MembershipError error={list.error} />
      {list.data?.length ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shell:common.name')}</Table.Th>
              <Table.Th>{t('cat.kind')}</Table.Th>
              <Table.Th>{t('cat.term')}</Table.Th>
              <Table.Th>{t('apply.documents')}</Table.Th>
              <Table.Th>{t('shell:common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component="button" onClick={() => setEditing(c)}>
                    {pick(c.name, locale).text} ({c.key})
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`kind.${c.applicantKind}`)}</Table.Td>
                <Table.Td>{c.termMonths}</Table.Td>
                <Table.Td>{c.requiredDocuments.map((d) => pick(d.label, locale).text).join(', ')}</Table.Td>
                <Table.Td>{c.active ? t('shell:common.yes') : t('shell:common.no')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : list.data ? (
        <EmptyState>{t('cat.none')}</EmptyState>
      ) : null}
      {editing ? <CategoryModal category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
