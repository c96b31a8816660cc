import { Button, Checkbox, Group, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { globalRoles, type GlobalRole } from '../../../platform/auth/roles';
import { call, invalidate } from '../../../web/api';
import { ErrorAlert, useNotify } from '../../../web/components/forms';
import { accountsApi } from '../contract';
import type { Account } from './UsersPage';

/** The global roles of one account (administrators only). */
export function RolesModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation(['accounts', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [roles, setRoles] = useState<GlobalRole[]>(globalRoles.filter((r) => account.roles.includes(r)));
  const save = useMutation({
    mutationFn: () => call(accountsApi.setRoles, { params: { id: account.id }, body: { roles } }),
    onSuccess: async () => {
      await invalidate(qc, accountsApi.users);
      notify.ok(t('auth.rolesSaved'));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`${t('auth.roles')}: ${account.name}`}>
      <Stack>
        <Checkbox.Group value={roles} onChange={(v) => setRoles(globalRoles.filter((r) => v.includes(r)))}>
          <Stack gap="xs">
            {globalRoles.map((r) => (
              <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <ErrorAlert error={save.error} />
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
