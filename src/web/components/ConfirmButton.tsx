import { Button, type ButtonProps, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './forms';

/**
 * A button for a consequential action: it asks first, in a dialog that says what
 * will happen to what (e.g. "Renew the membership of X until 31 Dec 2028?"), and
 * acts only on the dialog's own button, once (it is busy until the answer comes).
 * The dialog stays open with the error when the action fails.
 */
export function ConfirmButton({
  label,
  question,
  children,
  onConfirm,
  confirmDisabled,
  renderError = (error) => <ErrorAlert error={error} />,
  onOpen,
  onOpenChange,
  dismissLabel,
  ...button
}: Omit<ButtonProps, 'children'> & {
  /** The button's text, the dialog's title and its confirming button's text. */
  label: string;
  /** What will happen, naming the record. */
  question: ReactNode;
  /** More in the dialog: a reason to give, what follows. */
  children?: ReactNode;
  onConfirm: () => Promise<unknown>;
  confirmDisabled?: boolean;
  renderError?: (error: unknown) => ReactNode;
  onOpen?: () => void;
  /** Told when the dialog opens and closes (a dialog this button sits in keeps Escape for this one meanwhile). */
  onOpenChange?: (opened: boolean) => void;
  /** The text of the button that closes the dialog and does nothing ("Cancel" unless the action is itself a cancelling). */
  dismissLabel?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [opened, setOpenedState] = useState(false);
  const setOpened = (v: boolean) => {
    setOpenedState(v);
    onOpenChange?.(v);
  };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpened(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        {...button}
        onClick={() => {
          setError(null);
          setOpened(true);
          onOpen?.();
        }}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={() => !busy && setOpened(false)} title={label} centered>
        <Stack>
          <Text>{question}</Text>
          {children}
          {error ? renderError(error) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)} disabled={busy}>
              {dismissLabel ?? t('common.cancel')}
            </Button>
            <Button color={button.color} onClick={() => void confirm()} loading={busy} disabled={confirmDisabled} data-autofocus>
              {label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
