/** @vitest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import { catalogue } from '@/domain/default-catalogue';
import { formatPort } from '@/domain/flow';
import { SidePanel } from '@/panels/side-panel';
import { selectDerivation, selectRows } from '@/store/derived';
import { makeDocument, makeHost, makeLink, makeStore } from '../builders';
import { renderWithStore } from './render-with-store';

function setup(select: { hosts?: string[]; links?: string[] }) {
  const store = makeStore(
    makeDocument(
      [
        makeHost('site', ['site-server'], { name: 'P01-SITE', site: 'P01' }),
        makeHost('dp', ['distribution-point'], { name: 'P01-DP01', ip: '10.1.0.30' }),
        makeHost('sup', ['software-update-point'], { name: 'P01-SUP01' }),
        makeHost('odd', ['client', 'quantum-point'], { name: 'ODD' }),
        makeHost('pc', ['client'], { name: 'CLIENTS' }),
      ],
      [makeLink('dp', 'site', 'l1'), makeLink('sup', 'site', 'l2'), makeLink('pc', 'dp', 'l3')],
    ),
  );
  store.getState().select(select.hosts ?? [], select.links ?? []);
  const view = renderWithStore(store, <SidePanel />);
  return { store, ...view };
}

const host = (store: ReturnType<typeof setup>['store'], id: string) =>
  store.getState().hosts.find((h) => h.id === id);

describe('the host inspector', () => {
  it('renames the host on Enter', async () => {
    const { store, user } = setup({ hosts: ['dp'] });
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'BRANCH-DP{Enter}');
    expect(host(store, 'dp')?.name).toBe('BRANCH-DP');
    expect(screen.getByRole('heading', { name: 'BRANCH-DP' })).toBeInTheDocument();
  });

  it('refuses an invalid IP at the field, says why and keeps the previous address', async () => {
    const { store, user } = setup({ hosts: ['dp'] });
    const ip = screen.getByRole('textbox', { name: 'IP address or subnet' });
    await user.clear(ip);
    await user.type(ip, '10.0.0.256');
    await user.tab();
    expect(screen.getByRole('alert')).toHaveTextContent(
      /"10.0.0.256" is not an IPv4 or IPv6 address.*Kept “10.1.0.30”/,
    );
    expect(ip).toHaveValue('10.1.0.30');
    expect(ip).toHaveAttribute('aria-invalid', 'true');
    expect(host(store, 'dp')?.ip).toBe('10.1.0.30');
  });

  it('accepts a subnet and clears the error', async () => {
    const { store, user } = setup({ hosts: ['dp'] });
    const ip = screen.getByRole('textbox', { name: 'IP address or subnet' });
    await user.clear(ip);
    await user.type(ip, '10.1.0.0/33{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(/prefix \/33/);
    await user.clear(ip);
    await user.type(ip, '10.1.0.0/24{Enter}');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(host(store, 'dp')?.ip).toBe('10.1.0.0/24');
  });

  it('adds and removes roles', async () => {
    const { store, user } = setup({ hosts: ['dp'] });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Add role' }), 'management-point');
    expect(host(store, 'dp')?.roles).toEqual(['distribution-point', 'management-point']);
    await user.click(screen.getByRole('button', { name: 'Remove role Distribution point' }));
    expect(host(store, 'dp')?.roles).toEqual(['management-point']);
  });

  it('offers PXE and multicast on a distribution point, and PXE adds boot flows at once', async () => {
    const { store, user } = setup({ hosts: ['dp'] });
    const options = screen.getByRole('region', { name: 'Role options' });
    expect(within(options).getByRole('checkbox', { name: 'Multicast enabled' })).not.toBeChecked();
    expect(within(options).queryByRole('combobox', { name: 'Site type' })).toBeNull();
    const boot = () => selectRows(store).filter((r) => r.linkId === 'l3' && r.protocol === 'UDP');
    expect(boot()).toEqual([]);
    await user.click(within(options).getByRole('checkbox', { name: 'PXE enabled' }));
    expect(host(store, 'dp')?.options.pxe).toBe(true);
    expect(boot().map((r) => r.port)).toContainEqual({ kind: 'single', port: 69 });
  });

  it('offers site type and parent site on a site server, and checks the parent site code', async () => {
    const { store, user } = setup({ hosts: ['site'] });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Site type' }), 'secondary');
    expect(host(store, 'site')?.options.siteType).toBe('secondary');
    const parent = screen.getByRole('textbox', { name: 'Parent site code' });
    await user.type(parent, 'PRIMARY{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(/site code/);
    await user.clear(parent);
    await user.type(parent, 'p01{Enter}');
    expect(host(store, 'site')?.options.parentSite).toBe('P01');
    expect(screen.queryByRole('checkbox', { name: /initiated by the site server/ })).toBeNull();
  });

  it('offers note 5 on site systems and a WSUS port pair on a software update point', async () => {
    const { store, user } = setup({ hosts: ['sup'] });
    await user.click(screen.getByRole('checkbox', { name: /initiated by the site server \(note 5\)/ }));
    expect(host(store, 'sup')?.options.siteServerInitiates).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: /Use the site settings/ }));
    const http = screen.getByRole('textbox', { name: 'HTTP' });
    const https = screen.getByRole('textbox', { name: 'HTTPS' });
    await user.clear(http);
    await user.type(http, '80');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/443/);
    await user.clear(https);
    await user.type(https, '443');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(host(store, 'sup')?.options).toMatchObject({ wsusHttp: 80, wsusHttps: 443 });
  });

  it('flags an unknown role as a warning and keeps it', () => {
    setup({ hosts: ['odd'] });
    expect(screen.getByRole('list', { name: 'Problems' })).toHaveTextContent(
      /a role this catalogue does not know \("quantum-point"\)/,
    );
    expect(screen.getByText('Unknown role "quantum-point"')).toBeInTheDocument();
  });

  it('follows undo: the fields show the restored values', async () => {
    const { store, user } = setup({ hosts: ['dp'] });
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'X{Enter}');
    act(() => store.getState().undo());
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('P01-DP01');
  });
});

describe('the link inspector', () => {
  it('lists every flow of the selected link with ports, hosts, roles and sections', () => {
    const { store } = setup({ links: ['l1'] });
    const table = screen.getByRole('table', { name: 'Flows of this link' });
    const rows = within(table).getAllByRole('row').slice(1);
    const expected = selectRows(store).filter((r) => r.linkId === 'l1');
    expect(rows).toHaveLength(expected.length);
    const first = expected[0];
    if (!first) throw new Error('no flows');
    expect(rows[0]).toHaveTextContent(formatPort(first.port));
    expect(rows[0]).toHaveTextContent(`${first.source} → ${first.target}`);
    expect(rows[0]).toHaveTextContent(first.sourceRoles);
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: first.sections[0] })).toHaveAttribute(
      'href',
      expect.stringContaining('#'),
    );
  });

  it('heads the link with its flow count, who opens connections and its service classes in catalogue order', () => {
    const { store } = setup({ links: ['l3'] });
    const expected = selectRows(store).filter((r) => r.linkId === 'l3');
    expect(expected.every((r) => r.sourceId === 'pc')).toBe(true);
    expect(
      screen.getByText(
        `${expected.length} flow${expected.length === 1 ? '' : 's'} · CLIENTS opens every connection`,
      ),
    ).toBeInTheDocument();
    const swatches = within(screen.getByRole('list', { name: 'Service classes on this link' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    const ids = new Set(selectDerivation(store).flows.flatMap((f) => (f.linkId === 'l3' ? f.services : [])));
    expect(swatches).toEqual(catalogue.services.filter((s) => ids.has(s.id)).map((s) => s.name));
    // The clients reach a distribution point without PXE over HTTP and HTTPS only.
    expect(swatches).toEqual(['Web (HTTP/HTTPS)']);
  });

  it('deletes the link', async () => {
    const { store, user } = setup({ links: ['l1'] });
    await user.click(screen.getByRole('button', { name: 'Delete link' }));
    expect(store.getState().links.map((l) => l.id)).toEqual(['l2', 'l3']);
  });
});
