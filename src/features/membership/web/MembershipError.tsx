import { Alert } from '@mantine/core';
import { ApiError } from '../../../web/api';
import { useErrorText } from '../../../web/components/forms';

/** Error text; an incomplete application also lists what is missing. */
export function useMembershipError() {
  const text = useErrorText();
  return (err: unknown) =>
    err instanceof ApiError && err.code === 'application_incomplete'
      ? `${text(err)} ${err.errors.map((e) => e.path.replace(/^data\./, '').replace(/^documents\./, '📎 ')).join(', ')}`
      : text(err);
}

export function MembershipError({ error }: { error: unknown }) {
  const text = useMembershipError();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" variant="light">
      {text(error)}
    </Alert>
  );
}
