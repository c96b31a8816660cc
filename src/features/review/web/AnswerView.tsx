import { Stack, Text } from '@mantine/core';
import type { Answers, FormField } from '../../calls/contract';
import { useLocalized } from '../../../web/localized';

/** An entry's answers as text, in the form's order (files left out). */
export function AnswerView({ form, answers }: { form: FormField[]; answers: Answers }) {
  const loc = useLocalized();
  return (
    <Stack gap="xs">
      {form
        .filter((f) => answers[f.key] != null && f.type !== 'file')
        .map((f) => {
          const v = answers[f.key];
          const text = Array.isArray(v)
            ? v.map((x) => (typeof x === 'object' ? x.name : x)).join(', ')
            : typeof v === 'object' && v
              ? loc(v).text
              : String(v);
          return (
            <div key={f.key}>
              <Text size="sm" fw={600}>
                {loc(f.label).text}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
            </div>
          );
        })}
    </Stack>
  );
}
