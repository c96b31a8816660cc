import { Alert, Anchor, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Reply } from '../../../platform/http/contract';
import { call, query } from '../../../web/api';
import { eventsApi, eventsPages } from '../contract';
import { ErrorAlert } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import { useLocalized } from '../../../web/localized';

type CheckinResult = Reply<typeof eventsApi.checkIn>;

/** Phone-sized check-in: the camera reads the badge's QR code (html5-qrcode), or staff type the code or search by name. */
export function CheckinPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['events', 'shell']);
  const localized = useLocalized();
  const to = useTo();
  const [token, setToken] = useState('');
  const [q, setQ] = useState('');
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [last, setLast] = useState<CheckinResult | null>(null);
  const [scanning, setScanning] = useState(false);
  const [camError, setCamError] = useState(false);
  const scanner = useRef<{ stop: () => Promise<void> } | null>(null);
  const agenda = useQuery(query(eventsApi.agenda, { params: { id } }));
  const found = useQuery({
    ...query(eventsApi.searchAttendees, { params: { id }, query: { q } }),
    enabled: q.trim().length > 0,
  });
  const check = useMutation({
    mutationFn: (body: { token?: string; registrationId?: string }) =>
      call(eventsApi.checkIn, { params: { id }, body: { ...body, sessionId } }),
    onSuccess: (r) => setLast(r),
  });
  const checkRef = useRef(check.mutate);
  checkRef.current = check.mutate;
  const sessionsData = useMemo(
    () => (agenda.data?.sessions ?? []).map((s) => ({ value: s.id, label: localized(s.title).text })),
    [agenda.data, localized],
  );

  async function startScan() {
    setCamError(false);
    try {
      const { Html5Qrcode } = await import('html5-qrcode');
      const h = new Html5Qrcode('qr-reader');
      let lastCode = '';
      await h.start(
        { facingMode: 'environment' },
        { fps: 10, qrbox: 240 },
        (text) => {
          if (text === lastCode) return;
          lastCode = text;
          checkRef.current({ token: text });
          setTimeout(() => (lastCode = ''), 3000);
        },
        () => {},
      );
      scanner.current = { stop: () => h.stop() };
      setScanning(true);
    } catch {
      setCamError(true);
    }
  }
  useEffect(() => () => void scanner.current?.stop().catch(() => {}), []);
  const color = last?.result === 'ok' ? 'green' : last?.result === 'already' ? 'yellow' : 'red';
  const name = last
    ? `${last.registration.name}${last.registration.nameLatin && last.registration.nameLatin !== last.registration.name ? ` (${last.registration.nameLatin})` : ''}`
    : '';
  return (
    <Stack maw={480}>
      <Title order={1}>{t('events:checkin.title')}</Title>
      <Select
        label={t('events:checkin.session')}
        placeholder={t('events:checkin.whole')}
        clearable
        data={sessionsData}
        value={sessionId}
        onChange={setSessionId}
      />
      {last && (
        <Alert color={color} data-testid="checkin-result" data-result={last.result} title={t(`events:checkin.${last.result}`, { name })}>
          {null}
        </Alert>
      )}
      <ErrorAlert error={check.error} />
      <div id="qr-reader" style={{ width: '100%' }} />
      {scanning ? (
        <Button variant="default" onClick={() => void scanner.current?.stop().then(() => setScanning(false))}>
          {t('events:checkin.stopScan')}
        </Button>
      ) : (
        <Button onClick={() => void startScan()}>{t('events:checkin.scan')}</Button>
      )}
      {camError && <Alert color="gray">{t('events:checkin.cameraError')}</Alert>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) check.mutate({ token: token.trim() });
        }}
      >
        <Group align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label={t('events:checkin.token')}
            value={token}
            onChange={(e) => setToken(e.currentTarget.value)}
          />
          <Button type="submit">{t('events:checkin.check')}</Button>
        </Group>
      </form>
      <TextInput label={t('events:checkin.search')} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      {found.data?.map((p) => (
        <Group key={p.id} justify="space-between">
          <Text>
            <Anchor component={Link} to={to(eventsPages.registrant, { id, registrationId: p.id })}>
              {p.name}
            </Anchor>
            {p.nameLatin && p.nameLatin !== p.name ? ` (${p.nameLatin})` : ''}
            {p.organization ? ` · ${p.organization}` : ''}
          </Text>
          <Button size="xs" onClick={() => check.mutate({ registrationId: p.id })}>
            {t('events:checkin.check')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
