import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { query } from '../../../web/api';
import { eventsApi } from '../contract';
import { ErrorAlert } from '../../../web/components/forms';
import { TemplateEditor } from './TemplateEditor';

export function MailTemplatesPage() {
  const { t } = useTranslation(['events', 'shell']);
  const q = useQuery(query(eventsApi.mailTemplates));
  return (
    <Stack>
      <Title order={1}>{t('events:admin.templates')}</Title>
      <Text size="sm" c="gray.7">
        {t('events:admin.placeholders', {
          list: '{{name}} {{event}} {{link}} {{session}} {{reason}}',
          interpolation: { escapeValue: false, skipOnVariables: true },
        })}
      </Text>
      <ErrorAlert error={q.error} />
      {q.data?.map((tpl) => (
        <TemplateEditor key={`${tpl.key}-${tpl.locale}-${tpl.customized}`} tpl={tpl} />
      ))}
    </Stack>
  );
}
