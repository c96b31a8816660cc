import { Button, Checkbox, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { call, invalidate } from '../../../web/api';
import { LocalizedInput, useNotify } from '../../../web/components/forms';
import { membershipApi as api, applicantKinds } from '../contract';
import { MembershipError } from './MembershipError';

/** The optional fields a category may make required. */
const fieldPaths = [
  'organization.shortName',
  'organization.website',
  'organization.description',
  'individual.nameLatin',
  'individual.gender',
  'individual.title',
  'individual.affiliation',
  'motivation',
];

/** Adds or changes a membership category. */
export function CategoryModal({ category, onClose }: { category: Reply<typeof api.allCategories>[number] | null; onClose: () => void }) {
  const { t } = useTranslation(['membership', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [form, setForm] = useState({
    key: category?.key ?? '',
    name: category?.name ?? {},
    applicantKind: category?.applicantKind ?? 'organization',
    termMonths: category?.termMonths ?? 12,
    graceDays: category?.graceDays ?? 60,
    reminderDays: (category?.reminderDays ?? [60, 14]).join(', '),
    requiredFields: category?.requiredFields ?? [],
    requiredDocuments: category?.requiredDocuments ?? [],
    active: category?.active ?? true,
    sortOrder: category?.sortOrder ?? 0,
  });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        ...form,
        reminderDays: form.reminderDays
          .split(/[,\s]+/)
          .filter(Boolean)
          .map(Number),
      };
      return category ? call(api.updateCategory, { params: { id: category.id }, body }) : call(api.createCategory, { body });
    },
    onSuccess: async () => {
      await invalidate(qc, api.allCategories, api.categories);
      notify.ok();
      onClose();
    },
  });
  const docs = form.requiredDocuments;
  return (
    <Modal opened onClose={onClose} size="lg" title={category ? t('cat.edit') : t('cat.new')}>
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput label={t('cat.key')} required value={form.key} onChange={(e) => setForm({ ...form, key: e.currentTarget.value })} />
          <Select
            label={t('cat.kind')}
            allowDeselect={false}
            data={applicantKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            value={form.applicantKind}
            onChange={(v) => setForm({ ...form, applicantKind: applicantKinds.find((k) => k === v) ?? form.applicantKind })}
          />
        </SimpleGrid>
        <LocalizedInput label={t('shell:common.name')} required value={form.name} onChange={(name) => setForm({ ...form, name })} />
        <SimpleGrid cols={3}>
          <NumberInput
            label={t('cat.term')}
            min={1}
            max={120}
            value={form.termMonths}
            onChange={(v) => setForm({ ...form, termMonths: Number(v) })}
          />
          <NumberInput
            label={t('cat.grace')}
            min={0}
            max={365}
            value={form.graceDays}
            onChange={(v) => setForm({ ...form, graceDays: Number(v) })}
          />
          <TextInput
            label={t('cat.reminders')}
            value={form.reminderDays}
            onChange={(e) => setForm({ ...form, reminderDays: e.currentTarget.value })}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('cat.requiredFields')}
          data={fieldPaths}
          value={form.requiredFields}
          onChange={(v) => setForm({ ...form, requiredFields: v })}
        />
        <Text size="sm" fw={500}>
          {t('cat.requiredDocuments')}
        </Text>
        {docs.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows of an editable list have no id; each input follows its row's position
          <Group key={i} align="flex-end" wrap="nowrap">
            <TextInput
              label={t('cat.key')}
              value={d.key}
              onChange={(e) =>
                setForm({ ...form, requiredDocuments: docs.map((x, j) => (j === i ? { ...x, key: e.currentTarget.value } : x)) })
              }
              w={140}
            />
            <TextInput
              label="EN"
              value={d.label.en ?? ''}
              onChange={(e) =>
                setForm({
                  ...form,
                  requiredDocuments: docs.map((x, j) => (j === i ? { ...x, label: { ...x.label, en: e.currentTarget.value } } : x)),
                })
              }
            />
            <TextInput
              label="简"
              value={d.label['zh-Hans'] ?? ''}
              onChange={(e) =>
                setForm({
                  ...form,
                  requiredDocuments: docs.map((x, j) => (j === i ? { ...x, label: { ...x.label, 'zh-Hans': e.currentTarget.value } } : x)),
                })
              }
            />
            <Button variant="default" onClick={() => setForm({ ...form, requiredDocuments: docs.filter((_, j) => j !== i) })}>
              {t('apply.removeRep')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button variant="default" onClick={() => setForm({ ...form, requiredDocuments: [...docs, { key: '', label: {} }] })}>
            {t('cat.addDocument')}
          </Button>
        </Group>
        <Checkbox label={t('cat.active')} checked={form.active} onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })} />
        <MembershipError error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('shell:common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('shell:common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
