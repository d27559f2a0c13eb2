import { catalogue } from '@/domain/default-catalogue';
import { readDocumentText, restoreDocument, serializeDocument } from '@/domain/restore';
import { makeDocument, makeHost } from '../builders';

/** A saved document's text with `edit` applied to its parsed form first. */
function textOf(edit: (json: Record<string, unknown>) => void): string {
  const doc = makeDocument(
    [makeHost('a', ['client']), makeHost('b', ['management-point']), makeHost('c', ['distribution-point'])],
    [
      { id: 'l1', source: 'a', target: 'b' },
      { id: 'l2', source: 'b', target: 'c' },
    ],
    { layout: { a: { x: 0, y: 0 }, b: { x: 200, y: 0 }, c: { x: 400, y: 0 } } },
  );
  const json = JSON.parse(serializeDocument(doc));
  edit(json);
  return JSON.stringify(json);
}

function read(text: string) {
  const result = readDocumentText(text, catalogue);
  if (!result.ok) throw new Error(result.error.key);
  return result;
}

describe('reading a file keeps parsed objects only where they are already as restored (issue 18)', () => {
  it('reads a clean file to the same document as restoring a copy of it', () => {
    const text = textOf(() => undefined);
    const fromText = read(text);
    const fromValue = restoreDocument(JSON.parse(text), catalogue);
    expect(fromText).toEqual(fromValue);
    expect(fromText.problems).toEqual([]);
  });

  it('drops what a link or a position has beyond its fields', () => {
    const { document } = read(
      textOf((json) => {
        (json.links as Record<string, unknown>[])[0]!.colour = 'red';
        (json.layout as Record<string, Record<string, unknown>>).b!.z = 3;
      }),
    );
    expect(document.links[0]).toEqual({ id: 'l1', source: 'a', target: 'b' });
    expect(Object.keys(document.links[0]!)).toEqual(['id', 'source', 'target']);
    expect(document.layout.b).toEqual({ x: 200, y: 0 });
    expect(Object.keys(document.layout.b!)).toEqual(['x', 'y']);
  });

  it('repairs a layout that is not as restored: other order, extra keys, -0, out of range, missing', () => {
    const { document, problems } = read(
      textOf((json) => {
        json.layout = { c: { x: -0, y: 1e12 }, a: { x: 5, y: 6 }, stray: { x: 1, y: 1 } };
      }),
    );
    expect(Object.keys(document.layout)).toEqual(['a', 'b', 'c']);
    expect(Object.is(document.layout.c!.x, 0)).toBe(true);
    expect(document.layout.c!.y).toBe(1_000_000);
    expect(document.layout.a).toEqual({ x: 5, y: 6 });
    expect(document.layout.b).toBeDefined();
    expect(problems.map((p) => p.key)).toContain('restore:layout.positions');
  });

  it('keeps a layout that lists every host once in another order as it is, without a report', () => {
    const { document, problems } = read(
      textOf((json) => {
        json.layout = { c: { x: 400, y: 0 }, a: { x: 0, y: 0 }, b: { x: 200, y: 0 } };
      }),
    );
    expect(Object.keys(document.layout)).toEqual(['c', 'a', 'b']);
    expect(document.layout).toEqual({ a: { x: 0, y: 0 }, b: { x: 200, y: 0 }, c: { x: 400, y: 0 } });
    expect(problems).toEqual([]);
    // As many keys as hosts is not enough: each must be a host's.
    const other = read(
      textOf((json) => {
        json.layout = { c: { x: 400, y: 0 }, a: { x: 0, y: 0 }, z: { x: 200, y: 0 } };
      }),
    );
    expect(Object.keys(other.document.layout)).toEqual(['a', 'b', 'c']);
    expect(other.document.layout).not.toHaveProperty('z');
  });

  it('keeps a layout in host order with a -0 out: JSON has no -0 to keep', () => {
    const { document } = read(textOf(() => undefined).replace('"x":0', '"x":-0'));
    expect(Object.is(document.layout.a!.x, 0)).toBe(true);
  });
});

describe('fields in another order', () => {
  it('are written back in the order restore makes them', () => {
    const { document } = read(
      textOf((json) => {
        json.links = [{ target: 'b', source: 'a', id: 'l1' }];
        json.layout = { a: { y: 1, x: 2 }, b: { x: 3, y: 4 }, c: { x: 5, y: 6 } };
      }),
    );
    expect(Object.keys(document.links[0]!)).toEqual(['id', 'source', 'target']);
    expect(Object.keys(document.layout.a!)).toEqual(['x', 'y']);
    expect(document.layout.a).toEqual({ x: 2, y: 1 });
  });
});
