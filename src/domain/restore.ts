import type { Catalogue } from './catalogue-types';
import {
  COORDINATE_LIMIT,
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  type Host,
  type HostOptions,
  type Link,
  type Position,
  type Settings,
  type SiteType,
  TEXT_LIMIT,
  type TopologyDocument,
  type Zone,
} from './document';
import { checkIp } from './ip';
import { migrations } from './migrations';
import { checkWsusPair, defaultSettings, parsePort, parseRange } from './settings';

/** Largest file the app or the CLI reads. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type RestoreResult =
  | {
      readonly ok: true;
      readonly document: TopologyDocument;
      /** What was repaired or dropped, in plain words; empty when the input was clean. */
      readonly problems: readonly string[];
      /** The version the input had, when it was migrated. */
      readonly migratedFrom?: number;
    }
  | { readonly ok: false; readonly error: string };

type Json = Record<string, unknown>;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const SITE_TYPES: readonly SiteType[] = ['cas', 'primary', 'secondary'];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(obj: Json, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function text(value: unknown, what: string, problems: string[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.push(`${what} is not text and was dropped`);
    return undefined;
  }
  if (value.length > TEXT_LIMIT) {
    problems.push(`${what} is longer than ${TEXT_LIMIT} characters and was cut`);
    return value.slice(0, TEXT_LIMIT);
  }
  return value;
}

function restoreOptions(value: unknown, what: string, problems: string[]): HostOptions {
  if (value === undefined) return {};
  if (!isObject(value)) {
    problems.push(`${what}: options are not an object and were reset`);
    return {};
  }
  const options: { -readonly [K in keyof HostOptions]: HostOptions[K] } = {};
  for (const flag of ['pxe', 'multicast', 'siteServerInitiates'] as const) {
    const v = own(value, flag);
    if (v === undefined) continue;
    if (typeof v === 'boolean') options[flag] = v;
    else problems.push(`${what}: option ${flag} is not true/false and was dropped`);
  }
  const siteType = own(value, 'siteType');
  if (siteType !== undefined) {
    if (SITE_TYPES.includes(siteType as SiteType)) options.siteType = siteType as SiteType;
    else problems.push(`${what}: site type ${JSON.stringify(siteType)} is not cas, primary or secondary`);
  }
  const parentSite = text(own(value, 'parentSite'), `${what}: parent site`, problems);
  if (parentSite) options.parentSite = parentSite;
  const http = own(value, 'wsusHttp');
  const https = own(value, 'wsusHttps');
  if (http !== undefined || https !== undefined) {
    const h = parsePort(http);
    const s = parsePort(https);
    const pairProblem = h.ok && s.ok ? checkWsusPair(h.value, s.value) : 'both ports are needed';
    if (h.ok && s.ok && !pairProblem) {
      options.wsusHttp = h.value;
      options.wsusHttps = s.value;
    } else {
      problems.push(`${what}: WSUS ports dropped (${!h.ok ? h.error : !s.ok ? s.error : pairProblem})`);
    }
  }
  return options;
}

function restoreHosts(raw: unknown[], catalogue: Catalogue, problems: string[]): Host[] | string {
  const hosts: Host[] = [];
  const counts = new Map<string, number>();
  raw.forEach((item, index) => {
    if (!isObject(item)) {
      problems.push(`Host #${index + 1} is not an object and was dropped`);
      return;
    }
    const id = own(item, 'id');
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
      problems.push(`Host #${index + 1} has no usable id (${JSON.stringify(id)}) and was dropped`);
      return;
    }
    counts.set(id, (counts.get(id) ?? 0) + 1);
    const nameValue = text(own(item, 'name'), `Host ${id}: name`, problems);
    const name = nameValue && nameValue.trim() !== '' ? nameValue : id;
    const what = `Host "${name}"`;
    const rawRoles = own(item, 'roles');
    const roles: string[] = [];
    if (Array.isArray(rawRoles)) {
      for (const role of rawRoles) {
        if (typeof role !== 'string') {
          problems.push(`${what}: a role that is not text was dropped`);
        } else if (!roles.includes(role)) {
          roles.push(role);
          if (!catalogue.roleById.has(role)) {
            problems.push(`${what}: unknown role "${role}" kept; it yields no flows`);
          }
        }
      }
    } else if (rawRoles !== undefined) {
      problems.push(`${what}: roles are not a list and were dropped`);
    }
    const host: { -readonly [K in keyof Host]: Host[K] } = {
      id,
      name,
      roles,
      options: restoreOptions(own(item, 'options'), what, problems),
    };
    const fqdn = text(own(item, 'fqdn'), `${what}: FQDN`, problems);
    if (fqdn) host.fqdn = fqdn;
    const ip = text(own(item, 'ip'), `${what}: IP`, problems);
    if (ip) {
      const ipProblem = checkIp(ip);
      if (ipProblem) problems.push(`${what}: IP dropped, ${ipProblem}`);
      else host.ip = ip.trim();
    }
    const site = text(own(item, 'site'), `${what}: site code`, problems);
    if (site) host.site = site;
    const zone = text(own(item, 'zone'), `${what}: zone`, problems);
    if (zone) host.zone = zone;
    const notes = text(own(item, 'notes'), `${what}: notes`, problems);
    if (notes) host.notes = notes;
    hosts.push(host);
  });
  const duplicates = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  if (duplicates.length > 0) return `Duplicate host ids: ${duplicates.join(', ')}`;
  return hosts;
}

function restoreLinks(raw: unknown[], hostIds: ReadonlySet<string>, problems: string[]): Link[] {
  const links: Link[] = [];
  const ids = new Set<string>();
  const pairs = new Set<string>();
  raw.forEach((item, index) => {
    if (!isObject(item)) {
      problems.push(`Link #${index + 1} is not an object and was dropped`);
      return;
    }
    const source = own(item, 'source');
    const target = own(item, 'target');
    const label = `Link #${index + 1} (${String(source)} – ${String(target)})`;
    if (
      typeof source !== 'string' ||
      typeof target !== 'string' ||
      !hostIds.has(source) ||
      !hostIds.has(target)
    ) {
      problems.push(`${label} points to a missing host and was dropped`);
      return;
    }
    if (source === target) {
      problems.push(`${label} joins a host to itself and was dropped`);
      return;
    }
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    if (pairs.has(pair)) {
      problems.push(`${label} repeats an existing link and was dropped`);
      return;
    }
    let id = own(item, 'id');
    if (typeof id !== 'string' || !ID_PATTERN.test(id) || ids.has(id)) {
      let n = links.length + 1;
      while (ids.has(`l${n}`)) n += 1;
      if (id !== undefined) problems.push(`${label}: id ${JSON.stringify(id)} unusable, renamed l${n}`);
      id = `l${n}`;
    }
    pairs.add(pair);
    ids.add(id as string);
    const link: { -readonly [K in keyof Link]: Link[K] } = { id: id as string, source, target };
    const text_ = text(own(item, 'label'), `${label}: label`, problems);
    if (text_) link.label = text_;
    links.push(link);
  });
  return links;
}

function restoreZones(raw: unknown[], problems: string[]): Zone[] {
  const zones: { id: string; name: string; parent?: string }[] = [];
  const ids = new Set<string>();
  raw.forEach((item, index) => {
    const id = isObject(item) ? own(item, 'id') : undefined;
    if (!isObject(item) || typeof id !== 'string' || !ID_PATTERN.test(id) || ids.has(id)) {
      problems.push(`Zone #${index + 1} has no usable or unique id and was dropped`);
      return;
    }
    ids.add(id);
    const name = text(own(item, 'name'), `Zone ${id}: name`, problems) || id;
    const parent = own(item, 'parent');
    zones.push(typeof parent === 'string' ? { id, name, parent } : { id, name });
  });
  const byId = new Map(zones.map((z) => [z.id, z]));
  for (const zone of zones) {
    if (zone.parent !== undefined && !byId.has(zone.parent)) {
      problems.push(`Zone "${zone.name}": parent ${zone.parent} does not exist and was removed`);
      delete zone.parent;
    }
  }
  for (const zone of zones) {
    const seen = new Set<string>([zone.id]);
    let current = zone.parent ? byId.get(zone.parent) : undefined;
    while (current) {
      if (seen.has(current.id)) {
        problems.push(`Zone "${zone.name}": parent cycle broken`);
        delete zone.parent;
        break;
      }
      seen.add(current.id);
      current = current.parent ? byId.get(current.parent) : undefined;
    }
  }
  return zones;
}

function restoreSettings(value: unknown, catalogue: Catalogue, problems: string[]): Settings {
  const defaults = defaultSettings(catalogue);
  if (value === undefined) return defaults;
  if (!isObject(value)) {
    problems.push('Site settings are not an object; defaults used');
    return defaults;
  }
  const ports: Record<string, number> = { ...defaults.ports };
  const rawPorts = own(value, 'ports');
  if (isObject(rawPorts)) {
    for (const def of catalogue.portSettings) {
      const v = own(rawPorts, def.key);
      if (v === undefined) continue;
      const port = parsePort(v);
      if (port.ok) ports[def.key] = port.value;
      else problems.push(`Setting "${def.label}": ${port.error}; default ${def.default} used`);
    }
  }
  const wsusProblem = checkWsusPair(ports.wsusHttp ?? 0, ports.wsusHttps ?? 0);
  if (wsusProblem) {
    problems.push(`Settings: ${wsusProblem}; WSUS defaults used`);
    ports.wsusHttp = defaults.ports.wsusHttp ?? 8530;
    ports.wsusHttps = defaults.ports.wsusHttps ?? 8531;
  }
  const ranges = { ...defaults.ranges };
  const rawRanges = own(value, 'ranges');
  if (isObject(rawRanges)) {
    for (const def of catalogue.rangeSettings) {
      const v = own(rawRanges, def.key);
      if (v === undefined) continue;
      const range = parseRange(v);
      if (range.ok) ranges[def.key] = range.value;
      else problems.push(`Setting "${def.label}": ${range.error}; default used`);
    }
  }
  const flags = { ...defaults.flags };
  const rawFlags = own(value, 'flags');
  if (isObject(rawFlags)) {
    for (const def of catalogue.flagSettings) {
      const v = own(rawFlags, def.key);
      if (typeof v === 'boolean') flags[def.key] = v;
      else if (v !== undefined) problems.push(`Setting "${def.label}" is not true/false; default used`);
    }
  }
  const supplementary: string[] = [];
  const rawLists = own(value, 'supplementary');
  if (Array.isArray(rawLists)) {
    for (const id of rawLists) {
      if (typeof id === 'string' && catalogue.supplementaryLists.some((l) => l.id === id)) {
        if (!supplementary.includes(id)) supplementary.push(id);
      } else {
        problems.push(`Unknown supplementary port list ${JSON.stringify(id)} dropped`);
      }
    }
  }
  return { ports, ranges, flags, supplementary };
}

function coordinate(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.max(-COORDINATE_LIMIT, Math.min(COORDINATE_LIMIT, value));
}

function restoreLayout(value: unknown, hosts: readonly Host[], problems: string[]): Record<string, Position> {
  const raw = isObject(value) ? value : {};
  const layout: Record<string, Position> = {};
  let fixed = 0;
  hosts.forEach((host, index) => {
    const p = own(raw, host.id);
    const x = isObject(p) ? coordinate(own(p, 'x')) : undefined;
    const y = isObject(p) ? coordinate(own(p, 'y')) : undefined;
    if (x === undefined || y === undefined) {
      if (p !== undefined) fixed += 1;
      layout[host.id] = { x: (index % 8) * 200, y: Math.floor(index / 8) * 160 };
    } else {
      if (x !== own(p as Json, 'x') || y !== own(p as Json, 'y')) fixed += 1;
      layout[host.id] = { x, y };
    }
  });
  if (fixed > 0)
    problems.push(`${fixed} host position(s) were not usable numbers and were placed on a grid or clamped`);
  return layout;
}

/**
 * The single way into the app and the CLI for a document from anywhere (file, autosave,
 * template): checks it is ours, refuses newer versions, migrates older ones, validates every part,
 * repairs what is safe and reports what it dropped.
 */
export function restoreDocument(input: unknown, catalogue: Catalogue): RestoreResult {
  if (!isObject(input) || own(input, 'format') !== DOCUMENT_FORMAT) {
    return { ok: false, error: 'Not a topology file: it has no "format": "cm-port-planner" marker' };
  }
  const version = own(input, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `Not a topology file: version ${JSON.stringify(version)} is not a number` };
  }
  if (version > DOCUMENT_VERSION) {
    return {
      ok: false,
      error: `This file is version ${version}, written by a newer release; this app reads up to version ${DOCUMENT_VERSION}`,
    };
  }
  let doc: Json = input;
  for (const step of migrations) {
    if (step.from === (doc.version as number)) doc = step.up(doc);
  }
  if (doc.version !== DOCUMENT_VERSION) {
    return { ok: false, error: `No migration from version ${String(doc.version)} to ${DOCUMENT_VERSION}` };
  }
  const problems: string[] = [];
  const rawHosts = own(doc, 'hosts');
  if (rawHosts !== undefined && !Array.isArray(rawHosts)) {
    return { ok: false, error: 'Not a topology file: "hosts" is not a list' };
  }
  const hosts = restoreHosts(rawHosts ?? [], catalogue, problems);
  if (typeof hosts === 'string') return { ok: false, error: hosts };
  const rawZones = own(doc, 'zones');
  const zones = restoreZones(Array.isArray(rawZones) ? rawZones : [], problems);
  const zoneIds = new Set(zones.map((z) => z.id));
  const checkedHosts = hosts.map((host) => {
    if (host.zone === undefined || zoneIds.has(host.zone)) return host;
    problems.push(`Host "${host.name}": zone ${host.zone} does not exist and was removed`);
    const { zone: _zone, ...rest } = host;
    return rest;
  });
  const rawLinks = own(doc, 'links');
  const links = restoreLinks(
    Array.isArray(rawLinks) ? rawLinks : [],
    new Set(hosts.map((h) => h.id)),
    problems,
  );
  const name = text(own(doc, 'name'), 'Document name', problems) || 'Untitled topology';
  const description = text(own(doc, 'description'), 'Document description', problems);
  const document: TopologyDocument = {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    name,
    ...(description ? { description } : {}),
    hosts: checkedHosts,
    links,
    zones,
    settings: restoreSettings(own(doc, 'settings'), catalogue, problems),
    layout: restoreLayout(own(doc, 'layout'), checkedHosts, problems),
  };
  return version < DOCUMENT_VERSION
    ? { ok: true, document, problems, migratedFrom: version }
    : { ok: true, document, problems };
}

/**
 * Reads a document from the text of a file: refuses empty and oversized text and anything that is
 * not JSON with a one-line reason, then restores it.
 */
export function readDocumentText(textInput: string, catalogue: Catalogue): RestoreResult {
  if (textInput.length > MAX_FILE_BYTES) {
    return { ok: false, error: `File is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB limit` };
  }
  if (textInput.trim() === '') return { ok: false, error: 'Not a topology file: the file is empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(textInput.charCodeAt(0) === 0xfeff ? textInput.slice(1) : textInput);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Not a topology file: not valid JSON (${reason})` };
  }
  return restoreDocument(parsed, catalogue);
}

/** A new, empty document with default settings. */
export function createEmptyDocument(catalogue: Catalogue, name = 'Untitled topology'): TopologyDocument {
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    name,
    hosts: [],
    links: [],
    zones: [],
    settings: defaultSettings(catalogue),
    layout: {},
  };
}

/** The JSON text a document is saved as. */
export function serializeDocument(document: TopologyDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
