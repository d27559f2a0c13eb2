/**
 * The derive CLI writes the PowerShell scripts through the export registry: `--format ps1-firewall`
 * and `--format ps1-test`, to stdout or `--out`, the same text the registry's formats build.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { catalogue } from '@/domain/default-catalogue';
import { firewallScript } from '@/export/ps1-firewall-script';
import { connectivityTestScript } from '@/export/ps1-test-script';
import { loadExample, rowsOf } from '../export/support';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const example = join(root, 'data/examples/hierarchy.json');

async function derive(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run('npx', ['tsx', 'src/cli/derive.ts', ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
}

/** The scripts carry the time they were made; the rest must match to the character. */
const undated = (text: string) => text.replace(/ on \d{4}-\d\d-\d\dT[\d:.]+Z\./, ' on <date>.');

let dir: string;
const out: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'derive-ps1-'));
  const [firewall, test] = await Promise.all([
    derive(example, '--format', 'ps1-firewall', '--out', join(dir, 'rules.ps1')),
    derive(example, '--format', 'ps1-test'),
  ]);
  out.firewallStderr = firewall.stderr;
  out.firewall = readFileSync(join(dir, 'rules.ps1'), 'utf8');
  out.test = test.stdout;
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run derive -- FILE --format ps1-firewall|ps1-test', () => {
  const document = loadExample('hierarchy');
  const input = { rows: rowsOf(document), document, catalogue, appVersion: '0.0.0', exportedAt: new Date(0) };
  const version = (text: string) => text.replace(/Port Planner \S+ on/, 'Port Planner <version> on');

  it('writes the firewall script to --out, as the registry builds it', () => {
    expect(out.firewall?.startsWith('\uFEFF# Windows Firewall rules for the diagram')).toBe(true);
    expect(version(undated(out.firewall ?? ''))).toBe(version(undated(firewallScript(input))));
    expect(out.firewall).toContain('New-NetFirewallRule @Rule');
  });

  it('writes the connectivity test to stdout', () => {
    expect(out.test?.startsWith('\uFEFF# Connectivity test for the diagram')).toBe(true);
    expect(version(undated(out.test ?? ''))).toBe(version(undated(connectivityTestScript(input))));
  });
});
