/**
 * Ports and protocols read back from a cell of one of our files (the workbook's matrix): the one
 * place their text becomes values again, so the comparison only ever sees {@link FlowPort}s.
 */
import type { Protocol } from '../catalogue-types';
import type { FlowPort } from '../flow';

const PORT_MAX = 65_535;
const SINGLE = /^\d{1,5}$/;
const RANGE = /^(\d{1,5})\s*[-–]\s*(\d{1,5})$/;

const inRange = (n: number) => Number.isInteger(n) && n >= 0 && n <= PORT_MAX;

/**
 * Parses a port cell: a number (the workbook writes single ports as numbers) or `lo-hi` text.
 *
 * @param value - The cell's value: a number or its text.
 * @returns The port, or undefined when the cell holds no port we would have written.
 * @example
 * parsePortCell(443); // { kind: 'single', port: 443 }
 * parsePortCell('49152-65535'); // { kind: 'range', from: 49152, to: 65535 }
 * parsePortCell('http'); // undefined
 */
export function parsePortCell(value: number | string): FlowPort | undefined {
  if (typeof value === 'number') return inRange(value) ? { kind: 'single', port: value } : undefined;
  const text = value.trim();
  if (SINGLE.test(text)) return parsePortCell(Number(text));
  const range = RANGE.exec(text);
  if (!range) return undefined;
  const from = Number(range[1]);
  const to = Number(range[2]);
  return inRange(from) && inRange(to) && from <= to ? { kind: 'range', from, to } : undefined;
}

/**
 * Parses a protocol cell, in any case.
 *
 * @param text - The cell's text.
 * @returns `TCP` or `UDP`, or undefined for anything else.
 * @example
 * parseProtocolCell('tcp'); // 'TCP'
 */
export function parseProtocolCell(text: string): Protocol | undefined {
  const upper = text.trim().toUpperCase();
  return upper === 'TCP' || upper === 'UDP' ? upper : undefined;
}

/**
 * Splits a section cell (`A;B`, as the matrix joins anchors) into its anchors.
 *
 * @param text - The cell's text.
 * @returns The anchors, trimmed, empty ones left out.
 * @example
 * parseSectionsCell('BKMK_PortsClient-DP; BKMK_PortsSQL'); // ['BKMK_PortsClient-DP', 'BKMK_PortsSQL']
 */
export function parseSectionsCell(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
