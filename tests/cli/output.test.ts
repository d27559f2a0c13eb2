/**
 * Where the derive CLI may write (issue 15): never the input, a folder, a device or a link to one;
 * `--out=` is an error; invalid UTF-8 is refused; a killed run leaves no file behind; the README's
 * `npm run -s derive` gives a valid file; warnings and errors name the file.
 */
import { execFile, spawn } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { serializeDocument } from '@/domain/restore';
import { makeDocument, makeHost } from '../builders';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const example = join(root, 'data/examples/hierarchy.json');
/** Node with tsx's loader: the process we spawn is the CLI itself, so a signal reaches it. */
const CLI = ['--import', 'tsx', 'src/cli/derive.ts'];

interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function derive(...args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...CLI, ...args], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

function oneLine(r: Result): string {
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'derive-out-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('derive --out refuses what is not a new or regular file', () => {
  it('refuses the input file and leaves it as it was', async () => {
    const input = join(dir, 'same.json');
    const text = readFileSync(example, 'utf8');
    writeFileSync(input, text);
    const r = await derive(input, '--out', input);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe(`error: ${input}: is the input file; write the output to another file`);
    expect(readFileSync(input, 'utf8')).toBe(text);
    // The same file through a symbolic link is the input file too.
    const link = join(dir, 'same-link.json');
    symlinkSync(input, link);
    expect(oneLine(await derive(input, '--out', link))).toMatch(/same-link\.json: is the input file/);
    expect(readFileSync(input, 'utf8')).toBe(text);
  });

  it.each([
    ['a directory', () => dir, /: is a directory; give a file name$/],
    ['/dev/null', () => '/dev/null', /^error: \/dev\/null: is a device, not a file$/],
    [
      'a link to /dev/null',
      () => linkTo('/dev/null', 'null-link'),
      /null-link: links to a path that is a device/,
    ],
    ['a link to a directory', () => linkTo(dir, 'dir-link'), /dir-link: links to a path that is a directory/],
    [
      'a dangling link',
      () => linkTo(join(dir, 'nowhere'), 'dangling'),
      /dangling: is a symbolic link to nothing/,
    ],
    ['a missing folder', () => join(dir, 'no/such/folder.json'), /folder\.json: its folder does not exist$/],
  ])('refuses %s with one line and exit 2', async (_what, out, message) => {
    const target = out();
    const r = await derive(example, '--out', target);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneLine(r)).toMatch(message);
    if (target === '/dev/null') expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes through a link to a regular file and keeps the link a link', async () => {
    const real = join(dir, 'real-rows.json');
    writeFileSync(real, 'old');
    const link = linkTo(real, 'rows-link.json');
    const r = await derive(example, '--out', link);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(JSON.parse(readFileSync(real, 'utf8')).length).toBeGreaterThan(50);
  });

  it.each([['--out='], ['--out', '']])('treats %s with no value as an error', async (...flag) => {
    const r = await derive(example, ...flag);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneLine(r)).toBe('error: --out needs a value');
  });
});

function linkTo(target: string, name: string): string {
  const path = join(dir, name);
  symlinkSync(target, path);
  return path;
}

describe('derive reads files strictly and names them', () => {
  it('refuses invalid UTF-8 naming the file and the byte, instead of replacing it', async () => {
    const path = join(dir, 'latin1.json');
    const text = serializeDocument(makeDocument([makeHost('a', ['client'], { name: 'Müller' })]));
    writeFileSync(path, Buffer.from(text, 'latin1'));
    const r = await derive(path);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneLine(r)).toMatch(
      /^error: .*latin1\.json: not valid UTF-8 text \(first bad byte at offset \d+\)/,
    );
  });

  it('names the file and the field in warning lines', async () => {
    const path = join(dir, 'warn.json');
    writeFileSync(path, serializeDocument(makeDocument([makeHost('a', ['client'], { ip: '10.0.0.256' })])));
    const r = await derive(path);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      new RegExp(`^warning: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Host .*IP`, 'm'),
    );
  });

  it('gives a valid JSON file through `npm run -s derive` redirected, as README shows', async () => {
    const { stdout } = await run('npm', ['run', '-s', 'derive', '--', example], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(Array.isArray(JSON.parse(stdout))).toBe(true);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).not.toMatch(/npm run derive /);
  });
});

describe('a killed derive leaves no file behind', () => {
  /** A topology big enough that building the workbook takes a while: the window to kill in. */
  function bigTopology(): string {
    const path = join(dir, 'big.json');
    const clients = Array.from({ length: 1500 }, (_, i) => makeHost(`c${i}`, ['client']));
    const hosts = [makeHost('mp', ['management-point', 'distribution-point']), ...clients];
    writeFileSync(
      path,
      serializeDocument(
        makeDocument(
          hosts,
          clients.map((c) => [c.id, 'mp'] as const),
        ),
      ),
    );
    return path;
  }

  it.each(['SIGTERM', 'SIGINT'] as const)('on %s while the workbook is built', async (signal) => {
    const input = bigTopology();
    const out = join(dir, `killed-${signal}`);
    mkdirSync(out);
    const child = spawn(process.execPath, [...CLI, input, '--format', 'xlsx', '--out', join(out, 'm.xlsx')], {
      cwd: root,
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const deadline = Date.now() + 30_000;
    while (readdirSync(out).length === 0 && Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(readdirSync(out)).toEqual([expect.stringMatching(/^\.m\.xlsx\.\d+\.partial$/)]);
    child.kill(signal);
    const code = await exited;
    expect(code).toBe(128 + (signal === 'SIGTERM' ? 15 : 2));
    expect(readdirSync(out)).toEqual([]);
  });
});
