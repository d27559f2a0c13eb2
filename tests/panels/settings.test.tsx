/** @vitest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { catalogue } from '@/domain/default-catalogue';
import { SettingsPanel } from '@/panels/settings-panel';
import { FlowMatrix } from '@/table/flow-matrix';
import { makeStore } from '../builders';
import { renderWithStore } from './render-with-store';

const notification = catalogue.portSettings.find((p) => p.key === 'clientNotification');
const rpc = catalogue.rangeSettings.find((r) => r.key === 'rpcDynamic');
if (!notification || !rpc) throw new Error('catalogue lacks the settings these tests use');

function setup() {
  const store = makeStore();
  const view = renderWithStore(
    store,
    <>
      <SettingsPanel />
      <FlowMatrix />
    </>,
  );
  return { store, ...view };
}

describe('site settings', () => {
  it('lists every configurable port, range, flag and supplementary list of the catalogue', () => {
    setup();
    for (const def of [...catalogue.portSettings, ...catalogue.rangeSettings])
      expect(screen.getByRole('textbox', { name: def.label })).toBeInTheDocument();
    for (const title of [
      ...catalogue.flagSettings.map((f) => f.label),
      ...catalogue.supplementaryLists.map((l) => l.name),
    ])
      expect(screen.getByRole('checkbox', { name: (name) => name.startsWith(title) })).toBeInTheDocument();
  });

  it.each([
    ['0', /outside 1–65535/],
    ['65536', /outside 1–65535/],
    ['abc', /not a whole port number/],
    ['80.5', /not a whole port number/],
    ['-1', /not a whole port number/],
  ])('refuses port %s at the field with a message and keeps the previous value', async (input, message) => {
    const { store, user } = setup();
    const field = screen.getByRole('textbox', { name: notification.label });
    await user.clear(field);
    await user.type(field, `${input}{Enter}`);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent(`Kept “${notification.default}”`);
    expect(field).toHaveValue(String(notification.default));
    expect(store.getState().settings.ports[notification.key]).toBe(notification.default);
  });

  it('refuses a range whose low end is above its high end', async () => {
    const { store, user } = setup();
    const field = screen.getByRole('textbox', { name: rpc.label });
    await user.clear(field);
    await user.type(field, '1000-999{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(/low end 1000 is above high end 999/);
    expect(field).toHaveValue(`${rpc.default.from}-${rpc.default.to}`);
    expect(store.getState().settings.ranges[rpc.key]).toEqual(rpc.default);
  });

  it('applies a valid port and the matrix shows it at once', async () => {
    const { user } = setup();
    const matrix = screen.getByRole('region', { name: 'Flow matrix' });
    // One flow uses the notification port: the client's to its management point.
    const notificationCells = (port: string) => within(matrix).getAllByText(port);
    expect(notificationCells(String(notification.default))).toHaveLength(1);
    expect(notificationCells(String(notification.default))[0]?.closest('tr')).toHaveTextContent(
      /Clients.*P01-MP01.*TCP/,
    );
    const field = screen.getByRole('textbox', { name: notification.label });
    await user.clear(field);
    await user.type(field, '10200');
    await user.tab();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(notificationCells('10200')).toHaveLength(1);
    expect(notificationCells('10200')[0]?.closest('tr')).toHaveTextContent(/Clients.*P01-MP01.*TCP/);
    expect(within(matrix).queryByText(String(notification.default))).toBeNull();
    expect(screen.getByRole('button', { name: `Reset to ${notification.default}` })).toBeInTheDocument();
  });

  it('applies an RPC range preset', async () => {
    const { store, user } = setup();
    const preset = rpc.presets[1];
    if (!preset) throw new Error('no second preset');
    await user.click(screen.getByRole('button', { name: new RegExp(preset.label) }));
    expect(store.getState().settings.ranges[rpc.key]).toEqual({ from: preset.from, to: preset.to });
    expect(screen.getByRole('textbox', { name: rpc.label })).toHaveValue(`${preset.from}-${preset.to}`);
  });

  it('changes the WSUS pair together and refuses a pair against note 3', async () => {
    const { store, user } = setup();
    const [http, https] = ['wsusHttp', 'wsusHttps'].map((key) =>
      screen.getByRole('textbox', { name: catalogue.portSettings.find((p) => p.key === key)?.label }),
    );
    if (!http || !https) throw new Error('missing WSUS fields');
    await user.clear(http);
    await user.type(http, '80{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(/443/);
    expect(store.getState().settings.ports.wsusHttp).not.toBe(80);
    await user.clear(http);
    await user.type(http, '80');
    await user.clear(https);
    await user.type(https, '443');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(store.getState().settings.ports).toMatchObject({ wsusHttp: 80, wsusHttps: 443 });
  });

  it('switches a supplementary port list on', async () => {
    const { store, user } = setup();
    const list = catalogue.supplementaryLists[0];
    if (!list) throw new Error('no lists');
    await user.click(screen.getByRole('checkbox', { name: (name) => name.startsWith(list.name) }));
    expect(store.getState().settings.supplementary).toEqual([list.id]);
  });
});
