import type { Catalogue, PortRange } from './catalogue-types';
import type { Settings } from './document';
import { type Message, message } from './message';

/**
 * Site settings with every default of the catalogue, naming the catalogue's edition.
 *
 * @param catalogue - The catalogue whose edition, port, range and flag settings are used.
 * @returns Settings with each default and no supplementary list.
 * @example
 * defaultSettings(catalogue).ranges.rpcDynamic; // { from: 49152, to: 65535 }
 * defaultSettings(loadEdition('current')).edition; // 'current'
 */
export function defaultSettings(catalogue: Catalogue): Settings {
  return {
    edition: catalogue.edition.id,
    ports: Object.fromEntries(catalogue.portSettings.map((p) => [p.key, p.default])),
    ranges: Object.fromEntries(catalogue.rangeSettings.map((r) => [r.key, { ...r.default }])),
    flags: Object.fromEntries(catalogue.flagSettings.map((f) => [f.key, f.default])),
    supplementary: [],
  };
}

/** A value as checked: the value, or why it was refused (a message the UI and the CLI put into words). */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: Message };

/** A text the user typed, in the quotes of the reader's language. */
const typed = (text: string) => ({ message: message('restore:value.quoted', { text }) });

/**
 * Parses a port typed by a person: an integer from 1 to 65535, nothing else.
 *
 * @param input - A number or the text typed.
 * @returns The port, or the reason it was refused.
 * @example
 * parsePort(' 8080 '); // { ok: true, value: 8080 }
 * parsePort('80a'); // refused: '"80a" is not a whole port number (1–65535)'
 */
export function parsePort(input: unknown): Checked<number> {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
  if (!/^\d+$/.test(text))
    return { ok: false, error: message('restore:settings.notPort', { value: typed(String(input)) }) };
  const port = Number(text);
  // The port as digits: a port is never written with a thousands separator.
  if (port < 1 || port > 65535)
    return { ok: false, error: message('restore:settings.outsidePorts', { port: String(port) }) };
  return { ok: true, value: port };
}

/**
 * Parses a range typed as `low-high` (or given as `{ from, to }`): both valid ports and low ≤ high.
 *
 * @param input - The text typed, or an object with `from` and `to`.
 * @returns The range, or the reason it was refused (naming the end at fault).
 * @example
 * parseRange('49152-65535'); // { ok: true, value: { from: 49152, to: 65535 } }
 */
export function parseRange(input: unknown): Checked<PortRange> {
  let from: unknown;
  let to: unknown;
  if (typeof input === 'string') {
    const m = input.trim().match(/^(\S+)\s*[-–]\s*(\S+)$/);
    if (!m) return { ok: false, error: message('restore:settings.notRange', { value: typed(input) }) };
    from = m[1];
    to = m[2];
  } else if (input && typeof input === 'object') {
    from = (input as { from?: unknown }).from;
    to = (input as { to?: unknown }).to;
  } else {
    return { ok: false, error: message('restore:settings.rangeNeedsEnds') };
  }
  const lo = parsePort(from);
  if (!lo.ok)
    return { ok: false, error: message('restore:settings.lowEnd', { problem: { message: lo.error } }) };
  const hi = parsePort(to);
  if (!hi.ok)
    return { ok: false, error: message('restore:settings.highEnd', { problem: { message: hi.error } }) };
  if (lo.value > hi.value) {
    const ends = { low: String(lo.value), high: String(hi.value) };
    return { ok: false, error: message('restore:settings.lowAboveHigh', ends) };
  }
  return { ok: true, value: { from: lo.value, to: hi.value } };
}

/**
 * Checks the WSUS pair of note 3: HTTP 80 goes with HTTPS 443, and a custom HTTP port with a
 * custom HTTPS port.
 *
 * @param http - The WSUS HTTP port.
 * @param https - The WSUS HTTPS port.
 * @returns Undefined when the pair fits note 3, else the reason as a message.
 * @example
 * checkWsusPair(8530, 8531); // undefined
 * checkWsusPair(80, 8531); // { key: 'restore:settings.wsusHttp80' }: 'WSUS on HTTP 80 uses HTTPS 443 (note 3)'
 */
export function checkWsusPair(http: number, https: number): Message | undefined {
  if (http === https) return message('restore:settings.wsusSame');
  if (http === 80 && https !== 443) return message('restore:settings.wsusHttp80');
  if (http !== 80 && https === 443) return message('restore:settings.wsusCustom');
  return undefined;
}

/**
 * Sets one port setting after validation.
 *
 * @param settings - The current settings.
 * @param key - A key of the catalogue's port settings.
 * @param input - The port as typed.
 * @returns New settings, or the reason the value was refused (the settings are unchanged).
 * @example
 * withPort(settings, 'clientHttp', 8080); // { ok: true, value: { ...settings, ports: { ..., clientHttp: 8080 } } }
 */
export function withPort(settings: Settings, key: string, input: unknown): Checked<Settings> {
  return withPorts(settings, { [key]: input });
}

/**
 * Sets several port settings at once (the WSUS pair changes together); every value is validated
 * and the WSUS pair is checked against note 3. Nothing changes when one value is refused.
 *
 * @param settings - The current settings.
 * @param changes - New values by port setting key, as typed.
 * @returns New settings, or the first reason a value was refused.
 * @example
 * withPorts(settings, { wsusHttp: 80, wsusHttps: 443 }).ok; // true
 */
export function withPorts(settings: Settings, changes: Readonly<Record<string, unknown>>): Checked<Settings> {
  const ports: Record<string, number> = { ...settings.ports };
  for (const [key, input] of Object.entries(changes)) {
    if (!Object.hasOwn(settings.ports, key))
      return { ok: false, error: message('restore:settings.unknownPort', { key }) };
    const port = parsePort(input);
    if (!port.ok) return port;
    ports[key] = port.value;
  }
  if ('wsusHttp' in changes || 'wsusHttps' in changes) {
    const problem = checkWsusPair(ports.wsusHttp ?? 0, ports.wsusHttps ?? 0);
    if (problem) return { ok: false, error: problem };
  }
  return { ok: true, value: { ...settings, ports } };
}

/**
 * Sets one range setting after validation.
 *
 * @param settings - The current settings.
 * @param key - A key of the catalogue's range settings (`rpcDynamic`, `multicast`).
 * @param input - The range as typed (`low-high`) or `{ from, to }`.
 * @returns New settings, or the reason the value was refused.
 * @example
 * withRange(settings, 'rpcDynamic', '50000-51000').ok; // true
 */
export function withRange(settings: Settings, key: string, input: unknown): Checked<Settings> {
  if (!Object.hasOwn(settings.ranges, key))
    return { ok: false, error: message('restore:settings.unknownRange', { key }) };
  const range = parseRange(input);
  if (!range.ok) return range;
  return { ok: true, value: { ...settings, ranges: { ...settings.ranges, [key]: range.value } } };
}

/**
 * A range as text, the way a person types it back.
 *
 * @param range - A port range.
 * @returns `from-to`, or the one port when both ends are equal.
 * @example
 * formatRange({ from: 49152, to: 65535 }); // '49152-65535'
 * formatRange({ from: 80, to: 80 }); // '80'
 */
export function formatRange(range: PortRange): string {
  return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}

/**
 * The settings moved to another edition: values of settings both editions know are kept, settings
 * only the new edition has take their defaults, and those it retired are dropped (the engine reads
 * every key the edition's rules name). Supplementary lists the new edition lacks are dropped.
 *
 * @param settings - The document's settings.
 * @param to - The catalogue of the edition switched to.
 * @returns Settings naming `to`'s edition; the same object when nothing changes.
 * @example
 * settingsForEdition(defaultSettings(loadEdition('2018-de')), loadEdition('current')).ports.expressUpdates; // 8005
 */
export function settingsForEdition(settings: Settings, to: Catalogue): Settings {
  if (settings.edition === to.edition.id) return settings;
  const defaults = defaultSettings(to);
  const keep = <T>(own: Readonly<Record<string, T>>, base: Readonly<Record<string, T>>) =>
    Object.fromEntries(
      Object.entries(base).map(([key, value]) => [key, Object.hasOwn(own, key) ? (own[key] as T) : value]),
    );
  const lists = new Set(to.supplementaryLists.map((l) => l.id));
  return {
    edition: to.edition.id,
    ports: keep(settings.ports, defaults.ports),
    ranges: keep(settings.ranges, defaults.ranges),
    flags: keep(settings.flags, defaults.flags),
    supplementary: settings.supplementary.filter((id) => lists.has(id)),
  };
}
