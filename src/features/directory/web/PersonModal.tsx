import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { ApiError, call, invalidate } from '../../../web/api';
import { CountrySelect, ErrorAlert, LocalizedInput, useNotify } from '../../../web/components/forms';
import type { LocalizedText } from '../../../web/i18n';
import { directoryApi as api, genders } from '../contract';
import { OrganizationPicker } from './OrganizationPicker';

export function PersonModal({ person, onClose }: { person: Reply<typeof api.person> | null; onClose: () => void }) {
  const { t } = useTranslation(['directory', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const first = person?.affiliations[0];
  const [form, setForm] = useState({
    name: person?.name ?? '',
    nameLatin: person?.nameLatin ?? '',
    countryCode: person?.countryCode ?? null,
    gender: genders.find((g) => g === person?.gender) ?? null,
    email: person?.email ?? '',
    phone: person?.phone ?? '',
  });
  const [orgId, setOrgId] = useState<string | null>(first?.organizationId ?? null);
  const [title, setTitle] = useState<LocalizedText>(first?.title ?? {});
  const save = useMutation({
    mutationFn: () => {
      const body = {
        ...form,
        nameLatin: form.nameLatin || null,
        email: form.email || null,
        phone: form.phone || null,
        affiliations: orgId ? [{ organizationId: orgId, title }] : [],
      };
      return person ? call(api.updatePerson, { params: { id: person.id }, body }) : call(api.createPerson, { body });
    },
    onSuccess: async () => {
      await invalidate(qc, api.people, api.person);
      notify.ok();
      onClose();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(api.deletePerson, { params: { id } }),
    onSuccess: async () => {
      await invalidate(qc, api.people, api.person);
      onClose();
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  return (
    <Modal opened onClose={onClose} title={person ? t('person.edit') : t('person.new')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('person.name')}
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={err?.field('name')}
          />
          <TextInput
            label={t('person.nameLatin')}
            value={form.nameLatin}
            onChange={(e) => setForm({ ...form, nameLatin: e.currentTarget.value })}
          />
          <CountrySelect
            label={t('shell:common.country')}
            value={form.countryCode}
            onChange={(v) => setForm({ ...form, countryCode: v })}
            error={err?.field('countryCode')}
          />
          <Select
            label={t('person.gender')}
            clearable
            data={genders.map((g) => ({ value: g, label: t(`shell:genders.${g}`) }))}
            value={form.gender}
            onChange={(v) => setForm({ ...form, gender: genders.find((g) => g === v) ?? null })}
          />
          <TextInput
            label={t('shell:common.email')}
            type="email"
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
            error={err?.field('email')}
          />
          <TextInput
            label={t('shell:common.phone')}
            type="tel"
            value={form.phone}
            onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })}
            error={err?.field('phone')}
          />
          <OrganizationPicker label={t('person.affiliation')} value={orgId} onChange={setOrgId} />
          {orgId ? <LocalizedInput label={t('person.jobTitle')} value={title} onChange={setTitle} /> : null}
          <ErrorAlert error={save.error ?? remove.error} />
          <Group justify="space-between">
            {person ? (
              <Button
                color="red"
                variant="subtle"
                onClick={() => window.confirm(t('person.confirmDelete', { name: person.name })) && remove.mutate(person.id)}
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
