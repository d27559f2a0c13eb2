/** Tiny argument reader for the CLI: one positional file, known `--flag value` pairs, nothing else. */
export interface ParsedArgs {
  readonly file: string;
  readonly options: Readonly<Record<string, string>>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseArgs(argv: readonly string[], known: readonly string[]): ParsedArgs {
  let file: string | undefined;
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const [name = '', inline] = arg.slice(2).split('=', 2);
      if (!known.includes(name))
        throw new UsageError(`unknown flag --${name} (known: ${known.map((k) => `--${k}`).join(', ')})`);
      const value = inline ?? argv[i + 1];
      // `--out=` and `--out ""` are mistakes, not "no value": refusing them beats ignoring them.
      if (value === undefined || value.trim() === '' || (inline === undefined && value.startsWith('--'))) {
        throw new UsageError(`--${name} needs a value`);
      }
      if (inline === undefined) i += 1;
      options[name] = value;
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError(`unexpected argument "${arg}": give one topology file`);
    }
  }
  if (file === undefined) throw new UsageError('no topology file given');
  return { file, options };
}
