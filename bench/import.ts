/**
 * Import of an estate (issue 14): 5,000 site system rows as Get-CMSiteRole | Export-Csv writes them,
 * with Get-CMSite and boundary groups beside, through parse, preview (merge and inferred links),
 * apply and the automatic layout. `measureImport()` runs it in its own process (`node --expose-gc
 * --import tsx bench/import.ts <rows>` prints a JSON line).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadEdition } from '@/domain/editions';
import { applyImport } from '@/domain/import/apply-import';
import { buildImportPreview } from '@/domain/import/import-preview';
import type { ImportTable } from '@/domain/import/import-types';
import { createEmptyDocument } from '@/domain/restore';
import { type ImportFile, readImportFile } from '@/import/import-files';
import { runLayout } from '@/layout/run-layout';
import { type Figure, median, ms } from './stats';

interface ImportRun {
  rows: number;
  hosts: number;
  links: number;
  parseMs: number;
  previewMs: number;
  applyMs: number;
  layoutMs: number;
}

const ROLES = [
  'SMS Management Point',
  'SMS Distribution Point',
  'SMS Software Update Point',
  'SMS State Migration Point',
];
const q = (cells: string[]) => cells.map((c) => `"${c}"`).join(',');

/** An estate of about `rows` site role rows: a CAS, primaries of 40 servers, 10 boundary groups each. */
function estate(rows: number): ImportFile[] {
  const roleLines = [
    '#TYPE Selected.Microsoft.ConfigurationManagement.ManagementProvider.WqlQueryEngine.WqlResultObject',
  ];
  roleLines.push(q(['NetworkOSPath', 'RoleName', 'SiteCode']));
  const siteLines = [q(['SiteCode', 'Type', 'ReportingSiteCode', 'ServerName'])];
  const groupLines = [q(['Name', 'DefaultSiteCode', 'SiteSystems'])];
  const primaries = Math.max(1, Math.round(rows / 2 / 40));
  const add = (server: string, role: string, site: string) =>
    roleLines.push(q([`\\\\${server}.corp.example`, role, site]));
  siteLines.push(q(['C01', '4', '', 'C01-SITE.corp.example']));
  add('C01-SITE', 'SMS Site Server', 'C01');
  add('C01-SITE', 'SMS SQL Server', 'C01');
  for (let p = 1; roleLines.length - 2 < rows && p <= primaries + 1000; p += 1) {
    const site = `P${String(p).padStart(2, '0')}`;
    siteLines.push(q([site, '2', 'C01', `${site}-SITE.corp.example`]));
    add(`${site}-SITE`, 'SMS Site Server', site);
    add(`${site}-SITE`, 'SMS Provider', site);
    add(`${site}-SQL`, 'SMS SQL Server', site);
    const systems: string[] = [];
    for (let s = 1; s <= 40 && roleLines.length - 2 < rows; s += 1) {
      const server = `${site}-SYS${String(s).padStart(2, '0')}`;
      add(server, 'SMS Site System', site);
      add(server, ROLES[s % ROLES.length] ?? 'SMS Distribution Point', site);
      systems.push(`${server}.corp.example`);
    }
    for (let g = 0; g < 10; g += 1) {
      groupLines.push(q([`BG-${site}-${g}`, site, systems.slice(g * 4, g * 4 + 4).join('; ')]));
    }
  }
  const bytes = (lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
  return [
    { name: 'site-roles.csv', bytes: bytes(roleLines) },
    { name: 'sites.csv', bytes: bytes(siteLines) },
    { name: 'boundary-groups.csv', bytes: bytes(groupLines) },
  ];
}

const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function measure(rows: number): Promise<ImportRun> {
  const catalogue = loadEdition('current');
  const files = estate(rows);
  const times = {
    parse: [] as number[],
    preview: [] as number[],
    apply: [] as number[],
    layout: [] as number[],
  };
  let result = { hosts: 0, links: 0 };
  // Few runs: the layout of 3,000 hosts takes seconds.
  for (let i = 0; i < 3; i += 1) {
    collect();
    let start = performance.now();
    const tables: ImportTable[] = [];
    for (const file of files) {
      const table = await readImportFile(file);
      if ('message' in table) throw new Error(JSON.stringify(table.message));
      tables.push(table);
    }
    const parse = performance.now() - start;
    start = performance.now();
    const preview = buildImportPreview(tables, catalogue);
    const previewMs = performance.now() - start;
    start = performance.now();
    const document = applyImport(createEmptyDocument(catalogue), preview, 'replace');
    const apply = performance.now() - start;
    start = performance.now();
    await runLayout(document, {}, catalogue);
    const layout = performance.now() - start;
    result = { hosts: document.hosts.length, links: document.links.length };
    if (i === 0) continue; // warm-up
    times.parse.push(parse);
    times.preview.push(previewMs);
    times.apply.push(apply);
    times.layout.push(layout);
  }
  return {
    rows,
    ...result,
    parseMs: median(times.parse),
    previewMs: median(times.preview),
    applyMs: median(times.apply),
    layoutMs: median(times.layout),
  };
}

/**
 * The import's figures for `npm run bench`.
 *
 * @returns Parse, preview (merge and inferred links), apply and layout times for 5,000 site role rows.
 */
export function measureImport(): Figure[] {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/import.ts', '5000'], {
    encoding: 'utf8',
  });
  const r = JSON.parse(out.trim().split('\n').pop()!) as ImportRun;
  const total = r.parseMs + r.previewMs + r.applyMs + r.layoutMs;
  return [
    {
      group: 'import',
      name: `${r.rows.toLocaleString('en')} site role rows → ${r.hosts.toLocaleString('en')} hosts, ${r.links.toLocaleString('en')} inferred links: parse / preview (merge, links) / apply / layout`,
      value: `${ms(r.parseMs)} / ${ms(r.previewMs)} / ${ms(r.applyMs)} / ${ms(r.layoutMs)}`,
    },
    { group: 'import', name: 'import of 5,000 site role rows plus layout, in all', value: ms(total) },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await measure(Number(process.argv[2] ?? 5000))));
}
