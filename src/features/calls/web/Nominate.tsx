import { Button, Card, Group, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../web/api';
import { useNotify } from '../../../web/components/forms';
import { useMe } from '../../../web/session';
import { callsApi } from '../contract';

/** An organization's contact (or staff) nominates a person, who then completes the application. */
export function Nominate({ callId }: { callId: string }) {
  const { t } = useTranslation(['calls']);
  const { data: me } = useMe();
  const notify = useNotify();
  const orgs = (me?.user?.scopes ?? []).filter((s) => s.role === 'org_contact' && s.scopeType === 'organization').map((s) => s.scopeId);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const nominate = useMutation({
    mutationFn: () => call(callsApi.nominate, { params: { id: callId }, body: { organizationId: orgs[0], name, email } }),
    onSuccess: () => {
      setName('');
      setEmail('');
      notify.ok(t('calls:call.nominated'));
    },
    onError: notify.error,
  });
  if (!orgs.length) return null;
  return (
    <Card withBorder maw={600}>
      <Title order={2} size="h4">
        {t('calls:call.nominate')}
      </Title>
      <Group align="end">
        <TextInput label={t('calls:form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <TextInput label={t('calls:form.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <Button onClick={() => nominate.mutate()} disabled={!name || !email}>
          {t('calls:call.nominate')}
        </Button>
      </Group>
    </Card>
  );
}
