import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editionLine } from '@/cli/edition';
import { loadEdition } from '@/domain/editions';
import { serializeDocument } from '@/domain/restore';
import { makeDocument, makeHost } from '../builders';
import { readWorkbook } from '../export/support';

function run(cli: 'derive' | 'check', ...args: string[]) {
  const result = spawnSync(join('node_modules', '.bin', 'tsx'), [`src/cli/${cli}.ts`, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edition-cli-'));
  file = join(dir, 'client-dp.json');
  const doc = makeDocument(
    [makeHost('pc', ['client'], { name: 'PC' }), makeHost('dp', ['distribution-point'], { name: 'DP01' })],
    [['pc', 'dp']],
  );
  writeFileSync(file, serializeDocument(doc));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ports = (stdout: string) =>
  (JSON.parse(stdout) as { port: number | string; sectionUrl: string }[]).map((r) => r.port);

describe('the CLI and editions', () => {
  it('derives with the edition the document names and says which on stderr', () => {
    const r = run('derive', file);
    expect(r.status).toBe(0);
    expect(ports(r.stdout)).not.toContain(8005);
    expect(r.stderr).toBe(editionLine(loadEdition('2018-de')));
    expect(r.stderr).toMatch(/^edition: 2018-de \(/);
  });

  it('--edition current overrides it: 8005 appears and section links go to the English page', () => {
    const r = run('derive', file, '--edition', 'current');
    expect(r.status).toBe(0);
    expect(ports(r.stdout)).toContain(8005);
    const url = loadEdition('current').edition.url;
    for (const row of JSON.parse(r.stdout) as { sectionUrl: string }[])
      expect(row.sectionUrl.startsWith(`${url}#`)).toBe(true);
    expect(r.stderr).toBe(editionLine(loadEdition('current')));
  });

  it("names the edition in force and its source on the workbook's notes sheet", async () => {
    const out = join(dir, 'matrix.xlsx');
    expect(run('derive', file, '--edition', 'current', '--format', 'xlsx', '--out', out).status).toBe(0);
    const notes = (await readWorkbook(readFileSync(out))).getWorksheet('Notes and legend');
    const facts = new Map<string, string>();
    notes?.eachRow((row) =>
      facts.set(String(row.getCell(1).value ?? ''), String(row.getCell(2).value ?? '')),
    );
    const current = loadEdition('current').edition;
    expect(facts.get('Edition in force')).toBe(`current: ${current.title}`);
    expect(facts.get('Edition source')).toContain('e24bf12bc665459e6b643344b11eea77d664dd07');
    expect(facts.get('Edition source')).toContain('plus 3 later additions');
  });

  it('check takes --edition too and names it', () => {
    const r = run('check', file, '--edition', 'current', '--format', 'json');
    expect(r.stderr).toBe(editionLine(loadEdition('current')));
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
  });

  it.each(['derive', 'check'] as const)('%s refuses an unknown edition, listing the known ones', (cli) => {
    const r = run(cli, file, '--edition', '2016-en');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: unknown edition "2016-en" (known: 2018-de, current)\n');
  });
});
