import { createBrowserRouter, Navigate, Outlet, useParams, type RouteObject } from 'react-router';
import { useEffect } from 'react';
import { href, routePath, type PageArea } from '../platform/http/links';
import { portalPages } from '../features/portal/contract';
import { ServerPage } from './components/ServerPage';
import { webFeatures } from './features';
import { localeOfPrefix, setLocale, initialLocale } from './i18n';
import { AdminLayout, PublicLayout } from './layouts';
import { NotFoundPage } from './pages/NotFoundPage';
import { RequireAuth } from './session';

/** /:lang/…: the language comes from the URL, so a shared link opens in the right language. */
function LanguageRoute() {
  const { lang } = useParams();
  const locale = localeOfPrefix(lang);
  useEffect(() => {
    if (locale) void setLocale(locale);
  }, [locale]);
  if (!locale) return <NotFoundPage />;
  return <Outlet />;
}

/** The routes of the pages declared in one area, as the features render them. */
const routesOf = (area: PageArea): RouteObject[] =>
  webFeatures
    .flatMap((f) => f.pages ?? [])
    .filter((p) => p.page.area === area)
    .map(({ page, element }) => {
      const el = area === 'account' ? <RequireAuth key={page.path}>{element}</RequireAuth> : element;
      return page.path === '/' ? { index: true, element: el } : { path: routePath(page), element: el };
    });

export const router = createBrowserRouter([
  { path: '/', element: <Navigate to={href(portalPages.home, {}, initialLocale())} replace /> },
  {
    element: <PublicLayout />,
    children: [
      {
        path: '/:lang',
        element: <LanguageRoute />,
        // Last under /:lang: whatever the server renders (a public item in the index), else its 404.
        children: [...routesOf('public'), { path: '*', element: <ServerPage /> }],
      },
      ...routesOf('open'),
      ...routesOf('account'),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/admin',
    element: <AdminLayout />,
    children: [...routesOf('staff'), { path: '*', element: <NotFoundPage /> }],
  },
]);
