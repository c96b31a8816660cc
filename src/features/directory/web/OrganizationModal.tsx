import { Button, FileInput, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { ApiError, call, invalidate, upload } from '../../../web/api';
import { CountrySelect, ErrorAlert, LocalizedInput, useNotify } from '../../../web/components/forms';
import { useLocalized } from '../../../web/localized';
import { directoryApi as api, stakeholderGroups } from '../contract';

/** A required choice left empty, answered as the server would answer it. */
const missing = (field: string) =>
  new ApiError(400, 'validation_failed', `${field}: Required`, [{ path: field, message: 'Required', code: 'required' }]);

export function OrganizationModal({ org, onClose }: { org: Reply<typeof api.organization> | null; onClose: () => void }) {
  const { t } = useTranslation(['directory', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [form, setForm] = useState({
    name: org?.name ?? {},
    shortName: org?.shortName ?? '',
    countryCode: org?.countryCode ?? null,
    stakeholderGroup: stakeholderGroups.find((g) => g === org?.stakeholderGroup) ?? null,
    website: org?.website ?? '',
    description: org?.description ?? {},
  });
  const [logo, setLogo] = useState<File | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const { countryCode, stakeholderGroup } = form;
      if (!countryCode || !stakeholderGroup) throw missing(countryCode ? 'stakeholderGroup' : 'countryCode');
      const body = { ...form, countryCode, stakeholderGroup, shortName: form.shortName || null, website: form.website || null };
      const saved = org
        ? await call(api.updateOrganization, { params: { id: org.id }, body })
        : await call(api.createOrganization, { body });
      if (logo) await upload(api.uploadLogo, { id: saved.id }, logo);
      return saved;
    },
    onSuccess: async () => {
      await invalidate(qc, api.organizations, api.organization, api.organizationRecord, api.people);
      notify.ok();
      onClose();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(api.deleteOrganization, { params: { id } }),
    onSuccess: async () => {
      await invalidate(qc, api.organizations, api.organization, api.organizationRecord, api.people);
      notify.ok(t('shell:common.deleted'));
      onClose();
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const label = useLocalized()(org?.name);
  return (
    <Modal opened onClose={onClose} title={org ? t('org.edit') : t('org.new')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <LocalizedInput
            label={t('org.name')}
            name="name"
            required
            value={form.name}
            onChange={(name) => setForm({ ...form, name })}
            error={err?.field('name')}
          />
          <TextInput
            label={t('org.shortName')}
            value={form.shortName}
            onChange={(e) => setForm({ ...form, shortName: e.currentTarget.value })}
            error={err?.field('shortName')}
          />
          <CountrySelect
            label={t('shell:common.country')}
            required
            value={form.countryCode}
            onChange={(v) => setForm({ ...form, countryCode: v })}
            error={err?.field('countryCode')}
          />
          <Select
            label={t('org.group')}
            required
            data={stakeholderGroups.map((g) => ({ value: g, label: t(`shell:stakeholders.${g}`) }))}
            value={form.stakeholderGroup}
            onChange={(v) => setForm({ ...form, stakeholderGroup: stakeholderGroups.find((g) => g === v) ?? null })}
            error={err?.field('stakeholderGroup')}
          />
          <TextInput
            label={t('shell:common.website')}
            type="url"
            placeholder="https://"
            value={form.website}
            onChange={(e) => setForm({ ...form, website: e.currentTarget.value })}
            error={err?.field('website')}
          />
          <LocalizedInput
            label={t('org.description')}
            multiline
            value={form.description}
            onChange={(description) => setForm({ ...form, description })}
          />
          <FileInput
            label={t('org.uploadLogo')}
            accept="image/png,image/jpeg,image/webp,image/gif"
            value={logo}
            onChange={setLogo}
            clearable
          />
          <ErrorAlert error={save.error ?? remove.error} />
          <Group justify="space-between">
            {org ? (
              <Button
                color="red"
                variant="subtle"
                onClick={() => window.confirm(t('org.confirmDelete', { name: label.text })) && remove.mutate(org.id)}
                loading={remove.isPending}
              >
                {t('shell:common.delete')}
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('shell:common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('shell:common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
