/**
 * The restore fuzzer, shared by tests/domain/restore-fuzz.test.ts (a few thousand cases in CI)
 * and scripts/fuzz.ts (`npm run fuzz`, 100,000 by default). Cases start from the example
 * documents and apply a few mutations each; a share are random JSON values or random text.
 */

import allSections from '@data/examples/all-sections.json';
import hierarchy from '@data/examples/hierarchy.json';
import standalone from '@data/examples/standalone-primary.json';
import fc from 'fast-check';
import { catalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import { MAX_STRING_LENGTH } from '@/domain/limits';
import {
  isRestoreFailure,
  type RestoreResult,
  readDocumentText,
  restoreDocument,
  serializeDocument,
} from '@/domain/restore';
import { english } from '../support/words';

/**
 * Past this, a single restore (and its re-read) counts as a hang: a guard against runaway work
 * (a case is a few kB and takes milliseconds), set far above what GC pauses on a busy two-core
 * machine cost. Speed itself is the benchmark's business, not this test's.
 */
export const CASE_TIME_LIMIT_MS = 10_000;

const SEEDS = [standalone, hierarchy, allSections].map((seed) => JSON.stringify(seed));

/** Keys that are `Object.prototype` members or that pollute prototypes when assigned naively. */
const PROTO_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
];

type Mutation =
  | { readonly kind: 'drop' | 'duplicate'; readonly at: number }
  | { readonly kind: 'retype'; readonly at: number; readonly value: number }
  | { readonly kind: 'deep'; readonly at: number; readonly depth: number; readonly asObject: boolean }
  | { readonly kind: 'huge'; readonly at: number; readonly size: number }
  | { readonly kind: 'protoKey'; readonly at: number; readonly name: number; readonly value: number }
  | { readonly kind: 'protoId'; readonly at: number; readonly name: number }
  | { readonly kind: 'link'; readonly from: number; readonly to: number; readonly shape: number }
  | { readonly kind: 'zones'; readonly count: number; readonly seed: number }
  | { readonly kind: 'version'; readonly value: number };

export type FuzzCase =
  | {
      readonly kind: 'mutated';
      readonly seed: number;
      readonly mutations: readonly Mutation[];
      readonly asText: boolean;
    }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'text'; readonly text: string };

/** Values that a retyped field or an added key gets; some are not JSON (they reach restore from code). */
function nasty(pick: number): unknown {
  const values: (() => unknown)[] = [
    () => null,
    () => undefined,
    () => Number.NaN,
    () => Number.POSITIVE_INFINITY,
    () => -0,
    () => Number.MAX_VALUE,
    () => 1e21,
    () => -1,
    () => 65536,
    () => 80.5,
    () => '',
    () => '   ',
    () => 'toString',
    () => '=cmd|" /C calc"!A0',
    () => '\u202Eevil\u200B😀',
    () => true,
    () => [],
    () => [null, 1, 'a'],
    () => ({}),
    () => ({ toString: null }),
    () => ({ toString: 0, valueOf: 0 }),
    () => ({
      toString() {
        throw new Error('hostile toString');
      },
      valueOf() {
        throw new Error('hostile valueOf');
      },
    }),
    () => ({
      [Symbol.toPrimitive]() {
        throw new Error('hostile toPrimitive');
      },
    }),
    () => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
    () => Object.create(null),
    () => 12345678901234567890n,
    () => Symbol('s'),
    () => () => 'function',
  ];
  return (values[pick % values.length] as () => unknown)();
}

/** Every container and value path in a document, found without recursion. */
function paths(root: unknown): { parent: object; key: string | number }[] {
  const out: { parent: object; key: string | number }[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0 && out.length < 50_000) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    const keys: (string | number)[] = Array.isArray(value)
      ? Array.from({ length: value.length }, (_, i) => i)
      : Object.keys(value);
    for (const key of keys) {
      out.push({ parent: value, key });
      stack.push((value as Record<string | number, unknown>)[key]);
    }
  }
  return out;
}

/** Removes one item without Array methods that go through the array's own `constructor`. */
function removeAt(list: unknown[], at: number): void {
  for (let i = at; i < list.length - 1; i += 1) list[i] = list[i + 1];
  list.length -= 1;
}

function put(parent: object, key: string | number, value: unknown): void {
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A small deterministic generator for bulk data (thousands of zones) inside one case. */
function lcg(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
}

function manyZones(count: number, seed: number): unknown[] {
  const next = lcg(seed);
  return Array.from({ length: count }, (_, i) => {
    const r = next() % 10;
    // Mostly long chains, with rings, self parents, missing parents and repeated ids mixed in.
    const parent =
      r < 5
        ? `z${i + 1}`
        : r < 7
          ? `z${next() % count}`
          : r === 7
            ? `z${i}`
            : r === 8
              ? 'nowhere'
              : undefined;
    return { id: next() % 50 === 0 ? 'z0' : `z${i}`, name: `Zone ${i}`, ...(parent ? { parent } : {}) };
  });
}

function mutate(doc: Record<string, unknown>, mutation: Mutation): void {
  if (mutation.kind === 'version') {
    doc.version = [1, 2, 999, 0, -1, 1.5, '2', Number.NaN, null][mutation.value % 9];
    return;
  }
  if (mutation.kind === 'zones') {
    doc.zones = manyZones(mutation.count, mutation.seed);
    return;
  }
  if (mutation.kind === 'link') {
    const hosts = Array.isArray(doc.hosts) ? doc.hosts : [];
    const idOf = (n: number) => {
      const host = hosts[n % Math.max(1, hosts.length)] as { id?: unknown } | undefined;
      return typeof host?.id === 'string' ? host.id : 'ghost';
    };
    const source = idOf(mutation.from);
    const target = [idOf(mutation.to), source, 'ghost', nasty(mutation.to)][mutation.shape % 4];
    if (!Array.isArray(doc.links)) doc.links = [];
    (doc.links as unknown[]).push({
      id: mutation.shape % 3 === 0 ? 'l1' : `x${mutation.from}`,
      source,
      target,
    });
    return;
  }
  const all = paths(doc);
  const target = all[mutation.at % Math.max(1, all.length)];
  if (!target) return;
  const { parent, key } = target;
  const current = (parent as Record<string | number, unknown>)[key];
  switch (mutation.kind) {
    case 'drop':
      // Not splice: an earlier protoKey mutation may have given this array an own `constructor`,
      // and splice builds its result through constructor[Symbol.species].
      if (Array.isArray(parent)) removeAt(parent, key as number);
      else delete (parent as Record<string, unknown>)[key];
      return;
    case 'duplicate':
      if (Array.isArray(parent)) parent.push(current);
      else put(parent, `${key}-copy`, current);
      return;
    case 'retype':
      put(parent, key, nasty(mutation.value));
      return;
    case 'deep': {
      let value: unknown = current;
      for (let i = 0; i < mutation.depth; i += 1) value = mutation.asObject ? { id: value } : [value];
      put(parent, key, value);
      return;
    }
    case 'huge':
      put(parent, key, 'x'.repeat(mutation.size));
      return;
    case 'protoKey': {
      const holder = typeof current === 'object' && current !== null ? current : parent;
      put(holder, PROTO_NAMES[mutation.name % PROTO_NAMES.length] as string, nasty(mutation.value));
      return;
    }
    case 'protoId': {
      // Renames an id-like value and keeps links and layout pointing at it, so the name is used.
      const name = PROTO_NAMES[mutation.name % PROTO_NAMES.length] as string;
      if (typeof current !== 'string') return;
      for (const p of paths(doc)) {
        const v = (p.parent as Record<string | number, unknown>)[p.key];
        if (v === current) put(p.parent, p.key, name);
        if (p.key === current && !Array.isArray(p.parent)) put(p.parent, name, v);
      }
    }
  }
}

const at = fc.nat({ max: 1_000_000 });
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constantFrom('drop' as const, 'duplicate' as const), at }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('retype' as const), at, value: fc.nat() }), weight: 8 },
  {
    arbitrary: fc.record({
      kind: fc.constant('deep' as const),
      at,
      depth: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1000, max: 100_000 })),
      asObject: fc.boolean(),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('huge' as const),
      at,
      size: fc.constantFrom(10_001, 100_000, MAX_STRING_LENGTH + 1),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('protoKey' as const), at, name: fc.nat(), value: fc.nat() }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('protoId' as const), at, name: fc.nat() }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('link' as const),
      from: fc.nat(),
      to: fc.nat(),
      shape: fc.nat(),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('zones' as const),
      count: fc.integer({ min: 1000, max: 5000 }),
      seed: fc.nat(),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('version' as const), value: fc.nat() }), weight: 1 },
);

/** Every kind of case, weighted towards mutated examples. */
export const fuzzCaseArb: fc.Arbitrary<FuzzCase> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('mutated' as const),
      seed: fc.nat({ max: SEEDS.length - 1 }),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
      asText: fc.boolean(),
    }),
    weight: 16,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue({ maxDepth: 6 }) }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      text: fc.oneof(
        fc.string(),
        fc.json().map((json) => `{"format":"cm-port-planner","version":2,"hosts":${json}}`),
        fc.nat().map((cut) => (SEEDS[cut % SEEDS.length] as string).slice(0, cut % 4000)),
      ),
    }),
    weight: 2,
  },
);

/** The input a case hands to restore: a value, or text for `readDocumentText`. */
export function buildInput(c: FuzzCase): { value: unknown } | { text: string } {
  if (c.kind === 'json') return { value: c.value };
  if (c.kind === 'text') return { text: c.text };
  const doc = JSON.parse(SEEDS[c.seed] as string) as Record<string, unknown>;
  for (const mutation of c.mutations) mutate(doc, mutation);
  if (c.asText) {
    try {
      // Not every mutated value has JSON text (BigInt, very deep nesting); those stay values.
      return { text: JSON.stringify(doc) ?? '' };
    } catch {
      return { value: doc };
    }
  }
  return { value: doc };
}

export type Outcome = 'ok' | 'refused' | 'throw' | 'hang' | 'invariant';

const prototypeKeys = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Reflect.ownKeys(p).length)
    .join(',');
const cleanPrototypes = prototypeKeys();

/** Why a restored document breaks an invariant, or undefined when it keeps them all. */
export function brokenInvariant(document: TopologyDocument): string | undefined {
  const hostIds = new Set(document.hosts.map((h) => h.id));
  if (hostIds.size !== document.hosts.length) return 'host ids repeat';
  const zoneIds = new Set(document.zones.map((z) => z.id));
  if (zoneIds.size !== document.zones.length) return 'zone ids repeat';
  if (new Set(document.links.map((l) => l.id)).size !== document.links.length) return 'link ids repeat';
  const pairs = new Set<string>();
  for (const link of document.links) {
    if (!hostIds.has(link.source) || !hostIds.has(link.target)) return `link ${link.id} points at no host`;
    if (link.source === link.target) return `link ${link.id} is a self link`;
    const pair = [link.source, link.target].sort().join('\u0000');
    if (pairs.has(pair)) return `link ${link.id} repeats a pair`;
    pairs.add(pair);
  }
  for (const host of document.hosts) {
    if (host.zone !== undefined && !zoneIds.has(host.zone)) return `host ${host.id} is in no zone`;
    const p = Object.hasOwn(document.layout, host.id) ? document.layout[host.id] : undefined;
    if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return `host ${host.id} has no position`;
  }
  if (Object.keys(document.layout).length !== document.hosts.length) return 'layout holds non-hosts';
  const parent = new Map(document.zones.map((z) => [z.id, z.parent]));
  const done = new Set<string>();
  for (const zone of document.zones) {
    const walk: string[] = [];
    for (let id: string | undefined = zone.id; id !== undefined && !done.has(id); id = parent.get(id)) {
      if (!zoneIds.has(id)) return `zone ${zone.id} has a missing parent`;
      if (walk.length > document.zones.length) return `zone ${zone.id} is on a parent cycle`;
      walk.push(id);
    }
    for (const id of walk) done.add(id);
  }
  if (prototypeKeys() !== cleanPrototypes || ({} as Record<string, unknown>).polluted !== undefined) {
    return 'a prototype was polluted';
  }
  return undefined;
}

function restoreInput(input: { value: unknown } | { text: string }): RestoreResult {
  return 'text' in input ? readDocumentText(input.text, catalogue) : restoreDocument(input.value, catalogue);
}

/**
 * Runs one case: restore, check the invariants, save, restore the saved text and compare.
 *
 * @returns the outcome and, for failures, a short reason
 */
export function runCase(c: FuzzCase): { outcome: Outcome; detail?: string; ms: number } {
  const input = buildInput(c);
  const started = performance.now();
  let outcome: Outcome = 'ok';
  let detail: string | undefined;
  try {
    const first = restoreInput(input);
    if (!first.ok) {
      outcome = isRestoreFailure(first.error) ? 'throw' : 'refused';
      detail = english(first.error);
    } else {
      detail = brokenInvariant(first.document);
      const saved = serializeDocument(first.document);
      const again = readDocumentText(saved, catalogue);
      if (!detail && !again.ok) detail = `the saved document is refused: ${english(again.error)}`;
      if (!detail && again.ok && serializeDocument(again.document) !== saved)
        detail = 'reopening changes the document';
      // An unknown role is kept on purpose (it yields no flows), so reopening reports it again.
      const news = again.ok ? again.problems.filter((p) => p.key !== 'restore:host.unknownRole') : [];
      if (!detail && news[0]) detail = `reopening reports: ${english(news[0])}`;
      if (detail) outcome = 'invariant';
    }
  } catch (error) {
    outcome = 'throw';
    detail = error instanceof Error ? error.message : 'a non-error was thrown';
  }
  const ms = performance.now() - started;
  if (outcome !== 'throw' && outcome !== 'invariant' && ms > CASE_TIME_LIMIT_MS) {
    return { outcome: 'hang', detail: `${Math.round(ms)} ms`, ms };
  }
  return detail === undefined ? { outcome, ms } : { outcome, detail, ms };
}
