import { Alert, Code, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, query } from '../../../web/api';
import { setHead } from '../../../web/components/ServerPage';
import { ErrorAlert, useCountryName } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { LText } from '../../../web/localized';
import { eventsApi } from '../contract';

/**
 * The public check of a visa letter by the reference printed on it (and in its
 * QR code): valid, revoked or unknown, with only what a consulate needs. The
 * server renders the same page first (pages.ts), for browsers without script.
 */
export function VerifyPage() {
  const { reference: raw = '' } = useParams();
  const reference = raw.trim().toUpperCase();
  const { t } = useTranslation(['events', 'shell']);
  const fmt = useFormat();
  const country = useCountryName();
  const q = useQuery(query(eventsApi.verifyVisaLetter, { params: { ref: reference } }));
  useEffect(() => setHead(`${t('events:verify.title')} · ${t('shell:orgName')}`, t('events:verify.intro')), [t]);
  // Calendar days (YYYY-MM-DD) at noon UTC, so every viewer's zone shows the same day.
  const day = (d: string) => fmt.date(`${d}T12:00:00Z`);
  // Not found, or not even shaped like a reference (too long): no letter has it.
  const unknown = q.error instanceof ApiError && (q.error.status === 404 || q.error.code === 'validation_failed');
  const letter = q.data;
  const rows: Array<[string, ReactNode]> = letter
    ? (
        [
          [t('events:verify.holder'), letter.holderLatin ? `${letter.holderLatin} / ${letter.holder}` : letter.holder],
          [
            t('events:verify.nationality'),
            letter.nationality && /^[A-Z]{2}$/.test(letter.nationality) ? country(letter.nationality) : letter.nationality,
          ],
          [t('events:verify.event'), <LText key="event" value={letter.event} />],
          [
            t('events:verify.dates'),
            <>
              <span style={{ whiteSpace: 'nowrap' }}>{day(letter.startDate)}</span> –{' '}
              <span style={{ whiteSpace: 'nowrap' }}>{day(letter.endDate)}</span>
            </>,
          ],
          [t('events:verify.issued'), day(letter.issuedOn)],
          [t('events:verify.revokedOn'), letter.revokedOn && day(letter.revokedOn)],
        ] as Array<[string, ReactNode]>
      ).filter(([, value]) => value)
    : [];
  return (
    <Stack maw={760}>
      <Title order={1}>{t('events:verify.title')}</Title>
      <Text>{t('events:verify.intro')}</Text>
      <Text>
        {t('events:verify.reference')}: <Code fz="md">{reference}</Code>
      </Text>
      {q.isPending && <Loader aria-label={t('shell:common.loading')} />}
      {unknown && (
        <Alert color="orange.9" variant="outline" title={t('events:verify.unknown')} data-testid="verify-result">
          {t('events:verify.unknownText', { reference })}
        </Alert>
      )}
      {q.error && !unknown && <ErrorAlert error={q.error} />}
      {letter && (
        <>
          <Alert
            color={letter.status === 'valid' ? 'teal.9' : 'red.9'}
            variant="outline"
            title={t(`events:verify.status.${letter.status}`)}
            data-testid="verify-result"
          >
            {letter.status === 'valid' ? t('events:verify.validText') : t('events:verify.revokedText')}
          </Alert>
          <Table variant="vertical" layout="fixed" withTableBorder>
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={{ base: 120, sm: 180 }} scope="row">
                    {label}
                  </Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed">
            {t('events:verify.privacy')}
          </Text>
        </>
      )}
    </Stack>
  );
}
