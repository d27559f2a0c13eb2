import standalone from '@data/examples/standalone-primary.json';
import { catalogue } from '@/domain/default-catalogue';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, TEXT_LIMIT } from '@/domain/document';
import { message } from '@/domain/message';
import { migrations } from '@/domain/migrations';
import {
  createEmptyDocument,
  isRestoreFailure,
  RESTORE_FAILURE,
  readDocumentText,
  restoreDocument,
  serializeDocument,
} from '@/domain/restore';
import { doc, inEnglish, restored } from '../support/restore';
import { english, german } from '../support/words';

describe('restoreDocument', () => {
  it('reads every example without a problem and writes it back unchanged', () => {
    const result = restored(standalone);
    expect(result.problems).toEqual([]);
    expect(JSON.parse(serializeDocument(result.document))).toEqual(standalone);
  });

  it.each([
    ['an empty file', ''],
    ['a PNG renamed .json', '\x89PNG\r\n\x1a\n\0\0\0IHDR'],
    ["another app's JSON", '{"type":"excalidraw","elements":[]}'],
    ['a JSON array', '[1,2,3]'],
    ['JSON null', 'null'],
  ])('says "Not a topology file" for %s', (_what, text) => {
    const result = inEnglish(readDocumentText(text, catalogue));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^Not a topology file/);
  });

  it('refuses a document from a newer version and names both versions', () => {
    const result = inEnglish(restoreDocument(doc({ version: DOCUMENT_VERSION + 1 }), catalogue));
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(
        new RegExp(`version ${DOCUMENT_VERSION + 1}.*version ${DOCUMENT_VERSION}`),
      ),
    });
  });

  it('migrates a version 1 document, moving positions to the layout and splitting settings', () => {
    const v1 = {
      format: DOCUMENT_FORMAT,
      version: 1,
      name: 'Old',
      hosts: [
        { id: 'a', name: 'A', roles: ['client'], options: {}, x: 10, y: 20 },
        { id: 'b', name: 'B', roles: ['management-point'], options: {}, x: 30, y: 40 },
      ],
      links: [{ id: 'l1', source: 'a', target: 'b' }],
      settings: { clientHttp: 8080, rpcDynamic: { from: 1024, to: 5000 }, includeSiteInstallation: true },
    };
    const result = restored(v1);
    expect(result.migratedFrom).toBe(1);
    expect(result.problems).toEqual([]);
    expect(result.document.layout).toEqual({ a: { x: 10, y: 20 }, b: { x: 30, y: 40 } });
    expect(result.document.hosts[0]).toEqual({ id: 'a', name: 'A', roles: ['client'], options: {} });
    expect(result.document.settings.ports.clientHttp).toBe(8080);
    expect(result.document.settings.ranges.rpcDynamic).toEqual({ from: 1024, to: 5000 });
    expect(result.document.settings.flags.includeSiteInstallation).toBe(true);
  });

  it('has a migration step for every older version, each run by a test', () => {
    expect(migrations.map((m) => m.from)).toEqual(
      Array.from({ length: DOCUMENT_VERSION - 1 }, (_, i) => i + 1),
    );
    for (const step of migrations) {
      const out = step.up({ format: DOCUMENT_FORMAT, version: step.from, hosts: [], links: [] });
      expect(out.version).toBe(step.from + 1);
    }
  });

  it('rejects duplicate host ids and lists them', () => {
    const result = inEnglish(
      restoreDocument(
        doc({
          hosts: [
            { id: 'a', name: 'A', roles: [] },
            { id: 'a', name: 'A2', roles: [] },
            { id: 'b', name: 'B', roles: [] },
            { id: 'b', name: 'B2', roles: [] },
          ],
        }),
        catalogue,
      ),
    );
    expect(result).toEqual({ ok: false, error: 'Duplicate host ids: a, b' });
  });

  it('drops and reports dangling, self and duplicate links', () => {
    const result = restored(
      doc({
        hosts: [
          { id: 'a', name: 'A', roles: ['client'] },
          { id: 'b', name: 'B', roles: ['management-point'] },
        ],
        links: [
          { id: 'l1', source: 'a', target: 'b' },
          { id: 'l2', source: 'b', target: 'a' },
          { id: 'l3', source: 'a', target: 'a' },
          { id: 'l4', source: 'a', target: 'ghost' },
        ],
      }),
    );
    expect(result.document.links).toEqual([{ id: 'l1', source: 'a', target: 'b' }]);
    expect(result.problems).toHaveLength(3);
    expect(result.problems.join('\n')).toMatch(/repeats an existing link/);
    expect(result.problems.join('\n')).toMatch(/itself/);
    expect(result.problems.join('\n')).toMatch(/missing host/);
  });

  it('keeps a host with an unknown role and reports the role', () => {
    const result = restored(doc({ hosts: [{ id: 'a', name: 'A', roles: ['client', 'hologram-point'] }] }));
    expect(result.document.hosts[0]?.roles).toEqual(['client', 'hologram-point']);
    expect(result.problems).toEqual(['Host "A": unknown role "hologram-point" kept; it yields no flows']);
  });

  it('never pollutes prototypes with __proto__, constructor or prototype keys', () => {
    const text = `{"format":"${DOCUMENT_FORMAT}","version":${DOCUMENT_VERSION},"name":"P",
      "__proto__":{"polluted":true},
      "hosts":[{"id":"a","name":"A","roles":["client"],"options":{"__proto__":{"pxe":true},"constructor":{"prototype":{"polluted":true}}}},
               {"id":"__proto__","name":"X","roles":[]}],
      "layout":{"__proto__":{"x":1,"y":2},"a":{"x":5,"y":6}},
      "settings":{"ports":{"__proto__":{"clientHttp":1}},"constructor":{"prototype":{"polluted":true}}}}`;
    const result = inEnglish(readDocumentText(text, catalogue));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(result.document.hosts.map((h) => h.id)).toEqual(['a']);
    expect(result.document.hosts[0]?.options).toEqual({});
    expect(result.document.settings.ports.clientHttp).toBe(80);
    expect(result.document.layout.a).toEqual({ x: 5, y: 6 });
  });

  it('breaks zone parent cycles and removes missing parents', () => {
    const result = restored(
      doc({
        zones: [
          { id: 'z1', name: 'One', parent: 'z2' },
          { id: 'z2', name: 'Two', parent: 'z1' },
          { id: 'z3', name: 'Three', parent: 'nowhere' },
        ],
      }),
    );
    const problems = result.problems.join('\n');
    expect(problems).toMatch(/cycle broken/);
    expect(problems).toMatch(/does not exist/);
    const parents = new Map(result.document.zones.map((z) => [z.id, z.parent]));
    expect(parents.get('z3')).toBeUndefined();
    expect(parents.get('z1') === undefined || parents.get('z2') === undefined).toBe(true);
  });

  it('defaults or clamps unusable coordinates', () => {
    const hosts = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: id, roles: [] }));
    const text = `{"format":"${DOCUMENT_FORMAT}","version":${DOCUMENT_VERSION},"hosts":${JSON.stringify(hosts)},
      "layout":{"a":{"x":null,"y":0},"b":{"x":"abc","y":1},"c":{"x":1e309,"y":1},"d":{"x":1e12,"y":-1e12},"e":{"x":3,"y":4}}}`;
    const result = inEnglish(readDocumentText(text, catalogue));
    if (!result.ok) throw new Error(result.error);
    const { layout } = result.document;
    for (const p of Object.values(layout)) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      expect(Math.abs(p.x)).toBeLessThanOrEqual(1e6);
    }
    expect(layout.d).toEqual({ x: 1e6, y: -1e6 });
    expect(layout.e).toEqual({ x: 3, y: 4 });
    expect(result.problems).toEqual([expect.stringMatching(/^4 host position/)]);
  });

  it('keeps long, RTL, zero-width and emoji names verbatim up to the stated cap', () => {
    const odd = 'ש\u202Eabc\u200B😀<img src=x onerror=alert(1)>';
    const result = restored(
      doc({
        hosts: [
          { id: 'a', name: odd, roles: [] },
          { id: 'b', name: 'x'.repeat(TEXT_LIMIT + 5), roles: [] },
        ],
      }),
    );
    expect(result.document.hosts[0]?.name).toBe(odd);
    expect(result.document.hosts[1]?.name).toHaveLength(TEXT_LIMIT);
    expect(result.problems).toEqual([expect.stringMatching(/longer than 10000 characters/)]);
  });

  it.each(['10.0.0.256', '1.2.3', '10.0.0.0/33', '::1/129', 'fe80:::1', 'hello'])(
    'drops the invalid IP %s with a reason',
    (ip) => {
      const result = restored(doc({ hosts: [{ id: 'a', name: 'A', roles: [], ip }] }));
      expect(result.document.hosts[0]?.ip).toBeUndefined();
      expect(result.problems[0]).toMatch(/IP dropped/);
    },
  );

  it.each(['10.0.0.255', '10.0.0.0/8', '::1', 'fd00::/64', '2001:db8::1:2', '::ffff:10.0.0.1'])(
    'keeps the valid IP %s',
    (ip) => {
      const result = restored(doc({ hosts: [{ id: 'a', name: 'A', roles: [], ip }] }));
      expect(result.document.hosts[0]?.ip).toBe(ip);
    },
  );

  it.each([0, 65536, -1, 'abc', 80.5])(
    'replaces the invalid port setting %s with the default and says so',
    (port) => {
      const result = restored(doc({ settings: { ports: { clientHttp: port } } }));
      expect(result.document.settings.ports.clientHttp).toBe(80);
      expect(result.problems[0]).toMatch(/Client HTTP port/);
    },
  );

  it('refuses a reversed range setting and an invalid WSUS pair', () => {
    const result = restored(
      doc({
        settings: {
          ranges: { rpcDynamic: { from: 1000, to: 999 } },
          ports: { wsusHttp: 80, wsusHttps: 8531 },
        },
      }),
    );
    expect(result.document.settings.ranges.rpcDynamic).toEqual({ from: 49152, to: 65535 });
    expect(result.document.settings.ports.wsusHttp).toBe(8530);
    expect(result.problems).toHaveLength(2);
  });

  it('creates empty documents that restore cleanly', () => {
    const empty = createEmptyDocument(catalogue, 'New');
    expect(restored(JSON.parse(serializeDocument(empty))).problems).toEqual([]);
  });
});

describe('restore problems in German', () => {
  it('names the host, the field and the value in German words', () => {
    const result = restoreDocument(
      doc({
        hosts: [{ id: 'a', name: 'A', roles: ['client'], zone: 'z9', ip: '10.0.0.300', site: 'P0001' }],
        zones: [{ id: 'z1', name: 'DMZ', cidrs: ['10.0.0.1'] }],
      }),
      catalogue,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems.map((p) => german(p))).toEqual([
      'Host „A“: IP-Adresse entfernt, „10.0.0.300“ ist keine IPv4- oder IPv6-Adresse',
      'Host „A“: Standortcode entfernt: „P0001“ ist kein Standortcode; verwenden Sie drei Buchstaben oder Ziffern, z. B. P01',
      'Zone „DMZ“: Adressbereich entfernt: „10.0.0.1“ hat keine Präfixlänge (wie /24)',
      'Host „A“: Die Zone „z9“ existiert nicht und wurde entfernt',
    ]);
    expect(result.problems.map((p) => english(p))).toEqual([
      'Host "A": IP dropped, "10.0.0.300" is not an IPv4 or IPv6 address',
      'Host "A": site code dropped: "P0001" is not a site code: use three letters or digits, e.g. P01',
      'Zone "DMZ": address range dropped: "10.0.0.1" has no prefix length (such as /24)',
      'Host "A": zone "z9" does not exist and was removed',
    ]);
  });

  it('names a setting by its German label', () => {
    const result = restoreDocument(
      doc({
        settings: {
          ports: { clientHttp: 0 },
          ranges: { multicast: { from: 2, to: 1 } },
          flags: { includeSiteInstallation: 'yes' },
        },
      }),
      catalogue,
    );
    if (!result.ok) throw new Error('refused');
    expect(result.problems.map((p) => german(p))).toEqual([
      'Einstellung „HTTP-Port für Clients“: 0 liegt außerhalb von 1–65535; der Standardwert 80 wird verwendet',
      'Einstellung „UDP-Portbereich für Multicast“: das untere Ende 2 liegt über dem oberen Ende 1; der Standardwert wird verwendet',
      'Einstellung „Ports für die Installation eines Standorts mit Remote-SQL Server einbeziehen“ ist nicht true/false; der Standardwert wird verwendet',
    ]);
    expect(english(result.problems[0] ?? message('x:none'))).toBe(
      'Setting "Client HTTP port": 0 is outside 1–65535; default 80 used',
    );
  });

  it('refuses a file in German, and marks a failure of restore itself', () => {
    const empty = readDocumentText('', catalogue);
    expect(!empty.ok && german(empty.error)).toBe('Keine Topologiedatei: Die Datei ist leer');
    expect(!empty.ok && isRestoreFailure(empty.error)).toBe(false);
    expect(isRestoreFailure(message(RESTORE_FAILURE, { reason: 'x' }))).toBe(true);
  });
});
