import { Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { globalRoles, type GlobalRole } from '../../../platform/auth/roles';
import { call, invalidate } from '../../../web/api';
import { ErrorAlert, useNotify } from '../../../web/components/forms';
import { locales, useLocale } from '../../../web/i18n';
import { accountsApi } from '../contract';

/** A new staff account: it gets a link to choose its password. */
export function CreateStaffModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['accounts', 'shell']);
  const locale = useLocale();
  const qc = useQueryClient();
  const notify = useNotify();
  const [form, setForm] = useState({ email: '', name: '', locale, roles: ['secretariat'] as GlobalRole[] });
  const save = useMutation({
    mutationFn: () => call(accountsApi.createStaff, { body: form }),
    onSuccess: async () => {
      await invalidate(qc, accountsApi.users);
      notify.ok(t('auth.staffCreated'));
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('auth.createStaff')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('auth.name')}
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
          <TextInput
            label={t('auth.email')}
            type="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
          <Select
            label={t('auth.preferredLanguage')}
            data={locales.map((l) => ({ value: l, label: t(`shell:locales.${l}`) }))}
            value={form.locale}
            onChange={(v) => setForm({ ...form, locale: locales.find((l) => l === v) ?? form.locale })}
            allowDeselect={false}
          />
          <Checkbox.Group
            label={t('auth.roles')}
            value={form.roles}
            onChange={(v) => setForm({ ...form, roles: globalRoles.filter((r) => v.includes(r)) })}
          >
            <Stack gap="xs" mt="xs">
              {globalRoles.map((r) => (
                <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('shell:common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
