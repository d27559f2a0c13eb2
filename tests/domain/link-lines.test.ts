/**
 * A links list read straight from a file's bytes (issue 18): what it gives is what restoring the
 * parsed list gives, and every list restore would change, or that is not written as the app writes
 * plain links, is left to the JSON path.
 */
import fc from 'fast-check';
import { HostTable } from '@/domain/host-table';
import { type LinkLines, placeLinkLines, scanLinkLines } from '@/domain/link-lines';
import type { Message } from '@/domain/message';
import { type LinkEnds, restoreLinks } from '@/domain/restore-graph';

const encode = (text: string) => new TextEncoder().encode(text);

/** A links list as serializeDocument writes it: one JSON line per link, as the document's second level. */
const listText = (links: readonly object[]) =>
  `[\n${links.map((link) => `    ${JSON.stringify(link)}`).join(',\n')}\n  ]`;

/** The list read from the bytes, with the places of its ends among `hosts`. */
function fast(text: string, hosts: readonly string[]) {
  const bytes = encode(text);
  const lines = scanLinkLines(bytes, 0, bytes.length);
  const table = HostTable.of(hosts.join('\n'));
  const ends = lines && table && placeLinkLines(lines, table);
  return lines && ends && { ids: lines.ids, ends: [...ends] };
}

/** What restore makes of the parsed list: the links' ids, their ends' places, and its report lines. */
function slow(text: string, hosts: readonly string[]) {
  const indexById = new Map(hosts.map((id, i) => [id, i]));
  const problems: Message[] = [];
  const ends: LinkEnds = {};
  const raw = JSON.parse(text) as unknown[];
  const links = restoreLinks(raw, indexById, problems, false, ends);
  const same = problems.length === 0 && JSON.stringify(links) === JSON.stringify(raw);
  return { ids: links.map((link) => link.id).join('\n'), ends: [...(ends.places ?? [])], same };
}

const link = (id: string, source: string, target: string) => ({ id, source, target });
const hosts = ['cas', 'P00-site', 'P00-h1', 'dc.corp:1', 'x_y'];

describe('reading a list of plain links from the bytes', () => {
  it('gives the ids and the places of the ends restore gives', () => {
    const text = listText([
      link('l1', 'cas', 'P00-site'),
      link('link-a', 'P00-h1', 'cas'),
      link('l3', 'x_y', 'dc.corp:1'),
    ]);
    expect(fast(text, hosts)).toEqual({ ids: 'l1\nlink-a\nl3', ends: [0, 1, 2, 0, 4, 3] });
    const { same, ...restored } = slow(text, hosts);
    expect(same).toBe(true);
    expect(fast(text, hosts)).toEqual(restored);
  });

  it('numbers each distinct end id once, keeps its bytes, and counts the links', () => {
    const text = listText([
      link('l1', 'cas', 'x_y'),
      link('l2', 'x_y', 'P00-h1'),
      link('l3', 'P00-h1', 'cas'),
    ]);
    const lines = scanLinkLines(encode(text), 0, text.length) as LinkLines;
    expect(lines.count).toBe(3);
    expect([...lines.ends]).toEqual([0, 1, 1, 2, 2, 0]);
    const { names } = lines;
    expect(names.count).toBe(3);
    const named = [0, 1, 2].map((n) =>
      new TextDecoder().decode(names.text.subarray(names.starts[n]!, names.starts[n]! + names.lengths[n]!)),
    );
    expect(named).toEqual(['cas', 'x_y', 'P00-h1']);
  });

  it('turns down a self link or a pair joined before (either way round) while reading, before the hosts are known', () => {
    for (const list of [
      [link('l1', 'cas', 'cas')],
      [link('l1', 'cas', 'x_y'), link('l2', 'x_y', 'cas')],
      [link('l1', 'cas', 'x_y'), link('l2', 'cas', 'x_y')],
    ]) {
      const text = listText(list);
      expect(scanLinkLines(encode(text), 0, text.length)).toBeUndefined();
    }
    // Ids that differ are different ends, hosts or not: a link to a missing host is turned down when placed.
    const text = listText([link('l1', 'cas', 'nobody')]);
    const lines = scanLinkLines(encode(text), 0, text.length)!;
    expect(placeLinkLines(lines, HostTable.of(hosts.join('\n'))!)).toBeUndefined();
  });

  it.each([
    ['a label', listText([{ ...link('l1', 'cas', 'x_y'), label: 'WAN' }])],
    ['an import mark', listText([{ ...link('l1', 'cas', 'x_y'), inferred: true }])],
    ['fields in another order', listText([{ source: 'cas', id: 'l1', target: 'x_y' }])],
    ['an escape in an id', listText([link('l1', 'cas', 'x_y')]).replace('"l1"', '"l\\u0031"')],
    ['a space after a colon', listText([link('l1', 'cas', 'x_y')]).replace('"id":', '"id": ')],
    [
      'an id restore renames (a repeat)',
      listText([link('l1', 'cas', 'x_y'), link('l1', 'cas', 'dc.corp:1')]),
    ],
    ['an id restore renames (a sign first)', listText([link('-l1', 'cas', 'x_y')])],
    ['an id of 129 characters', listText([link(`l${'0'.repeat(128)}`, 'cas', 'x_y')])],
    ['an empty id', listText([link('', 'cas', 'x_y')])],
    ['a character outside ids', listText([link('lé', 'cas', 'x_y')])],
    ['a number for an id', listText([{ id: 1, source: 'cas', target: 'x_y' }])],
    ['something after the list', `${listText([link('l1', 'cas', 'x_y')])} `],
    ['no closing bracket', listText([link('l1', 'cas', 'x_y')]).slice(0, -1)],
    ['an empty list', '[\n  ]'],
  ])('leaves a list with %s to the JSON path', (_, text) => {
    expect(fast(text, hosts)).toBeUndefined();
  });

  it.each([
    ['a missing host', [link('l1', 'cas', 'nowhere')]],
    ['a self link', [link('l1', 'cas', 'cas')]],
    ['a repeated pair', [link('l1', 'cas', 'x_y'), link('l2', 'x_y', 'cas')]],
  ])('leaves a list with %s to restore', (_, links) => {
    const text = listText(links);
    expect(fast(text, hosts)).toBeUndefined();
    expect(slow(text, hosts).same).toBe(false);
  });

  it('keeps numbered ids apart from their look-alikes (`l01` is not `l1`)', () => {
    const text = listText([link('l1', 'cas', 'x_y'), link('l01', 'cas', 'P00-h1')]);
    expect(fast(text, hosts)?.ids).toBe('l1\nl01');
  });

  it('turns down host ids given twice', () => {
    const text = listText([link('l1', 'cas', 'x_y')]);
    expect(fast(text, ['cas', 'x_y', 'cas'])).toBeUndefined();
  });

  it('reads only the list between its bounds', () => {
    const list = listText([link('l1', 'cas', 'x_y')]);
    const bytes = encode(`{"links": ${list}, "more": 1}`);
    const from = 10;
    expect(scanLinkLines(bytes, from, from + list.length)?.ids).toBe('l1');
    expect(scanLinkLines(bytes, from, from + list.length - 1)).toBeUndefined();
  });

  it('agrees with restore on random lists: a result only where restore keeps each link as it is', () => {
    const id = fc.oneof(
      fc.constantFrom('l1', 'l2', 'l3', 'l01', 'l-1', 'a', 'cas', 'x_y', '', 'é', 'l 1', 'l"', 'l\\'),
      fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,8}$/),
    );
    const end = fc.constantFrom(...hosts, 'gone', '');
    const item = fc.oneof(
      { weight: 6, arbitrary: fc.record({ id, source: end, target: end }) },
      fc.record({ id, source: end, target: end, label: fc.string({ maxLength: 3 }) }),
    );
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), (links) => {
        const text = listText(links);
        const { same, ...restored } = slow(text, hosts);
        const read = fast(text, hosts);
        const plain = links.every((one) => !('label' in one));
        expect(read === undefined).toBe(!(same && plain));
        if (read) expect(read).toEqual(restored);
      }),
      { numRuns: 400 },
    );
  });
});
