import type { Host, Link } from '@/domain/document';
import { editionChange, editionChangeSummary } from '@/domain/edition-change';
import { loadEdition } from '@/domain/editions';
import { formatPort } from '@/domain/flow';
import { defaultSettings } from '@/domain/settings';
import { english, german } from '../support/words';

const old = loadEdition('2018-de');
const current = loadEdition('current');

const host = (id: string, roles: string[], options: Host['options'] = {}): Host => ({
  id,
  name: id.toUpperCase(),
  roles,
  options,
});
const link = (source: string, target: string): Link => ({ id: `${source}-${target}`, source, target });

const ports = (flows: readonly { protocol: string; port: Parameters<typeof formatPort>[0] }[]) =>
  flows.map((f) => `${f.protocol} ${formatPort(f.port)}`);

describe('editionChange', () => {
  it('adds TCP 8005 (express updates) on a client --> DP link when switching 2018-de to current', () => {
    const doc = {
      hosts: [host('pc', ['client']), host('dp', ['distribution-point'])],
      links: [link('pc', 'dp')],
      settings: defaultSettings(old),
    };
    const change = editionChange(doc, old, current);
    expect(change).toMatchObject({ from: '2018-de', to: 'current', removed: 0, retired: [] });
    expect(change.links).toHaveLength(1);
    const [onLink] = change.links;
    expect(onLink).toMatchObject({ linkId: 'pc-dp', sourceName: 'PC', targetName: 'DP', removed: [] });
    expect(ports(onLink?.added ?? [])).toEqual(['TCP 8005']);
    expect(onLink?.added[0]).toMatchObject({ initiator: 'pc', responder: 'dp' });
    expect(change.added).toBe(1);
    expect(change.settingsAdded).toContain('expressUpdates');
    expect(change.settingsDropped).toEqual(expect.arrayContaining(['appCatalogHttp', 'appCatalogHttps']));
  });

  it('is the mirror image going back: 8005 removed', () => {
    const doc = {
      hosts: [host('pc', ['client']), host('dp', ['distribution-point'])],
      links: [link('pc', 'dp')],
      settings: defaultSettings(current),
    };
    const change = editionChange(doc, current, old);
    expect(change.added).toBe(0);
    expect(ports(change.links[0]?.removed ?? [])).toEqual(['TCP 8005']);
  });

  it('removes the flows of retired roles and counts the hosts that hold them', () => {
    const doc = {
      hosts: [
        host('pc', ['client']),
        host('acw', ['app-catalog-website-point']),
        host('mp', ['management-point']),
      ],
      links: [link('pc', 'acw'), link('pc', 'mp')],
      settings: defaultSettings(old),
    };
    const change = editionChange(doc, old, current);
    expect(change.retired).toEqual([
      { hostId: 'acw', hostName: 'ACW', roles: ['app-catalog-website-point'] },
    ]);
    const retiredLink = change.links.find((l) => l.linkId === 'pc-acw');
    expect(retiredLink?.added).toEqual([]);
    expect(ports(retiredLink?.removed ?? []).sort()).toEqual(['TCP 443', 'TCP 80']);
    expect(change.links.some((l) => l.linkId === 'pc-mp')).toBe(false);
  });

  it('reports nothing for a document whose flows both editions derive alike', () => {
    const doc = {
      hosts: [host('pc', ['client']), host('mp', ['management-point'])],
      links: [link('pc', 'mp')],
      settings: defaultSettings(old),
    };
    expect(editionChange(doc, old, current)).toMatchObject({ links: [], added: 0, removed: 0, changed: 0 });
    expect(editionChange(doc, old, old).links).toEqual([]);
  });
});

describe('editionChangeSummary', () => {
  const doc = {
    hosts: [
      host('pc', ['client']),
      host('dp', ['distribution-point']),
      host('acw', ['app-catalog-website-point']),
    ],
    links: [link('pc', 'dp'), link('pc', 'acw')],
    settings: defaultSettings(old),
  };

  it('sums the change up as messages, in English and German', () => {
    const summary = editionChangeSummary(editionChange(doc, old, current));
    expect(summary.map((m) => english(m))).toEqual([
      '1 flow added, 2 removed and 0 changed on 2 links.',
      '1 host holds roles this edition retired: they keep them, but those roles derive no flow.',
    ]);
    expect(summary.map((m) => german(m))).toEqual([
      '1 Datenfluss hinzugekommen, 2 entfernt und 0 geändert auf 2 Verbindungen.',
      '1 Host hat Rollen, die diese Ausgabe eingestellt hat: Er behält sie, aber diese Rollen ergeben keinen Datenfluss.',
    ]);
  });

  it('says when nothing changes', () => {
    const same = { ...doc, hosts: [host('pc', ['client'])], links: [] };
    expect(editionChangeSummary(editionChange(same, old, current)).map((m) => english(m))).toEqual([
      'This diagram derives the same flows under both editions.',
    ]);
  });
});
