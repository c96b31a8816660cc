import { Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, type FormEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { portalApi } from '../../features/portal/contract';
import { ApiError, query } from '../api';
import { useLocale } from '../i18n';
import './ServerPage.css';
import { NotFoundPage } from '../pages/NotFoundPage';

/** Sets the document's title and description (public pages). */
export function setHead(title: string, description: string) {
  document.title = title;
  let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
  if (!meta) {
    meta = document.createElement('meta');
    meta.name = 'description';
    document.head.appendChild(meta);
  }
  meta.content = description;
}

/**
 * A public page rendered by the server (home, about, programs, any public item):
 * the same HTML the server sent before the script ran, fetched again for the
 * current language, with its links kept inside the app.
 */
export function ServerPage() {
  const { t } = useTranslation('shell');
  const locale = useLocale();
  const location = useLocation();
  const navigate = useNavigate();
  const path = `/${location.pathname.split('/').slice(2).join('/')}`;
  const page = useQuery(query(portalApi.page, { query: { path: path + location.search, locale } }));
  useEffect(() => {
    if (page.data) setHead(page.data.kind === 'home' ? page.data.title : `${page.data.title} · ${t('orgName')}`, page.data.description);
  }, [page.data, t]);
  const follow = (e: MouseEvent<HTMLDivElement>) => {
    const a = (e.target as HTMLElement).closest('a');
    const href = a?.getAttribute('href');
    if (!a || !href?.startsWith('/') || href.startsWith('//') || a.target || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(href);
  };
  // Forms in the page (the search box) stay inside the app too.
  const submit = (e: FormEvent<HTMLDivElement>) => {
    const form = e.target as HTMLFormElement;
    const action = form.getAttribute('action');
    if (!action?.startsWith('/') || (form.method || 'get').toLowerCase() !== 'get') return;
    e.preventDefault();
    const data = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string') data.append(k, v);
    navigate(`${action}?${data.toString()}`);
  };
  if (page.isPending) return <Loader aria-label={t('common.loading')} my="xl" />;
  if (page.error) {
    if (page.error instanceof ApiError && page.error.status === 404) return <NotFoundPage />;
    return (
      <Stack py="xl">
        <Title order={1}>{t('errors.generic')}</Title>
      </Stack>
    );
  }
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: not a control; it catches the clicks of the page's links as they bubble, to stay in the app
    // biome-ignore lint/a11y/useKeyWithClickEvents: Enter on a link fires a click, which bubbles here
    <div
      className="portal-page"
      data-portal-kind={page.data.kind}
      onClick={follow}
      onSubmit={submit}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the server renders this page with every value escaped (the html tag)
      dangerouslySetInnerHTML={{ __html: page.data.body }}
    />
  );
}
