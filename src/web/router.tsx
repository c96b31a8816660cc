import { createBrowserRouter, Navigate, Outlet, useParams, type RouteObject } from 'react-router';
import { useEffect } from 'react';
import { webFeatures } from './features';
import { localeOfPrefix, prefixOf, setLocale, initialLocale } from './i18n';
import { AdminLayout, PublicLayout } from './layouts';
import { AdminHomePage } from './pages/AdminHomePage';
import { HomePage } from './pages/HomePage';
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

const signedIn = (routes: RouteObject[]): RouteObject[] => routes.map((r) => ({ ...r, element: <RequireAuth>{r.element}</RequireAuth> }));

const publicRoutes = webFeatures.flatMap((f) => f.publicRoutes ?? []);

export const router = createBrowserRouter([
  { path: '/', element: <Navigate to={`/${prefixOf[initialLocale()]}/`} replace /> },
  {
    element: <PublicLayout />,
    children: [
      {
        path: '/:lang',
        element: <LanguageRoute />,
        // A feature may provide the home page (the portal does); the shell's is the fallback.
        children: [...(publicRoutes.some((r) => r.index) ? [] : [{ index: true, element: <HomePage /> }]), ...publicRoutes],
      },
      ...webFeatures.flatMap((f) => f.openRoutes ?? []),
      ...signedIn(webFeatures.flatMap((f) => f.appRoutes ?? [])),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/admin',
    element: <AdminLayout />,
    children: [
      { index: true, element: <AdminHomePage /> },
      ...webFeatures.flatMap((f) => f.adminRoutes ?? []),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
