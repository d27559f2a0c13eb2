import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editionLine } from '@/cli/edition';
import type { TopologyDocument } from '@/domain/document';
import { loadEdition } from '@/domain/editions';
import { serializeDocument } from '@/domain/restore';
import { makeDocument, makeHost } from '../builders';

/** Runs `npm run check` the way the script does (tsx on src/cli/check.ts). */
function runCheck(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(join('node_modules', '.bin', 'tsx'), ['src/cli/check.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | TopologyDocument): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : serializeDocument(content));
  return path;
}

interface JsonFinding {
  severity: string;
  check: string;
  message: string;
  hosts: string[];
}

describe('npm run check', () => {
  it('prints one text line per finding and exits 0 when the example has no error', () => {
    const { status, stdout, stderr } = runCheck('data/examples/standalone-primary.json');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^info: {4}\S.*\[.+\]$/);
    expect(stdout).toContain('WSUS ports 8530/8531 (note 3)');
    expect(stdout).toContain('[P01-SUP01]');
    expect(stderr).toBe(`${editionLine(loadEdition('2018-de'))}0 errors, 0 warnings, 4 infos\n`);
  });

  it('prints a JSON array with severity, message, check and host names, and exits 1 on an error', () => {
    const doc = makeDocument(
      [
        makeHost('h1', ['site-server'], { name: 'P01-SITE', site: 'P01' }),
        makeHost('h2', ['client'], { name: 'web01', site: 'P01' }),
        makeHost('h3', ['client'], { name: 'WEB01 ', site: 'P01' }),
      ],
      [['h2', 'h1']],
    );
    const { status, stdout, stderr } = runCheck(file('broken.json', doc), '--format', 'json');
    expect(status).toBe(1);
    expect(stderr).toBe(editionLine(loadEdition('2018-de')));
    const findings = JSON.parse(stdout) as JsonFinding[];
    expect(Array.isArray(findings)).toBe(true);
    for (const f of findings) {
      expect(typeof f.severity).toBe('string');
      expect(typeof f.message).toBe('string');
      expect(typeof f.check).toBe('string');
      expect(Array.isArray(f.hosts)).toBe(true);
    }
    const database = findings.find((f) => f.check === 'missing-site-database');
    expect(database).toMatchObject({ severity: 'error', hosts: ['P01-SITE'] });
    const names = findings.find((f) => f.check === 'duplicate-host-name');
    expect(names?.severity).toBe('warning');
    expect(names?.hosts.sort()).toEqual(['WEB01 ', 'web01']);
    expect(findings[0]?.severity).toBe('error');
  });

  it('exits 0 when only warnings and infos remain, with --format=json too', () => {
    const doc = makeDocument(
      [
        makeHost('ss', ['site-server', 'sql-server'], { name: 'P01-SS', site: 'P01' }),
        makeHost('x', [], { name: 'spare' }),
      ],
      [],
    );
    const { status, stdout } = runCheck(file('warnings.json', doc), '--format=json');
    expect(status).toBe(0);
    const findings = JSON.parse(stdout) as JsonFinding[];
    expect(findings.map((f) => f.severity)).toContain('warning');
    expect(findings.map((f) => f.severity)).not.toContain('error');
  });

  it('prints an empty array for a topology without findings', () => {
    const { status, stdout } = runCheck(file('empty.json', makeDocument([])), '--format', 'json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it.each([
    ['a missing file', () => [join(dir, 'nope.json')], /no such file/],
    ['invalid JSON', () => [file('bad.json', '{bad')], /not valid JSON/],
    ['another app’s JSON', () => [file('other.json', '{"hello": 1}')], /Not a topology file/],
    ['an unknown flag', () => ['data/examples/hierarchy.json', '--strict'], /unknown flag --strict/],
    ['an unknown format', () => ['data/examples/hierarchy.json', '--format', 'xml'], /unknown format "xml"/],
    ['no file', () => [], /no topology file given/],
    [
      'an unknown language',
      () => ['data/examples/hierarchy.json', '--lang', 'fr'],
      /unknown --lang "fr" \(use en, de\)/,
    ],
  ])('refuses %s with exit 2 and one stderr line', (_, args, message) => {
    const { status, stdout, stderr } = runCheck(...args());
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^error: /);
    expect(stderr).toMatch(message);
  });

  it("warns about a file's problems and refuses a format in German, naming the setting in German", () => {
    const doc = makeDocument([makeHost('h1', ['client'], { name: 'PC01' })]);
    const raw = JSON.parse(serializeDocument(doc)) as { settings: { ports: Record<string, unknown> } };
    raw.settings.ports.clientHttp = 0;
    const path = file('bad-setting.json', JSON.stringify(raw));
    const de = runCheck(path, '--lang', 'de');
    expect(de.stderr.split('\n')[0]).toBe(
      `Warnung: ${path}: Einstellung „HTTP-Port für Clients“: 0 liegt außerhalb von 1–65535; der Standardwert 80 wird verwendet`,
    );
    expect(runCheck(path).stderr.split('\n')[0]).toBe(
      `warning: ${path}: Setting "Client HTTP port": 0 is outside 1–65535; default 80 used`,
    );
    expect(runCheck(path, '--lang', 'de', '--format', 'xml')).toMatchObject({
      status: 2,
      stderr: 'Fehler: Unbekanntes Format „xml“ (erlaubt: text, json)\n',
    });
  });

  it('speaks German with --lang de: findings, severities and counts; English stays the default', () => {
    const doc = makeDocument(
      [
        makeHost('h1', ['site-server'], { name: 'P01-SITE', site: 'P01' }),
        makeHost('h2', ['client'], { name: 'web01', site: 'P01' }),
      ],
      [['h2', 'h1']],
    );
    const path = file('german.json', doc);
    const de = runCheck(path, '--lang', 'de');
    expect(de.status).toBe(1);
    const lines = de.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Fehler: {2}\S/);
    expect(de.stdout).toContain(
      'Fehler:  Der Standortserver P01-SITE hat keine Standortdatenbank: Er hat nicht die Rolle SQL Server, und Standort P01 hat keinen SQL Server-Host. [P01-SITE]',
    );
    expect(de.stdout).not.toMatch(/\b(has no|error:|warning:|info:)/);
    expect(de.stderr).toMatch(/\d+ Fehler, \d+ Warnungen?, \d+ Infos?\n$/);
    expect(de.stderr.startsWith(editionLine(loadEdition('2018-de'), 'de'))).toBe(true);
    expect(de.stderr).toMatch(
      /^Ausgabe: 2018-de \(In Configuration Manager verwendete Ports \(deutsche Ausgabe von 2018\); Abschnittslinks führen zu /,
    );
    expect(de.stderr).not.toMatch(/edition:|Ports used/);
    const en = runCheck(path);
    expect(en.stdout).toContain('error:   Site server P01-SITE has no site database');
    expect(en.stderr).toMatch(/\d+ errors?, \d+ warnings?, \d+ infos?\n$/);
    const json = JSON.parse(runCheck(path, '--format', 'json', '--lang=de').stdout) as (JsonFinding & {
      fix?: string;
    })[];
    const database = json.find((f) => f.check === 'missing-site-database');
    expect(database?.message).toMatch(/^Der Standortserver P01-SITE hat keine Standortdatenbank/);
    expect(database?.fix).toBe('SQL Server für P01-SITE hinzufügen');
  });
});
