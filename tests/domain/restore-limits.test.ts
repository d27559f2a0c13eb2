import { catalogue } from '@/domain/default-catalogue';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from '@/domain/document';
import { checkFqdn, checkSiteCode } from '@/domain/host-fields';
import { MAX_DEPTH, MAX_ITEMS, MAX_STRING_LENGTH } from '@/domain/limits';
import { readDocumentText, restoreDocument, serializeDocument } from '@/domain/restore';
import { doc, inEnglish, restored } from '../support/restore';
import { english, german } from '../support/words';

const hostA = { id: 'a', name: 'A', roles: [] };

describe('restoreDocument never throws', () => {
  it('drops a link whose source has a hostile toString and names the field', () => {
    const text = `{"format":"${DOCUMENT_FORMAT}","version":2,"links":[{"id":"x","source":{"toString":null},"target":"site"}]}`;
    const result = inEnglish(readDocumentText(text, catalogue));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.links).toEqual([]);
    expect(result.problems).toEqual([
      'Link #1 (links[0].source is an object) points to a missing host and was dropped',
    ]);
  });

  it('replaces a port setting or WSUS option of {"toString":0} and says so', () => {
    const hostile = { toString: 0, valueOf: 0 };
    const result = restored(
      doc({
        hosts: [{ id: 'a', name: 'A', roles: [], options: { wsusHttp: hostile, wsusHttps: 8531 } }],
        settings: { ports: { clientHttp: hostile }, ranges: { rpcDynamic: { from: hostile, to: 5 } } },
      }),
    );
    expect(result.document.settings.ports.clientHttp).toBe(80);
    expect(result.document.settings.ranges.rpcDynamic).toEqual({ from: 49152, to: 65535 });
    expect(result.document.hosts[0]?.options).toEqual({});
    expect(result.problems).toHaveLength(3);
    expect(result.problems.join('\n')).toMatch(/an object is not a whole port number/);
  });

  it('describes hostile ids, versions and site types without converting them', () => {
    const hostile = { toString: () => 'x'.repeat(10), valueOf: null };
    expect(inEnglish(restoreDocument(doc({ version: hostile }), catalogue))).toEqual({
      ok: false,
      error: 'Not a topology file: version an object is not a number',
    });
    const result = restored(
      doc({
        hosts: [{ id: hostile }, { id: 'a', name: 'A', roles: [], options: { siteType: hostile } }],
        links: [],
        settings: { supplementary: [hostile] },
      }),
    );
    expect(result.problems.join('\n')).toMatch(/hosts\[0\]\.id is an object/);
  });

  it('refuses a deeply nested value and names where it is', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    const result = inEnglish(restoreDocument(doc({ hosts: [{ id: deep }] }), catalogue));
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(
        new RegExp(`^Not readable: hosts\\[0\\]\\.id.* more than ${MAX_DEPTH} levels`),
      ),
    });
    const text = `{"format":"${DOCUMENT_FORMAT}","version":2,"links":[{"id":${'['.repeat(50_000)}${']'.repeat(50_000)}}]}`;
    expect(inEnglish(readDocumentText(text, catalogue))).toEqual({
      ok: false,
      error: expect.stringMatching(/links\[0\]\.id/),
    });
  });

  it('refuses over-long strings and over-long lists before reading fields', () => {
    const long = inEnglish(
      restoreDocument(doc({ hosts: [{ id: 'a', notes: 'x'.repeat(MAX_STRING_LENGTH + 1) }] }), catalogue),
    );
    expect(long).toEqual({
      ok: false,
      error: `Not readable: hosts[0].notes is longer than ${MAX_STRING_LENGTH} characters`,
    });
    const many = inEnglish(restoreDocument(doc({ zones: new Array(MAX_ITEMS + 1).fill(0) }), catalogue));
    expect(many).toEqual({ ok: false, error: `Not readable: zones has more than ${MAX_ITEMS} items` });
  });

  it('refuses an object of too many keys or an over-long key, naming the object, before its values', () => {
    const layout: Record<string, unknown> = {};
    for (let i = 0; i <= MAX_ITEMS; i += 1) layout[`h${i}`] = { x: 0, y: 0 };
    const many = inEnglish(restoreDocument(doc({ hosts: [hostA], layout }), catalogue));
    expect(many).toEqual({ ok: false, error: `Not readable: layout has more than ${MAX_ITEMS} keys` });
    // The key comes before an over-long value of a later key: the first cap hit in the file is named.
    const options = { ['k'.repeat(MAX_STRING_LENGTH + 1)]: 1, notes: 'x'.repeat(MAX_STRING_LENGTH + 1) };
    const long = inEnglish(restoreDocument(doc({ hosts: [{ ...hostA, options }] }), catalogue));
    expect(long).toEqual({
      ok: false,
      error: `Not readable: a key in hosts[0].options is longer than ${MAX_STRING_LENGTH} characters`,
    });
    // Keys inherited from elsewhere are not the document's: only its own are counted and read.
    const own = Object.create({ inherited: 'x'.repeat(MAX_STRING_LENGTH + 1) }) as Record<string, unknown>;
    Object.assign(own, { ...hostA });
    expect(restoreDocument(doc({ hosts: [own] }), catalogue).ok).toBe(true);
  });

  it('still says "Not a topology file" for another app\'s deep JSON, and refuses version 999', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1000; i += 1) deep = { deep };
    expect(inEnglish(restoreDocument({ deep }, catalogue))).toEqual({
      ok: false,
      error: expect.stringMatching(/^Not a topology file/),
    });
    expect(inEnglish(restoreDocument(doc({ version: 999 }), catalogue))).toEqual({
      ok: false,
      error: expect.stringMatching(new RegExp(`version 999.*version ${DOCUMENT_VERSION}`)),
    });
  });
});

describe('host fields from files follow the inspector rules', () => {
  it('drops an invalid FQDN, site code and parent site with a report line each', () => {
    const result = restored(
      doc({
        hosts: [
          {
            id: 'a',
            name: 'A',
            roles: [],
            fqdn: 'mp 01.corp',
            site: 'P0001',
            options: { parentSite: 'x'.repeat(10_000) },
          },
          {
            id: 'b',
            name: 'B',
            roles: [],
            fqdn: 'mp01.corp.example.',
            site: 'p01',
            options: { parentSite: 'CAS' },
          },
        ],
      }),
    );
    const [a, b] = result.document.hosts;
    expect(a?.fqdn).toBeUndefined();
    expect(a?.site).toBeUndefined();
    expect(a?.options.parentSite).toBeUndefined();
    expect(b).toMatchObject({ fqdn: 'mp01.corp.example.', site: 'p01', options: { parentSite: 'CAS' } });
    expect(result.problems).toHaveLength(3);
    expect(result.problems).toEqual([
      expect.stringMatching(/^Host "A": parent site dropped: "x{60}…" is not a site code/),
      expect.stringMatching(/^Host "A": FQDN dropped: "mp 01.corp" is not a host name/),
      expect.stringMatching(/^Host "A": site code dropped: "P0001" is not a site code/),
    ]);
    expect(result.problems.join('\n')).not.toMatch(/x{61}/);
  });

  it('reports a whitespace-only IP, site code and FQDN instead of letting them vanish on reopen', () => {
    const result = restored(doc({ hosts: [{ ...hostA, ip: '   ', site: ' ', fqdn: '\t' }] }));
    expect(result.document.hosts[0]).toEqual({ id: 'a', name: 'A', roles: [], options: {} });
    expect(result.problems).toEqual([
      'Host "A": FQDN is blank and was dropped',
      'Host "A": IP is blank and was dropped',
      'Host "A": site code is blank and was dropped',
    ]);
  });

  it.each([
    ['P01', undefined],
    [' p0a ', undefined],
    ['', undefined],
    ['P0', 'not a site code'],
    ['P-1', 'not a site code'],
  ])('checkSiteCode(%j)', (value, expected) => {
    const problem = checkSiteCode(value);
    if (expected) expect(english(problem ?? { key: 'restore:fields.missing' })).toMatch(expected);
    else expect(problem).toBeUndefined();
  });

  it("says a refused site code or host name in the reader's language", () => {
    const site = checkSiteCode('P0');
    const fqdn = checkFqdn('mp 01');
    if (!site || !fqdn) throw new Error('not refused');
    expect(english(site)).toBe('"P0" is not a site code: use three letters or digits, e.g. P01');
    expect(german(site)).toBe(
      '„P0“ ist kein Standortcode; verwenden Sie drei Buchstaben oder Ziffern, z. B. P01',
    );
    expect(german(fqdn)).toBe('„mp 01“ ist kein Hostname wie mp01.corp.example');
  });

  it.each([
    ['mp01.corp.example', undefined],
    ['mp01.corp.example.', undefined],
    ['a'.repeat(63), undefined],
    ['a'.repeat(64), 'not a host name'],
    ['-mp.corp', 'not a host name'],
    [`${'a.'.repeat(127)}a`, 'not a host name'],
  ])('checkFqdn(%#)', (value, expected) => {
    const problem = checkFqdn(value);
    if (expected) expect(english(problem ?? { key: 'restore:fields.missing' })).toMatch(expected);
    else expect(problem).toBeUndefined();
  });
});

// These bounds tell linear from square, not speed (speed is `npm run bench`'s): the square-time
// repairs took 45 s on these inputs, a linear one takes well under a second; 10 s holds on a busy
// two-core machine and still fails every square-time repair.
const LINEAR_BOUND_MS = 10_000;

describe('repairs are linear', () => {
  it('restores 20,000 zones with a long parent chain and cycles in linear time', () => {
    const n = 20_000;
    // z0 ← z1 ← … ← z9999 is one long chain; z10000…z19999 form 100-zone rings, and z0 points
    // into the last ring, so every chain walks far.
    const zones = Array.from({ length: n }, (_, i) => {
      if (i === 0) return { id: 'z0', name: 'z0', parent: `z${n - 1}` };
      if (i < n / 2) return { id: `z${i}`, name: `z${i}`, parent: `z${i - 1}` };
      const ringStart = i - ((i - n / 2) % 100);
      return { id: `z${i}`, name: `z${i}`, parent: `z${i === ringStart ? ringStart + 99 : i - 1}` };
    });
    const started = performance.now();
    const result = restored(doc({ zones }));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(LINEAR_BOUND_MS);
    expect(result.problems).toHaveLength(n / 2 / 100);
    // Every chain ends at a root: checked in one pass, each zone's depth known once walked.
    const parent = new Map(result.document.zones.map((z) => [z.id, z.parent]));
    const ended = new Set<string>();
    for (const zone of result.document.zones) {
      const walk: string[] = [];
      for (let id: string | undefined = zone.id; id !== undefined && !ended.has(id); id = parent.get(id)) {
        if (walk.length > n) throw new Error(`zone ${zone.id} is on a cycle`);
        walk.push(id);
      }
      for (const id of walk) ended.add(id);
    }
    const again = restored(JSON.parse(serializeDocument(result.document)));
    expect(again.problems).toEqual([]);
  });

  it('renames thousands of unusable link ids without searching from the start each time', () => {
    // The first half takes the ids l20001…l40000, so each renamed link of the second half would
    // have scanned all of them when renaming started from the link's own number.
    const n = 20_000;
    const hosts = Array.from({ length: 2 * n + 1 }, (_, i) => ({ id: `h${i}`, name: `h${i}`, roles: [] }));
    const links = Array.from({ length: 2 * n }, (_, i) => ({
      id: i < n ? `l${n + 1 + i}` : 7,
      source: `h${i}`,
      target: `h${i + 1}`,
    }));
    const started = performance.now();
    const result = restored(doc({ hosts, links }));
    expect(performance.now() - started).toBeLessThan(LINEAR_BOUND_MS);
    const ids = result.document.links.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(2 * n);
    expect(ids[n]).toBe(`l${2 * n + 1}`);
  });
});
