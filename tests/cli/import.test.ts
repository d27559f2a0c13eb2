import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEdition } from '@/domain/editions';
import { readDocumentText } from '@/domain/restore';

const FIXTURES = 'tests/fixtures/import';
const ESTATE = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.csv'))
  .map((f) => join(FIXTURES, f));

/** Runs `npm run import` the way the script does (tsx on src/cli/import.ts). */
function runImport(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(join('node_modules', '.bin', 'tsx'), ['src/cli/import.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run import', () => {
  it('writes a valid document from the estate files with --out, and says what it read', () => {
    const out = join(dir, 'topology.json');
    const { status, stdout, stderr } = runImport(...ESTATE, '--out', out);
    expect(status).toBe(0);
    expect(stdout).toBe('');
    const result = readDocumentText(readFileSync(out, 'utf8'), loadEdition('current'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.problems).toEqual([]);
    expect(result.document.settings.edition).toBe('current');
    expect(result.document.hosts).toHaveLength(44);
    expect(result.document.links).toHaveLength(76);
    expect(result.document.links.every((l) => l.inferred === true)).toBe(true);
    expect(Object.keys(result.document.layout)).toHaveLength(44);
    expect(stderr).toContain('site-roles.csv (site-roles, 78 rows)');
    expect(stderr).toContain('44 hosts, 76 inferred links, 0 rows not mapped; checks: 0 errors,');
  });

  it('lists rows it could not map with file, line and column, and still writes', () => {
    const file = join(dir, 'roles.csv');
    writeFileSync(
      file,
      '#TYPE x\r\n"NetworkOSPath","RoleName","SiteCode"\r\n"\\\\P01-SITE.corp.example","SMS Site Server","P01"\r\n"\\\\P01-X.corp.example","SMS Flux Point","P01"\r\n',
    );
    const { status, stdout, stderr } = runImport(file);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).hosts).toHaveLength(2);
    expect(stderr).toContain(`warning: ${file}:4 (RoleName): unknown role "SMS Flux Point"\n`);
  });

  it('refuses a file of another kind, naming its header line, and writes nothing (exit 2)', () => {
    const out = join(dir, 'refused.json');
    const { status, stderr } = runImport(ESTATE[0] ?? '', 'package.json', '--out', out);
    expect(status).toBe(2);
    expect(stderr).toMatch(
      /^error: package\.json:1: the header \(\{\) is none of the files the import reads/m,
    );
    expect(stderr).toMatch(/error: 1 file could not be read; nothing written\n$/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it.each([
    [[], 'error: no file given: name the CSV or XLSX files of one estate\n'],
    [['--format', 'x', 'a.csv'], 'error: unknown flag --format (known: --out, --edition, --lang)\n'],
    [['a.csv', '--lang', 'fr'], 'error: unknown --lang "fr" (use en, de)\n'],
    [['missing.csv'], 'error: missing.csv: no such file\n'],
    [['a.csv', '--edition', '1999'], 'error: unknown edition "1999" (known: 2018-de, current)\n'],
  ])('refuses %j with one line and exit 2', (args, line) => {
    const { status, stderr } = runImport(...args);
    expect(status).toBe(2);
    expect(stderr).toBe(line);
  });

  it('speaks German with --lang de: what it read, what it made, rows it could not map and refusals', () => {
    const out = join(dir, 'german.json');
    const { status, stderr } = runImport(...ESTATE, '--out', out, '--lang', 'de');
    expect(status).toBe(0);
    expect(stderr).toContain('site-roles.csv (site-roles, 78 Zeilen)');
    expect(stderr).toMatch(/^Gelesen: /m);
    expect(stderr).toContain(
      '44 Hosts, 76 abgeleitete Verbindungen, 0 Zeilen nicht zugeordnet; Prüfungen: 0 Fehler,',
    );
    // File kinds (`hosts`, `site-roles`) are ids, the same in every language.
    expect(stderr).not.toMatch(
      /\bread |inferred|\d+ rows?\b|not mapped|checks:|\d+ (errors?|warnings?|hosts?)\b/,
    );
    const result = readDocumentText(readFileSync(out, 'utf8'), loadEdition('current'));
    expect(result.ok && result.document.name).toMatch(/^Importierte Umgebung \(/);

    const file = join(dir, 'german-roles.csv');
    writeFileSync(
      file,
      '"NetworkOSPath","RoleName","SiteCode"\r\n"\\\\P01-SITE.corp.example","SMS Site Server","P01"\r\n"\\\\P01-X.corp.example","SMS Flux Point","P01"\r\n',
    );
    const unmapped = runImport(file, '--lang=de');
    expect(unmapped.status).toBe(0);
    expect(unmapped.stderr).toContain(`Warnung: ${file}:3 (RoleName): unbekannte Rolle „SMS Flux Point“\n`);

    const refused = runImport(ESTATE[0] ?? '', 'package.json', '--lang', 'de');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^Fehler: package\.json:1: /m);
    expect(refused.stderr).toMatch(
      /Fehler: 1 Datei konnte nicht gelesen werden; es wurde nichts geschrieben\n$/,
    );
    expect(runImport('missing.csv', '--lang', 'de').stderr).toBe(
      'Fehler: missing.csv: Datei nicht gefunden\n',
    );
    // Four runs of the CLI, each allowed a minute on a busy machine (runImport's timeout).
  }, 240_000);

  it('never writes over one of its inputs', () => {
    const input = ESTATE[0] ?? '';
    const { status, stderr } = runImport(input, '--out', input);
    expect(status).toBe(2);
    expect(stderr).toBe(`error: ${input}: is the input file; write the output to another file\n`);
  });
});
