import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act as reactAct, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { webFeatures } from './features';
import { addTexts, type Locale, setLocale } from './i18n';

/** What a component test's fake API saw: method, path with query, and the JSON body. */
export interface SeenRequest {
  method: string;
  url: string;
  body: unknown;
}

/** A fake API's answer to a request: a JSON value, or a status with a problem+json body. */
export type FakeAnswer = object | string | number | boolean | null;
/** Answers by "METHOD /path" (the path without its query). */
export type FakeApi = Record<string, FakeAnswer | ((req: SeenRequest) => FakeAnswer)>;

const isProblem = (a: unknown): a is { status: number; problem: Record<string, unknown> } =>
  !!a && typeof a === 'object' && 'status' in a && 'problem' in a;

let textsAdded = false;

/**
 * Runs fn inside React's act(), so the updates it causes are applied before it returns.
 * Outside it React is told it is not under test, as in testing-library: updates that
 * answers of the fake API cause later are applied as in the browser, without warnings.
 */
async function act(fn: () => unknown) {
  const g = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  g.IS_REACT_ACT_ENVIRONMENT = true;
  try {
    await reactAct(async () => {
      await fn();
    });
  } finally {
    g.IS_REACT_ACT_ENVIRONMENT = false;
  }
}

/**
 * Renders a component as the web app does (Mantine, TanStack Query, a router,
 * every feature's texts, the given language) against a fake API, for
 * component tests in happy-dom. An unanswered request fails the test.
 */
export async function renderWeb(
  ui: ReactNode,
  {
    locale = 'en',
    api = {},
    route = { path: '*', url: '/' },
  }: {
    locale?: Locale;
    api?: FakeApi /** The route the component is rendered at, for components that read its params. */;
    route?: { path: string; url: string };
  } = {},
) {
  if (!textsAdded) for (const f of webFeatures) if (f.i18n) addTexts(f.name, f.i18n);
  textsAdded = true;
  await setLocale(locale);
  const seen: SeenRequest[] = [];
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const req = { method, url: url.pathname + url.search, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined };
    seen.push(req);
    const key = `${method} ${url.pathname}`;
    if (!(key in api)) throw new Error(`The fake API has no answer for ${key}`);
    const entry = api[key];
    const answer = typeof entry === 'function' ? entry(req) : entry;
    if (isProblem(answer))
      return new Response(JSON.stringify(answer.problem), {
        status: answer.status,
        headers: { 'content-type': 'application/problem+json' },
      });
    return new Response(JSON.stringify(answer ?? null), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: route.path, element: ui }], { initialEntries: [route.url] });
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(() =>
    root.render(
      <MantineProvider>
        <Notifications />
        <QueryClientProvider client={client}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>,
    ),
  );
  return {
    container,
    seen,
    /** Everything on the page, dialogs included (Mantine puts them in portals under body). */
    text: () => document.body.textContent ?? '',
    unmount: () =>
      act(() => {
        root.unmount();
        document.body.innerHTML = '';
      }),
  };
}

/** Clicks an element inside React's act(), so the updates it causes are applied. */
export const click = (el: Element | null | undefined) =>
  act(() => {
    if (!el) throw new Error('Nothing to click');
    (el as HTMLElement).click();
  });

/** The button whose visible text is exactly the given one (there must be exactly one). */
export function button(name: string, within: ParentNode = document.body): HTMLButtonElement {
  const found = [...within.querySelectorAll('button')].filter((b) => b.textContent?.trim() === name);
  if (found.length !== 1) throw new Error(`${found.length} buttons named "${name}"`);
  return found[0];
}

const dialogsTitled = (title: string) =>
  [...document.querySelectorAll<HTMLElement>('[role="dialog"]')].filter(
    (d) => document.getElementById(d.getAttribute('aria-labelledby') ?? '')?.textContent === title,
  );

/** Waits until no dialog with the given title is left (a closing one stays a moment, for its transition). */
export const closed = (title: string) =>
  waitFor(() => {
    if (dialogsTitled(title).length) throw new Error(`A dialog titled "${title}" is still open`);
  });

async function waitFor(check: () => void, timeout = 3000) {
  const until = Date.now() + timeout;
  for (;;) {
    try {
      return check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await act(() => new Promise((r) => setTimeout(r, 20)));
    }
  }
}

/** The open dialog with the given title (Mantine labels a dialog by its title). */
export function dialog(title: string): HTMLElement {
  const found = dialogsTitled(title);
  if (found.length !== 1) throw new Error(`${found.length} dialogs titled "${title}"`);
  return found[0];
}
