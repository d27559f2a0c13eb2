/**
 * The links list of a document's text cut out for a second thread (issue 18): found where
 * serializeDocument writes it, and known to be the top-level list only once the rest parses with
 * the mark as its links.
 */
import { serializeDocument } from '@/domain/restore';
import { scanLimits } from '@/domain/restore-scan';
import { cutLinks, holdsMark } from '@/domain/restore-split';
import { makeDocument, makeHost } from '../builders';

const doc = makeDocument([makeHost('a', ['client']), makeHost('b', ['management-point'])], [['a', 'b']]);

describe('cutting the links list out of a document text', () => {
  it('gives the list and the rest, which together are the document', () => {
    const text = serializeDocument(doc);
    const cut = cutLinks(text, 'm')!;
    expect(JSON.parse(cut.links)).toEqual(doc.links);
    const rest = JSON.parse(cut.rest);
    expect(holdsMark(rest, 'm')).toBe(true);
    expect({ ...rest, links: JSON.parse(cut.links) }).toEqual(JSON.parse(text));
  });

  it('finds nothing in text not laid out as the app writes it', () => {
    expect(cutLinks(JSON.stringify(doc), 'm')).toBeUndefined();
    expect(cutLinks('', 'm')).toBeUndefined();
  });

  it('tells a list cut from elsewhere by the mark not being the links', () => {
    const text = serializeDocument(doc).replace(
      '\n  "hosts": [',
      '\n  "x": {\n  "links": [\n  ]},\n  "hosts": [',
    );
    const cut = cutLinks(text, 'm')!;
    expect(holdsMark(JSON.parse(cut.rest), 'm')).toBe(false);
    expect(holdsMark({ links: ['m', 'n'] }, 'm')).toBe(false);
    expect(holdsMark(['m'], 'm')).toBe(false);
  });

  it('counts the values of a part as the whole document counts them', () => {
    const text = serializeDocument(doc);
    const cut = cutLinks(text, 'm')!;
    const whole = { values: 0 };
    const rest = { values: 0 };
    const list = { values: 0 };
    scanLimits(JSON.parse(text), whole);
    scanLimits({ ...JSON.parse(cut.rest), links: [] }, rest);
    scanLimits(JSON.parse(cut.links), list, 1);
    // The list itself counts once in each part.
    expect(rest.values - 1 + list.values).toBe(whole.values);
  });
});
