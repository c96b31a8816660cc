import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../../web/api';
import { pick, useLocale } from '../../../web/i18n';
import { useTo } from '../../../web/links';
import { useMe } from '../../../web/session';
import { type ApplicationDataInput, membershipApi as api, membershipPages } from '../contract';
import { ApplicationFields, cleanData } from './ApplicationFields';
import { MembershipError } from './MembershipError';
import { useCategories } from './useCategories';

/** The public application form: a visitor saves a draft by e-mail, a signed-in account goes straight to its draft. */
export function ApplyPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const locale = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const to = useTo();
  const categories = useCategories();
  const [categoryKey, setCategoryKey] = useState<string | null>(null);
  const [data, setData] = useState<ApplicationDataInput>({ representatives: [{ name: '', email: '' }] });
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const category = categories.data?.find((c) => c.key === categoryKey) ?? categories.data?.[0];
  const signedIn = !!me.data?.user;
  const save = useMutation({
    mutationFn: async (categoryKey: string) => {
      const body = { categoryKey, locale, data: cleanData(data) };
      if (signedIn) return call(api.createApplication, { body });
      await call(api.startApplication, { body: { ...body, email, name } });
      return null;
    },
    onSuccess: (app) => {
      if (app) navigate(to(membershipPages.myApplication, { id: app.id }));
    },
  });
  if (save.isSuccess && !signedIn)
    return (
      <Stack maw={720}>
        <Title order={1}>{t('apply.title')}</Title>
        <Alert color="green" data-testid="draft-started">
          {t('apply.started', { email })}
        </Alert>
      </Stack>
    );
  return (
    <Stack maw={860}>
      <Title order={1}>{t('apply.title')}</Title>
      <Text>{t('apply.intro')}</Text>
      <Select
        label={t('apply.category')}
        required
        allowDeselect={false}
        data={(categories.data ?? []).map((c) => ({ value: c.key, label: pick(c.name, locale).text }))}
        value={category?.key ?? null}
        onChange={setCategoryKey}
        data-testid="category"
      />
      {!signedIn ? (
        <Paper withBorder p="md">
          <Title order={3} mb="xs">
            {t('apply.you')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('apply.yourEmail')}
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-testid="applicant-email"
            />
            <TextInput
              label={t('apply.yourName')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-testid="applicant-name"
            />
          </SimpleGrid>
        </Paper>
      ) : null}
      {category ? (
        <ApplicationFields kind={category.applicantKind} data={data} onChange={setData} required={category.requiredFields} />
      ) : null}
      <MembershipError error={save.error} />
      <Group>
        <Button
          onClick={() => category && save.mutate(category.key)}
          loading={save.isPending}
          disabled={!category}
          data-testid="save-draft"
        >
          {t('apply.saveDraft')}
        </Button>
      </Group>
    </Stack>
  );
}
