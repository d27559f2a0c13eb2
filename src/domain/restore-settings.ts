/** Restore of the site settings and of the canvas layout. */

import type { Catalogue, EditionId } from './catalogue-types';
import { COORDINATE_LIMIT, type Host, type Position, type Settings } from './document';
import { BASE_EDITION, EDITIONS, isEditionId, loadEdition } from './editions';
import { type Message, message, settingParam } from './message';
import { describe, hasFieldsInOrder, isObject, type Json, own, readPort, readRange } from './restore-values';
import { checkWsusPair, defaultSettings } from './settings';

/**
 * Reads the edition the settings name and gives its catalogue: a missing edition is `2018-de`
 * (written before editions existed), an unknown one becomes `2018-de` with a report line.
 *
 * @param value - the `settings` object as read (anything)
 * @param given - the caller's catalogue; returned when it is that edition (tests hand in their own)
 * @param problems - report lines are appended here
 * @returns the catalogue of the edition in force for the document
 * @example restoreEdition({ edition: '2031' }, catalogue, problems).edition.id // '2018-de', one report line
 */
export function restoreEdition(value: unknown, given: Catalogue, problems: Message[]): Catalogue {
  const raw = isObject(value) ? own(value, 'edition') : undefined;
  let edition: EditionId = BASE_EDITION;
  if (isEditionId(raw)) edition = raw;
  else if (raw !== undefined) {
    const known = EDITIONS.map((e) => e.id).join(', ');
    problems.push(
      message('restore:settings.unknownEdition', { value: describe(raw), used: BASE_EDITION, known }),
    );
  }
  return given.edition.id === edition ? given : loadEdition(edition);
}

/**
 * Restores the site settings of one edition: every port, range and flag the edition knows is
 * validated and replaced by its default with a report line when unusable; unknown keys are ignored.
 *
 * @param value - the `settings` object as read (already within the caps of limits.ts)
 * @param catalogue - the catalogue of the document's edition (see {@link restoreEdition})
 * @param problems - report lines are appended here
 * @returns complete settings naming the catalogue's edition
 * @example restoreSettings({ ports: { clientHttp: 8080 } }, catalogue, []).ports.clientHttp // 8080
 */
export function restoreSettings(value: unknown, catalogue: Catalogue, problems: Message[]): Settings {
  const defaults = defaultSettings(catalogue);
  if (value === undefined) return defaults;
  if (!isObject(value)) {
    problems.push(message('restore:settings.notObject'));
    return defaults;
  }
  const ports: Record<string, number> = { ...defaults.ports };
  const rawPorts = own(value, 'ports');
  if (isObject(rawPorts)) {
    for (const def of catalogue.portSettings) {
      const v = own(rawPorts, def.key);
      if (v === undefined) continue;
      const port = readPort(v);
      if (port.ok) ports[def.key] = port.value;
      else {
        const params = {
          setting: settingParam(def.key),
          problem: { message: port.error },
          value: String(def.default),
        };
        problems.push(message('restore:settings.portDefault', params));
      }
    }
  }
  const wsusProblem = checkWsusPair(ports.wsusHttp ?? 0, ports.wsusHttps ?? 0);
  if (wsusProblem) {
    problems.push(message('restore:settings.wsusDefaults', { problem: { message: wsusProblem } }));
    ports.wsusHttp = defaults.ports.wsusHttp ?? 8530;
    ports.wsusHttps = defaults.ports.wsusHttps ?? 8531;
  }
  const ranges = { ...defaults.ranges };
  const rawRanges = own(value, 'ranges');
  if (isObject(rawRanges)) {
    for (const def of catalogue.rangeSettings) {
      const v = own(rawRanges, def.key);
      if (v === undefined) continue;
      const range = readRange(v);
      if (range.ok) ranges[def.key] = range.value;
      else
        problems.push(
          message('restore:settings.rangeDefault', {
            setting: settingParam(def.key),
            problem: { message: range.error },
          }),
        );
    }
  }
  const flags = { ...defaults.flags };
  const rawFlags = own(value, 'flags');
  if (isObject(rawFlags)) {
    for (const def of catalogue.flagSettings) {
      const v = own(rawFlags, def.key);
      if (typeof v === 'boolean') flags[def.key] = v;
      else if (v !== undefined)
        problems.push(message('restore:settings.flagDefault', { setting: settingParam(def.key) }));
    }
  }
  const known = new Set(catalogue.supplementaryLists.map((l) => l.id));
  const supplementary = new Set<string>();
  const rawLists = own(value, 'supplementary');
  if (Array.isArray(rawLists)) {
    for (const id of rawLists) {
      if (typeof id === 'string' && known.has(id)) supplementary.add(id);
      else problems.push(message('restore:settings.unknownList', { value: describe(id) }));
    }
  }
  return { edition: catalogue.edition.id, ports, ranges, flags, supplementary: [...supplementary] };
}

function coordinate(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  // `+ 0` turns -0 into 0: JSON writes -0 as 0, so a saved and reopened document stays equal.
  return Math.max(-COORDINATE_LIMIT, Math.min(COORDINATE_LIMIT, value)) + 0;
}

/**
 * Where restore puts the host at `index` that came without a usable position: a grid of 8 columns,
 * 200 by 160 pixels. Tidy recognises a diagram placed this way and lays it out properly.
 *
 * @param index - the host's place in the document's host list
 * @example
 * gridSpot(9); // { x: 200, y: 160 }
 */
export function gridSpot(index: number): Position {
  return { x: (index % 8) * 200, y: Math.floor(index / 8) * 160 };
}

const POSITION_FIELDS = ['x', 'y'];

/**
 * Whether restore keeps `n` as it is as a coordinate: a finite number within the canvas, not -0.
 *
 * @example isRestoredCoordinate(-0) // false: restore makes it 0
 */
export const isRestoredCoordinate = (n: unknown): n is number =>
  typeof n === 'number' && Object.is(coordinate(n), n);

/** A position exactly as restore makes it: x then y, numbers within the limits, no -0, nothing else. */
function isRestoredPosition(p: unknown): boolean {
  if (!isObject(p) || !hasFieldsInOrder(p, POSITION_FIELDS)) return false;
  const x = own(p, 'x');
  const y = own(p, 'y');
  return isRestoredCoordinate(x) && isRestoredCoordinate(y);
}

/**
 * Whether a parsed layout is already what restore would make of it: one restored position per
 * host and nothing else; then it is kept as it is (a 100,000-key object not copied). Its keys may
 * come in another order than the hosts (a layout keeps the order hosts were placed in): as many
 * keys as hosts, each a host's id, is each host once.
 */
function asRestored(
  raw: Json,
  hosts: readonly Host[],
  ids: ReadonlyMap<string, number> | undefined,
): boolean {
  const keys = Object.keys(raw);
  if (keys.length !== hosts.length) return false;
  for (let i = 0; i < keys.length; i += 1) {
    const id = keys[i]!;
    if (id !== hosts[i]!.id && ids?.has(id) !== true) return false;
    if (!isRestoredPosition(raw[id])) return false;
  }
  return true;
}

/**
 * Restores the canvas layout: one position per host; missing or unusable ones go on a grid,
 * out-of-range ones are clamped to ±`COORDINATE_LIMIT`, with one report line for all.
 *
 * @param value - the `layout` object as read
 * @param hosts - the restored hosts, in order
 * @param problems - report lines are appended here
 * @param reuse - keep `value` itself when it is already as restored: only for a layout nobody else
 *   holds (just parsed)
 * @param ids - the hosts' ids (to their places), when the caller has them: a kept layout may then
 *   list its hosts in another order
 * @returns a position for every host id
 * @example restoreLayout({ a: { x: 1e12, y: 0 } }, [host], []) // { a: { x: 1000000, y: 0 } }
 */
export function restoreLayout(
  value: unknown,
  hosts: readonly Host[],
  problems: Message[],
  reuse = false,
  ids?: ReadonlyMap<string, number>,
): Record<string, Position> {
  const raw = isObject(value) ? value : {};
  if (reuse && asRestored(raw, hosts, ids)) return raw as Record<string, Position>;
  const layout: Record<string, Position> = {};
  let fixed = 0;
  for (let index = 0; index < hosts.length; index += 1) {
    const id = hosts[index]!.id;
    // One lookup: a parsed layout inherits only functions, which are not positions.
    const found = reuse ? raw[id] : undefined;
    if (isRestoredPosition(found)) {
      layout[id] = found as Position;
      continue;
    }
    const p = own(raw, id);
    const x = isObject(p) ? coordinate(own(p, 'x')) : undefined;
    const y = isObject(p) ? coordinate(own(p, 'y')) : undefined;
    if (x === undefined || y === undefined) {
      if (p !== undefined) fixed += 1;
      layout[id] = gridSpot(index);
    } else {
      if (x !== own(p as Json, 'x') || y !== own(p as Json, 'y')) fixed += 1;
      layout[id] = { x, y };
    }
  }
  if (fixed > 0) problems.push(message('restore:layout.positions', { count: fixed }));
  return layout;
}
