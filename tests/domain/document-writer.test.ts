import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from '@/domain/default-catalogue';
import { documentText } from '@/domain/document-text';
import { createDocumentWriter } from '@/domain/document-writer';
import { syntheticHierarchy } from '../../bench/synthetic';

type Entry = Record<string, unknown>;
type Doc = { hosts: Entry[]; layout: Record<string, Entry>; name: unknown; settings: unknown };

/** One edit as the store makes them: new lists and maps, new objects for what changed, the rest kept. */
type Step =
  | { kind: 'change'; at: number; name: string }
  | { kind: 'add'; at: number; name: string }
  | { kind: 'remove'; at: number }
  | { kind: 'swap'; at: number }
  | { kind: 'move'; at: number; x: number }
  | { kind: 'share'; at: number }
  | { kind: 'drop'; at: number }
  | { kind: 'field'; value: unknown }
  | { kind: 'same' };

function apply(doc: Doc, step: Step): Doc {
  const hosts = doc.hosts;
  const keys = Object.keys(doc.layout);
  const pick = <T>(list: readonly T[], at: number) => list[at % Math.max(1, list.length)];
  switch (step.kind) {
    case 'change': {
      const i = step.at % Math.max(1, hosts.length);
      if (hosts.length === 0) return doc;
      return { ...doc, hosts: hosts.map((h, j) => (j === i ? { ...h, name: step.name } : h)) };
    }
    case 'add': {
      const id = `h${step.at}-${hosts.length}`;
      return {
        ...doc,
        hosts: [...hosts, { id, name: step.name }],
        layout: { ...doc.layout, [id]: { x: step.at, y: 0 } },
      };
    }
    case 'remove':
      return { ...doc, hosts: hosts.filter((_, j) => j !== step.at % Math.max(1, hosts.length)) };
    case 'swap': {
      if (hosts.length < 2) return doc;
      const i = step.at % hosts.length;
      const next = [...hosts];
      [next[0], next[i]] = [next[i]!, next[0]!];
      return { ...doc, hosts: next };
    }
    case 'move': {
      const key = pick(keys, step.at);
      return key === undefined ? doc : { ...doc, layout: { ...doc.layout, [key]: { x: step.x, y: 1 } } };
    }
    case 'share': {
      // One position object under two keys: each line must carry its own key.
      const [a, b] = [pick(keys, step.at), pick(keys, step.at + 1)];
      return a === undefined || b === undefined
        ? doc
        : { ...doc, layout: { ...doc.layout, [b]: doc.layout[a]! } };
    }
    case 'drop': {
      const key = pick(keys, step.at);
      if (key === undefined) return doc;
      const { [key]: _gone, ...rest } = doc.layout;
      return { ...doc, layout: rest };
    }
    case 'field':
      return { ...doc, settings: step.value };
    case 'same':
      return doc;
  }
}

const tricky = fc.string({ unit: fc.constantFrom('}', '{', ',', '"', ':', 'a', 'é'), maxLength: 6 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('change' as const), at: fc.nat(50), name: tricky }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(50), name: tricky }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(50) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(50) }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(50), x: fc.integer() }),
  fc.record({ kind: fc.constant('share' as const), at: fc.nat(50) }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(50) }),
  fc.record({
    kind: fc.constant('field' as const),
    value: fc.oneof(
      fc.jsonValue(),
      fc.constant(undefined),
      fc.dictionary(tricky, fc.dictionary(tricky, tricky)),
      fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.dictionary(tricky, tricky))),
      fc.dictionary(tricky, fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.dictionary(tricky, tricky))),
    ),
  }),
  fc.constant({ kind: 'same' as const }),
);

describe('createDocumentWriter: the saved text again after an edit', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes what documentText writes after every edit, whatever the edits', () => {
    const start = fc.array(fc.record({ id: fc.string({ maxLength: 4 }), name: tricky }), { maxLength: 8 });
    fc.assert(
      fc.property(start, fc.array(step, { maxLength: 25 }), (hosts, steps) => {
        const writer = createDocumentWriter();
        let doc: Doc = {
          hosts,
          layout: Object.fromEntries(hosts.map((h, i) => [h.id, { x: i, y: i }])),
          name: 'Lab',
          settings: {},
        };
        const same = (d: Doc) => {
          const text = documentText(d);
          expect(writer.text(d)).toBe(text);
          const { chars, parts } = writer.parts(d, 2);
          expect(parts.map((part) => part.text()).join('')).toBe(text);
          expect(chars).toBe(text.length);
          expect(parts.every((part) => part.chars === part.text().length)).toBe(true);
        };
        same(doc);
        for (const s of steps) {
          doc = apply(doc, s);
          // Lines made ahead, one slice at a time, change nothing of what is written.
          writer.warm(doc as unknown as Record<string, unknown>, () => false);
          same(doc);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('makes every entry’s line ahead, a slice per call, going on where it stopped', () => {
    const doc = syntheticHierarchy(600, catalogue, { zones: true }) as unknown as Record<string, unknown> & {
      hosts: Entry[];
      links: unknown[];
      layout: object;
    };
    const writer = createDocumentWriter();
    let calls = 1;
    let asked = 0;
    while (
      !writer.warm(doc, () => {
        asked += 1;
        return false;
      })
    )
      calls += 1;
    const entries = doc.hosts.length + doc.links.length + Object.keys(doc.layout).length;
    // One slice of 128 entries per call: the calls went through every entry once, not again.
    expect(calls).toBeGreaterThan(entries / 128 - 1);
    expect(calls).toBeLessThan(entries / 128 + 8);
    expect(asked).toBe(calls - 1);
    const stringify = vi.spyOn(JSON, 'stringify');
    const text = writer.text(doc);
    const kept = new Set<unknown>([...doc.hosts, ...doc.links, ...Object.values(doc.layout)]);
    const again = stringify.mock.calls.filter(([value]) => kept.has(value));
    stringify.mockRestore();
    expect(again).toEqual([]);
    expect(text).toBe(documentText(doc));
    // A new list starts over, and what is made already is passed over.
    const edited = { ...doc, hosts: [...doc.hosts, { id: 'new', name: 'NEW' }] };
    expect(writer.warm(edited, () => true)).toBe(true);
    expect(writer.text(edited)).toBe(documentText(edited));
  });

  it('writes an estate as documentText does, and after one edit writes only the changed entry again', () => {
    const doc = syntheticHierarchy(300, catalogue, { zones: true }) as unknown as Record<string, unknown> & {
      hosts: Entry[];
      links: unknown[];
      zones: unknown[];
      layout: object;
    };
    const writer = createDocumentWriter();
    expect(writer.text(doc)).toBe(documentText(doc));
    const edited = { ...doc, hosts: doc.hosts.map((h, i) => (i === 7 ? { ...h, name: 'renamed' } : h)) };
    const stringify = vi.spyOn(JSON, 'stringify');
    const text = writer.text(edited);
    const objects = stringify.mock.calls.filter(([value]) => typeof value === 'object' && value !== null);
    stringify.mockRestore();
    expect(text).toBe(documentText(edited));
    expect(text).toContain('"name":"renamed"');
    // The one new host: the other hosts, the links, zones, layout and settings are kept text.
    // The one new host, and the few small settings: no other host, no link, zone or position.
    const kept = new Set<unknown>([...doc.hosts, ...(doc.links as unknown[]), ...(doc.zones as unknown[])]);
    for (const position of Object.values(doc.layout as object)) kept.add(position);
    expect(objects.filter(([value]) => kept.has(value))).toEqual([]);
    expect(objects.filter(([value]) => value === edited.hosts[7])).toHaveLength(1);
    expect(objects.length).toBeLessThan(10);
  });

  describe('parts', () => {
    const estate = () =>
      syntheticHierarchy(300, catalogue, { zones: true }) as unknown as Record<string, unknown> & {
        hosts: Entry[];
      };
    const ids = (parts: { parts: readonly { id: string }[] }) => parts.parts.map((part) => part.id);
    const newIds = (before: string[], after: string[]) => after.filter((id) => !before.includes(id));

    it('names a part by its content: another writer names the same text the same, no two parts alike', () => {
      const doc = estate();
      const a = ids(createDocumentWriter().parts(doc, 16));
      expect(ids(createDocumentWriter().parts(doc, 16))).toEqual(a);
      expect(new Set(a).size).toBe(a.length);
      expect(a.length).toBeGreaterThan(50);
    });

    it('after a change, an insertion or a removal in the middle names at most two parts anew', () => {
      const doc = estate();
      const writer = createDocumentWriter();
      const before = ids(writer.parts(doc, 16));
      const changed = { ...doc, hosts: doc.hosts.map((h, i) => (i === 150 ? { ...h, name: 'renamed' } : h)) };
      const inserted = {
        ...doc,
        hosts: [...doc.hosts.slice(0, 150), { id: 'new' }, ...doc.hosts.slice(150)],
      };
      const removed = { ...doc, hosts: doc.hosts.filter((_, i) => i !== 150) };
      for (const edited of [changed, inserted, removed]) {
        const after = ids(writer.parts(edited, 16));
        expect(newIds(before, after).length).toBeGreaterThan(0);
        expect(newIds(before, after).length).toBeLessThanOrEqual(2);
        expect(newIds(after, before).length).toBeLessThanOrEqual(2);
      }
    });

    it('cuts about every `perPart` entries', () => {
      const doc = estate();
      const entries =
        doc.hosts.length + (doc.links as unknown[]).length + Object.keys(doc.layout as object).length;
      const count = createDocumentWriter().parts(doc, 64).parts.length;
      expect(count).toBeGreaterThan(entries / 64 / 3);
      expect(count).toBeLessThan((entries / 64) * 3);
    });
  });
});
