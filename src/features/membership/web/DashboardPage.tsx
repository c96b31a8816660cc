import {
  Badge,
  Button,
  Group,
  Menu,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Reply, urlOf } from '../../../platform/http/contract';
import { call, download, invalidate, query } from '../../../web/api';
import { ConfirmButton } from '../../../web/components/ConfirmButton';
import { EmptyState } from '../../../web/components/EmptyState';
import { useCountryName, useNotify } from '../../../web/components/forms';
import { pick, useLocale } from '../../../web/i18n';
import { membershipApi as api, type Dimension, type GoalRule, goalRules } from '../contract';
import { BarTable } from './BarTable';
import { MembershipError } from './MembershipError';
import { useCategories } from './useCategories';

type Goal = Reply<typeof api.dashboard>['goals'][number];
/** What a goal may measure here (gender is for populations with people, e.g. an event's speakers). */
const goalDimensions = ['continent', 'country', 'stakeholderGroup', 'category', 'yearJoined'] as const satisfies readonly Dimension[];

/** The representation dashboard: figures, goals met or not, export. */
export function DashboardPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const countryName = useCountryName();
  const locale = useLocale();
  const cats = useCategories();
  const notify = useNotify();
  const qc = useQueryClient();
  const q = useQuery(query(api.dashboard));
  const [goal, setGoal] = useState<{ dimension: Dimension; rule: GoalRule; target: number | string; value: string }>({
    dimension: 'continent',
    rule: 'min_distinct',
    target: 6,
    value: '',
  });
  const addGoal = useMutation({
    mutationFn: () =>
      call(api.createGoal, {
        body: { dimension: goal.dimension, rule: goal.rule, target: Number(goal.target), value: goal.value || null },
      }),
    onSuccess: () => {
      void invalidate(qc, api.dashboard, api.goals);
      notify.ok();
    },
    onError: notify.error,
  });
  const removeGoal = useMutation({
    mutationFn: (id: string) => call(api.deleteGoal, { params: { id } }),
    onSuccess: () => invalidate(qc, api.dashboard, api.goals),
  });
  const d = q.data;
  const catName = (key: string) => pick(cats.data?.find((c) => c.key === key)?.name, locale).text || key;
  const valueLabel = (dimension: string, key: string | null) =>
    !key
      ? ''
      : dimension === 'country'
        ? countryName(key)
        : dimension === 'continent'
          ? t(`shell:continents.${key}`)
          : dimension === 'stakeholderGroup'
            ? t(`shell:stakeholders.${key}`)
            : dimension === 'category'
              ? catName(key)
              : dimension === 'gender'
                ? t(`shell:genders.${key}`)
                : key;
  const goalText = (g: Goal) =>
    pick(g.label, locale).text ||
    `${t(`dash.dimensions.${g.dimension}`)}: ${t(`dash.rules.${g.rule}`).replace('N', String(g.target))}${g.value ? ` (${valueLabel(g.dimension, g.value)})` : ''}`;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('dash.title')}</Title>
        <Menu>
          <Menu.Target>
            <Button variant="default">{t('shell:common.export')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => download(urlOf(api.dashboardExport, { query: { format: 'csv' } })).catch(notify.error)}>
              CSV
            </Menu.Item>
            <Menu.Item onClick={() => download(urlOf(api.dashboardExport, { query: { format: 'xlsx' } })).catch(notify.error)}>
              XLSX
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Text>{t('dash.intro')}</Text>
      <MembershipError error={q.error} />
      {d ? (
        <>
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed">
              {t('dash.total')}
            </Text>
            <Text size="xl" fw={700} data-testid="total-members">
              {d.totalMembers}
            </Text>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h3" mb="xs">
              {t('dash.goals')}
            </Title>
            {d.goals.length ? (
              <Table data-testid="goals">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dash.goal')}</Table.Th>
                    <Table.Th>{t('dash.current')}</Table.Th>
                    <Table.Th>{t('shell:common.status')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('shell:common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.goals.map((g) => (
                    <Table.Tr key={g.id}>
                      <Table.Td>{goalText(g)}</Table.Td>
                      <Table.Td>
                        {g.result
                          ? g.rule === 'min_distinct'
                            ? g.result.current
                            : `${g.result.current}%${g.result.subject ? ` (${valueLabel(g.dimension, g.result.subject)})` : ''}`
                          : ''}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={g.result?.met ? 'green' : 'red'} data-met={g.result?.met ? 'true' : 'false'}>
                          {g.result?.met ? t('dash.met') : t('dash.notMet')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <ConfirmButton
                          size="xs"
                          variant="default"
                          color="red"
                          label={t('shell:common.delete')}
                          question={t('dash.confirmDeleteGoal', { goal: goalText(g) })}
                          onConfirm={() => removeGoal.mutateAsync(g.id)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <EmptyState>{t('dash.noGoals')}</EmptyState>
            )}
            <Group align="flex-end" mt="sm">
              <Select
                label={t('dash.dimension')}
                allowDeselect={false}
                data={goalDimensions.map((k) => ({
                  value: k,
                  label: t(`dash.dimensions.${k}`),
                }))}
                value={goal.dimension}
                onChange={(v) => setGoal({ ...goal, dimension: goalDimensions.find((k) => k === v) ?? goal.dimension })}
              />
              <Select
                label={t('dash.rule')}
                allowDeselect={false}
                data={goalRules.map((k) => ({ value: k, label: t(`dash.rules.${k}`) }))}
                value={goal.rule}
                onChange={(v) => setGoal({ ...goal, rule: goalRules.find((k) => k === v) ?? goal.rule })}
              />
              <NumberInput label={t('dash.target')} min={0} value={goal.target} onChange={(v) => setGoal({ ...goal, target: v })} w={100} />
              {goal.rule === 'min_share' ? (
                <TextInput
                  label={t('dash.value')}
                  value={goal.value}
                  onChange={(e) => setGoal({ ...goal, value: e.currentTarget.value })}
                  w={140}
                />
              ) : null}
              <Button variant="default" onClick={() => addGoal.mutate()} loading={addGoal.isPending}>
                {t('dash.addGoal')}
              </Button>
            </Group>
          </Paper>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <BarTable
              title={t('dash.byContinent')}
              dimension={t('dash.dimensions.continent')}
              buckets={d.byContinent}
              label={(k) => valueLabel('continent', k)}
            />
            <BarTable
              title={t('dash.byStakeholderGroup')}
              dimension={t('dash.dimensions.stakeholderGroup')}
              buckets={d.byStakeholderGroup}
              label={(k) => valueLabel('stakeholderGroup', k)}
            />
            <BarTable title={t('dash.byCategory')} dimension={t('dash.dimensions.category')} buckets={d.byCategory} label={catName} />
            <BarTable
              title={t('dash.byYearJoined')}
              dimension={t('dash.dimensions.yearJoined')}
              buckets={d.byYearJoined}
              label={(k) => k}
            />
            <BarTable
              title={t('dash.byStatus')}
              dimension={t('shell:common.status')}
              buckets={d.byStatus}
              label={(k) => t(`status.${k}`)}
            />
            <BarTable
              title={t('dash.applicationsByStatus')}
              dimension={t('shell:common.status')}
              buckets={d.applicationsByStatus}
              label={(k) => t(`status.${k}`)}
            />
          </SimpleGrid>
          <BarTable
            title={t('dash.byCountry')}
            dimension={t('dash.dimensions.country')}
            buckets={d.byCountry}
            label={(k) => valueLabel('country', k)}
          />
        </>
      ) : null}
    </Stack>
  );
}
