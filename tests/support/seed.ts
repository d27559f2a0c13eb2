/**
 * Reads the source document ("Ports used in Configuration Manager", German edition) straight from
 * the seed text, so the catalogue can be checked against it section by section. Test-only code:
 * the app never parses the seed, it reads data/catalogue.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type SeedPort = number | string;

export interface SeedRow {
  /** The row's description cell, as the seed writes it (entities decoded). */
  description: string;
  protocol: 'TCP' | 'UDP';
  port: SeedPort;
  notes: number[];
  /** 1 for the section's first table, 2 for a second table (remote SQL installation). */
  table: number;
}

export interface SeedSection {
  anchor: string;
  heading: string;
  from: string;
  to: string;
  bidirectional: boolean;
  /** Notes the section text refers to outside its table (note 5 on site server ↔ site system). */
  sectionNotes: number[];
  rows: SeedRow[];
}

const seedFile = '000_1690ed43754b0476.txt';

/** Where the seed lives: SEED_PATH, else ../shared/seed beside the repository. */
export function seedPath(): string {
  const fromEnv = process.env.SEED_PATH;
  if (fromEnv) return fromEnv;
  return fileURLToPath(new URL(`../../../shared/seed/${seedFile}`, import.meta.url));
}

/** Whether the seed document is there to read (tests that need it are skipped without it). */
export const seedAvailable = existsSync(seedPath());

export function readSeed(): string {
  const path = seedPath();
  if (!existsSync(path)) {
    throw new Error(`Seed document not found at ${path}; set SEED_PATH to the port document.`);
  }
  return readFileSync(path, 'utf8');
}

function decode(text: string): string {
  return text.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&').trim();
}

/** Splits a cell such as `80 oder 8530 (siehe Hinweis 3 …)` into its ports and note numbers. */
export function parseCell(cell: string): { ports: SeedPort[]; notes: number[] } {
  const notes = [...cell.matchAll(/Hinweis (\d)/g)].map((m) => Number(m[1]));
  const value = cell.replace(/\(.*\)/, '').trim();
  if (value === '' || value === '--') return { ports: [], notes };
  if (/^DYNAMISCH$/i.test(value)) return { ports: ['dynamic'], notes };
  const range = value.match(/^(\d+)-(\d+)$/);
  if (range) return { ports: [`${range[1]}-${range[2]}`], notes };
  const ports = value.split(/\s+(?:oder|und)\s+/).map((p) => {
    if (!/^\d+$/.test(p)) throw new Error(`Unreadable port cell: ${cell}`);
    return Number(p);
  });
  return { ports, notes };
}

const headingPattern = /^###\s+<a name="([^"]+)"><\/a>\s*(.+?)\s*$/;
const arrowPattern = /\s*(<\s*-+\s*>|<\s*-+>|-+\s*>|‒\s*>)\s*/;

/** Every connection section (`A -- > B`, `A < -- > B`) of the seed with its table rows. */
export function seedSections(text = readSeed()): SeedSection[] {
  const start = text.indexOf('BKMK_CommunicationPorts');
  const end = text.indexOf('BKMY_PortNotes');
  const lines = text.slice(start, end).split('\n');
  const sections: SeedSection[] = [];
  let current: SeedSection | undefined;
  let table = 0;
  let inTable = false;
  for (const raw of lines) {
    const heading = raw.match(headingPattern);
    if (heading) {
      const title = decode(heading[2] ?? '');
      const parts = title.split(arrowPattern);
      current = undefined;
      if (parts.length === 3) {
        const arrow = parts[1] ?? '';
        current = {
          anchor: heading[1] ?? '',
          heading: title,
          from: (parts[0] ?? '').trim(),
          to: (parts[2] ?? '').trim(),
          bidirectional: arrow.startsWith('<'),
          sectionNotes: [],
          rows: [],
        };
        sections.push(current);
        table = 0;
        inTable = false;
      }
      continue;
    }
    if (!current) continue;
    const line = raw.trim();
    if (!line.startsWith('|')) {
      if (table === 0) {
        for (const m of line.matchAll(/siehe Hinweis (\d)/g)) current.sectionNotes.push(Number(m[1]));
      }
      if (line !== '') inTable = false;
      continue;
    }
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells[0] === 'Beschreibung') {
      table += 1;
      inTable = true;
      continue;
    }
    if (!inTable || /^-+$/.test(cells[0] ?? '')) continue;
    const [description = '', udp = '', tcp = ''] = cells;
    for (const [protocol, cell] of [
      ['UDP', udp],
      ['TCP', tcp],
    ] as const) {
      const { ports, notes } = parseCell(cell);
      for (const port of ports) {
        current.rows.push({ description: decode(description), protocol, port, notes, table });
      }
    }
  }
  return sections;
}
