import { Alert, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { query } from '../../../web/api';
import { reviewApi } from '../contract';

/** On the applicant's submission page: the reviewers' comments meant for them, once the decision was sent. */
export function ApplicantFeedback({ submissionId }: { submissionId: string }) {
  const { t } = useTranslation(['calls']);
  const { data: fb } = useQuery(query(reviewApi.feedback, { params: { id: submissionId } }));
  if (!fb?.comments.length) return null;
  return (
    <Alert title={t('calls:form.feedback')}>
      {fb.comments.map((x, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a list shown whole, never reordered, whose items have no id
        <Text key={i}>{x}</Text>
      ))}
    </Alert>
  );
}
