/** Shared by the export tests: example documents, their rows, evil labels and a tiny zip reader. */
import { inflateRawSync } from 'node:zlib';
import type { Workbook } from 'exceljs';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { Host, Link, TopologyDocument } from '@/domain/document';
import { type FlowRow, flowsToRows } from '@/domain/rows';
import { rowWords } from '@/i18n/row-words';
import { makeDocument, makeHost } from '../builders';
import { example } from '../support/examples';

/** An example document, restored (the one loader of tests/support/examples.ts). */
export const loadExample = example;

export function rowsOf(document: TopologyDocument): FlowRow[] {
  return flowsToRows(deriveFlows(document, catalogue).flows, document, rowWords(catalogue, 'en'));
}

/** Labels a spreadsheet could take for a formula (BAD-INPUTS 16). */
export const FORMULA_LABELS = [
  '=1+1',
  '+SUM(A1)',
  '-2',
  '@cmd',
  '\tx',
  '\rx',
  '\nx',
  '＝1',
  '＋1',
  '－1',
  '＠SUM(A1)',
  '=HYPERLINK("http://x","y")',
] as const;

/** Labels that must come out exactly as they went in (BAD-INPUTS 15). */
export const ODD_LABELS = [
  'שרת ראשי',
  'abc\u202Edef',
  'zero\u200Bwidth',
  '🖥️ server 👩‍💻',
  `long-${'x'.repeat(9_995)}`,
  'under_x0041_score',
] as const;

/**
 * The standalone example, cloned as often as it takes for every label to name a host: host `i`
 * is named `labels[i % n]` and has `labels[(i + 5) % n]` as its FQDN, so name and address cells
 * both carry them. Links and layout are cloned along, so every clone derives the same flows.
 */
export function documentWithLabels(labels: readonly string[]): TopologyDocument {
  const base = loadExample('standalone-primary');
  const copies = Math.ceil(labels.length / base.hosts.length);
  const hosts: Host[] = [];
  const links: Link[] = [];
  for (let k = 0; k < copies; k += 1) {
    for (const host of base.hosts) {
      const i = hosts.length;
      hosts.push({
        ...host,
        id: `${host.id}-${k}`,
        name: labels[i % labels.length] ?? host.name,
        fqdn: labels[(i + 5) % labels.length] ?? host.fqdn,
      });
    }
    for (const link of base.links) {
      links.push({
        ...link,
        id: `${link.id}-${k}`,
        source: `${link.source}-${k}`,
        target: `${link.target}-${k}`,
      });
    }
  }
  return { ...base, hosts, links, layout: {} };
}

/** The names of a zip's entries and their inflated contents (stored or deflated entries). */
export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i -= 1) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < entries; n += 1) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\//, '');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

export function zipText(files: Map<string, Buffer>, name: string): string {
  const file = files.get(name);
  if (!file) throw new Error(`${name} missing from the zip (has ${[...files.keys()].join(', ')})`);
  return file.toString('utf8');
}

export async function readWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes, newlines inside quotes) into records. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** A valid 1×1 PNG. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  ),
);

/** The matrix headers the panel, CSV and the CLI write in English, in column order (FLOW_COLUMNS). */
export const ENGLISH_HEADERS = [
  'Rule',
  'Source host',
  'Source FQDN/IP',
  'Source site',
  'Source zone',
  'Source role(s)',
  'Destination host',
  'Destination FQDN/IP',
  'Destination site',
  'Destination zone',
  'Crosses zone boundary',
  'Destination role(s)',
  'Protocol',
  'Port',
  'Service',
  'Direction',
  'Configurable',
  'Notes',
  'Document section',
  'Verified',
  'Justification',
];

/** The matrix sheet's headers in English (WORKBOOK_COLUMNS; the colour strip has none). */
export const ENGLISH_WORKBOOK_HEADERS = [
  '',
  'Rule',
  'Source host',
  'Source FQDN',
  'Source IP',
  'Source site',
  'Source zone',
  'Source zone CIDR',
  'Source role(s)',
  'Destination host',
  'Destination FQDN',
  'Destination IP',
  'Destination site',
  'Destination zone',
  'Destination zone CIDR',
  'Destination role(s)',
  'Crosses zone boundary',
  'Protocol',
  'Port',
  'Service',
  'Direction',
  'Configurable',
  'Notes',
  'Section title',
  'Section anchor',
  'Justification',
  'Verified',
  'Status',
  'Ticket',
  'Owner',
  'Comment',
];

/** The matrix sheet's headers in German. */
export const GERMAN_WORKBOOK_HEADERS = [
  '',
  'Regel',
  'Quellhost',
  'Quell-FQDN',
  'Quell-IP',
  'Quellstandort',
  'Quellzone',
  'Quellzonen-CIDR',
  'Quellrolle(n)',
  'Zielhost',
  'Ziel-FQDN',
  'Ziel-IP',
  'Zielstandort',
  'Zielzone',
  'Zielzonen-CIDR',
  'Zielrolle(n)',
  'Überschreitet Zonengrenze',
  'Protokoll',
  'Port',
  'Dienst',
  'Richtung',
  'Konfigurierbar',
  'Hinweise',
  'Abschnittstitel',
  'Abschnittsanker',
  'Begründung',
  'Verifiziert',
  'Status',
  'Ticket',
  'Verantwortlich',
  'Kommentar',
];

/** The same headers in German. */
export const GERMAN_HEADERS = [
  'Regel',
  'Quellhost',
  'Quell-FQDN/IP',
  'Quellstandort',
  'Quellzone',
  'Quellrolle(n)',
  'Zielhost',
  'Ziel-FQDN/IP',
  'Zielstandort',
  'Zielzone',
  'Überschreitet Zonengrenze',
  'Zielrolle(n)',
  'Protokoll',
  'Port',
  'Dienst',
  'Richtung',
  'Konfigurierbar',
  'Hinweise',
  'Abschnitt im Portdokument',
  'Verifiziert',
  'Begründung',
];

/**
 * A zoned estate for the workbook tests: a site server with SQL and the provider (dynamic RPC, high
 * risk), a management point without an IP in a datacenter, clients on a LAN, a DP in a branch.
 */
export const ZONED_ESTATE: TopologyDocument = makeDocument(
  [
    makeHost('ss', ['site-server', 'sql-server', 'sms-provider'], {
      name: 'P01-SS',
      site: 'P01',
      ip: '10.1.0.10',
      fqdn: 'p01-ss.corp.example',
      zone: 'dc',
      options: { siteType: 'primary' },
    }),
    makeHost('mp', ['management-point'], {
      name: 'P01-MP',
      site: 'P01',
      fqdn: 'p01-mp.corp.example',
      zone: 'dc',
    }),
    makeHost('cl', ['client'], { name: 'Clients', site: 'P01', ip: '10.20.0.0/16', zone: 'lan' }),
    makeHost('dp', ['distribution-point'], { name: 'BR-DP', site: 'P01', ip: '10.31.0.30', zone: 'branch' }),
  ],
  [
    ['ss', 'mp'],
    ['cl', 'mp'],
    ['ss', 'dp'],
  ],
  {
    name: 'R&D estate',
    zones: [
      { id: 'dc', name: 'Datacenter', cidrs: ['10.1.0.0/16'] },
      { id: 'lan', name: 'Client LAN', cidrs: ['10.20.0.0/16', '10.21.0.0/16'] },
      { id: 'branch', name: 'Branch', cidrs: ['10.31.0.0/16'] },
    ],
  },
);
