import { Badge, Button, Card, Group, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { call, invalidate } from '../../../web/api';
import { eventsApi } from '../contract';
import { useNotify } from '../../../web/components/forms';

export type Template = Reply<typeof eventsApi.mailTemplates>[number];

export function TemplateEditor({ tpl }: { tpl: Template }) {
  const { t } = useTranslation(['events', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [v, setV] = useState({ subject: tpl.subject, body: tpl.body });
  const save = useMutation({
    mutationFn: () => call(eventsApi.saveMailTemplate, { params: { key: tpl.key, locale: tpl.locale }, body: v }),
    onSuccess: () => {
      notify.ok();
      return invalidate(qc, eventsApi.mailTemplates);
    },
    onError: notify.error,
  });
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Text fw={600}>
          {t(`events:mailKinds.${tpl.key}`)} · {t(`shell:locales.${tpl.locale}`)}
        </Text>
        {tpl.customized && <Badge variant="light">{t('events:admin.customized')}</Badge>}
      </Group>
      <TextInput label={t('events:admin.subject')} value={v.subject} onChange={(e) => setV({ ...v, subject: e.currentTarget.value })} />
      <Textarea
        label={t('events:admin.body')}
        autosize
        minRows={4}
        value={v.body}
        onChange={(e) => setV({ ...v, body: e.currentTarget.value })}
      />
      <Button mt="xs" size="xs" onClick={() => save.mutate()}>
        {t('shell:common.save')}
      </Button>
    </Card>
  );
}
