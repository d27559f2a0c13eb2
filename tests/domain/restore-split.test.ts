/**
 * The links list of a document's text cut out for a second thread, and its hosts list and layout
 * for parsing from slices (issue 18): found where serializeDocument writes them, and known to be
 * the top-level values only once the rest parses with the mark in their places.
 */
import { serializeDocument } from '@/domain/restore';
import { scanLimits } from '@/domain/restore-scan';
import { cutLinks, holdsMark, withParts } from '@/domain/restore-split';
import { makeDocument, makeHost } from '../builders';

const bytesOf = (text: string) => new TextEncoder().encode(text);
/** The cut of a text's bytes, with its links list decoded as the helper decodes it. */
function cutText(text: string, mark: string) {
  const bytes = bytesOf(text);
  const cut = cutLinks(bytes, mark);
  return cut && { ...cut, links: new TextDecoder().decode(bytes.subarray(...cut.linksAt)) };
}

const doc = makeDocument([makeHost('a', ['client']), makeHost('b', ['management-point'])], [['a', 'b']]);

describe('cutting the links list out of a document text', () => {
  it('gives the parts and the rest, which together are the document', () => {
    const text = serializeDocument(doc);
    const cut = cutText(text, 'm')!;
    expect(JSON.parse(cut.links)).toEqual(doc.links);
    expect(JSON.parse(cut.hosts!)).toEqual(doc.hosts);
    expect(JSON.parse(cut.layout!)).toEqual(doc.layout);
    // The rest holds neither hosts nor positions, only the mark in their places.
    expect(cut.rest).not.toContain('"id":"a"');
    const rest = JSON.parse(cut.rest);
    expect(holdsMark(rest, 'm', cut)).toBe(true);
    const whole = { ...withParts(rest, cut), links: JSON.parse(cut.links) };
    expect(whole).toEqual(JSON.parse(text));
    expect(Object.keys(whole)).toEqual(Object.keys(JSON.parse(text)));
  });

  it('leaves hosts and layout in the rest where they are not laid out as the app writes them', () => {
    const text = serializeDocument({ ...doc, hosts: [], layout: {} });
    const cut = cutText(text, 'm')!;
    expect(cut.hosts).toBeUndefined();
    expect(cut.layout).toBeUndefined();
    const rest = JSON.parse(cut.rest);
    expect(holdsMark(rest, 'm', cut)).toBe(true);
    expect({ ...withParts(rest, cut), links: JSON.parse(cut.links) }).toEqual(JSON.parse(text));
    // Hosts after the links are not looked for.
    const { hosts, ...others } = doc;
    const late = cutText(serializeDocument({ ...others, hosts } as typeof doc), 'm')!;
    expect(late.hosts).toBeUndefined();
    expect(JSON.parse(late.rest).hosts).toEqual(doc.hosts);
  });

  it('cuts a file of other characters than ASCII where the same text is, each part decoded as in the whole', () => {
    const named = makeDocument(
      [makeHost('a', ['client']), { ...makeHost('b', ['management-point']), name: 'Zürich-MP – 東京' }],
      [['a', 'b']],
    );
    const withLabel = { ...named, links: named.links.map((l) => ({ ...l, label: 'WAN ] ß' })) };
    const text = `\uFEFF${serializeDocument(withLabel)}`;
    const cut = cutText(text, 'm')!;
    expect(JSON.parse(cut.links)).toEqual(withLabel.links);
    expect(JSON.parse(cut.hosts!)).toEqual(withLabel.hosts);
    // The byte order mark goes with the first piece, as decoding the whole text drops it.
    const rest = JSON.parse(cut.rest);
    expect({ ...withParts(rest, cut), links: JSON.parse(cut.links) }).toEqual(JSON.parse(text.slice(1)));
  });

  it('keeps a byte order mark inside the text, where the whole text does not parse either', () => {
    const text = serializeDocument(doc).replace('\n  ],\n  "links"', '\n  ]\uFEFF,\n  "links"');
    expect(() => JSON.parse(text)).toThrow();
    expect(() => JSON.parse(cutText(text, 'm')!.rest)).toThrow();
  });

  it('finds nothing in text not laid out as the app writes it', () => {
    expect(cutText(JSON.stringify(doc), 'm')).toBeUndefined();
    expect(cutText('', 'm')).toBeUndefined();
  });

  it('tells a list cut from elsewhere by the mark not being the links', () => {
    const text = serializeDocument(doc).replace(
      '\n  "hosts": [',
      '\n  "x": {\n  "links": [\n  ]},\n  "hosts": [',
    );
    const cut = cutText(text, 'm')!;
    expect(holdsMark(JSON.parse(cut.rest), 'm')).toBe(false);
    expect(holdsMark({ links: ['m', 'n'] }, 'm')).toBe(false);
    expect(holdsMark(['m'], 'm')).toBe(false);
  });

  it('tells hosts or a layout cut from elsewhere, and a part that is not JSON', () => {
    const nested = serializeDocument(doc).replace(
      '\n  "name":',
      '\n  "x": {\n  "hosts": [\n  ]},\n  "name":',
    );
    const hostsCut = cutText(nested, 'm')!;
    expect(hostsCut.hosts).toBe('[\n  ]');
    const rest = JSON.parse(hostsCut.rest);
    expect(holdsMark(rest, 'm')).toBe(true);
    expect(holdsMark(rest, 'm', hostsCut)).toBe(false);
    const twice = `${serializeDocument(doc).trimEnd().slice(0, -2)},\n  "layout": {}\n}`;
    const layoutCut = cutText(twice, 'm')!;
    expect(layoutCut.layout).toBeDefined();
    expect(holdsMark(JSON.parse(layoutCut.rest), 'm', layoutCut)).toBe(false);
    const broken = { rest: '', linksAt: [0, 2] as const, hosts: '[{"id":' };
    expect(withParts({ hosts: ['m'] }, broken)).toBeUndefined();
  });

  it('counts the values of a part as the whole document counts them', () => {
    const text = serializeDocument(doc);
    const cut = cutText(text, 'm')!;
    const whole = { values: 0 };
    const rest = { values: 0 };
    const list = { values: 0 };
    scanLimits(JSON.parse(text), whole);
    scanLimits({ ...withParts(JSON.parse(cut.rest), cut), links: [] }, rest);
    scanLimits(JSON.parse(cut.links), list, 1);
    // The list itself counts once in each part.
    expect(rest.values - 1 + list.values).toBe(whole.values);
  });
});
