// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { renderWeb } from '../../../web/testing';
import { AccreditationTab } from './AccreditationTab';
import { eventFixture, registrationFixture } from './fixtures';

const api = {
  [`GET /api/v1/events/${eventFixture.id}/registrations`]: [
    registrationFixture(),
    registrationFixture({ id: '00000000-0000-4000-8000-0000000000a2', name: 'Lukas Meyer', category: 'speaker' }),
  ],
};

let view: Awaited<ReturnType<typeof renderWeb>> | undefined;
afterEach(() => view?.unmount());

const categoryCells = () =>
  [...document.querySelectorAll('[data-testid="accreditation-row"]')].map((row) => row.querySelectorAll('td')[4]?.textContent);

it("shows each registrant's category by the event's name for it, in the viewer's language", async () => {
  view = await renderWeb(<AccreditationTab ev={eventFixture} />, { locale: 'en', api });
  await vi.waitFor(() => expect(categoryCells()).toEqual(['Youth delegate', 'Speaker']));
  await view.unmount();
  view = await renderWeb(<AccreditationTab ev={eventFixture} />, { locale: 'zh-Hans', api });
  await vi.waitFor(() => expect(categoryCells()).toEqual(['青年代表', '演讲嘉宾']));
});
