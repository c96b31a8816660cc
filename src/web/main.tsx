import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { Anchor, createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api';
import { webFeatures } from './features';
import { addTexts } from './i18n';
import { router } from './router';

for (const f of webFeatures) if (f.i18n) addTexts(f.name, f.i18n);

const theme = createTheme({
  primaryColor: 'wuzhen',
  colors: {
    // A deep blue with AA contrast on white at shade 7 and above.
    wuzhen: ['#e8f1fa', '#cfdff0', '#9dbde2', '#689ad4', '#3f7cc8', '#2669c1', '#1c5cab', '#134d91', '#0d4483', '#003a74'],
  },
  primaryShade: 7,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  defaultRadius: 'md',
  // Links in running text are underlined, so they do not rely on colour alone.
  components: { Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }) },
});

// Dimmed text darker than the default, for WCAG AA contrast on white.
const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a', '--mantine-color-placeholder': '#6b7178' },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 2,
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
