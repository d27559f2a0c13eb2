/**
 * `npm run -s check -- <topology.json> [--format text|json] [--edition 2018-de|current] [--lang en|de]`
 * Runs the hierarchy checks on a topology file and prints the findings: one line each (text, the
 * default) or a JSON array, in English (the default) or German. Exit code 1 when any error
 * remains, 0 otherwise, 2 on bad input.
 */

import type { Catalogue } from '@/domain/catalogue-types';
import {
  countFindings,
  countsMessage,
  type Finding,
  SEVERITIES,
  type Severity,
} from '@/domain/checks/finding';
import { runChecks } from '@/domain/checks/run-checks';
import type { TopologyDocument } from '@/domain/document';
import { isMessage, type Message, message } from '@/domain/message';
import { createI18n } from '@/i18n/create-i18n';
import { formatMessage } from '@/i18n/format-message';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '@/i18n/languages';
import { parseArgs, UsageError } from './args';
import { editionLine, editionOption, loadWithEdition } from './edition';
import { runCli } from './io';

const FORMATS = ['text', 'json'] as const;

/** Messages in the language of the run. */
type Say = (text: Message) => string;

/**
 * Checks `--lang` before any file is read.
 *
 * @param option - The flag's value, if given.
 * @returns The language to print in; English when the flag is not given.
 * @throws UsageError naming the flag and the languages it takes.
 */
function languageOption(option: string | undefined): Language {
  if (option === undefined) return DEFAULT_LANGUAGE;
  if (!isLanguage(option)) throw new UsageError(`unknown --lang "${option}" (use ${LANGUAGES.join(', ')})`);
  return option;
}

function sayerFor(language: Language, catalogue: Catalogue): Say {
  const i18n = createI18n(language);
  return (text) => formatMessage(text, { i18n, catalogue });
}

/** A finding as the CLI prints it in JSON: host and link ids resolved to names, ids kept beside. */
function toJson(finding: Finding, document: TopologyDocument, say: Say) {
  const names = new Map(document.hosts.map((h) => [h.id, h.name]));
  const links = new Map(document.links.map((l) => [l.id, l]));
  const name = (id: string) => names.get(id) ?? id;
  return {
    severity: finding.severity,
    check: finding.check,
    id: finding.id,
    message: say(finding.message),
    hosts: finding.hosts.map(name),
    hostIds: finding.hosts,
    links: finding.links.map((id) => {
      const link = links.get(id);
      return link ? `${name(link.source)} – ${name(link.target)}` : id;
    }),
    linkIds: finding.links,
    ...(finding.sections && finding.sections.length > 0 ? { sections: finding.sections } : {}),
    ...(finding.fix ? { fix: say(finding.fix.label) } : {}),
  };
}

function toLine(finding: Finding, document: TopologyDocument, say: Say, width: number): string {
  const names = new Map(document.hosts.map((h) => [h.id, h.name.trim()]));
  const hosts = finding.hosts.map((id) => names.get(id) ?? id);
  const label = `${say(SEVERITY[finding.severity])}:`.padEnd(width);
  return `${label}${say(finding.message)}${hosts.length > 0 ? ` [${hosts.join(', ')}]` : ''}`;
}

const SEVERITY: Record<Severity, Message> = {
  error: message('checks:severity.error'),
  warning: message('checks:severity.warning'),
  info: message('checks:severity.info'),
};

await runCli(() => {
  const args = parseArgs(process.argv.slice(2), ['format', 'edition', 'lang']);
  const edition = editionOption(args.options.edition);
  const language = languageOption(args.options.lang);
  const format = args.options.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (use ${FORMATS.join(', ')})`);
  }
  const { document, problems, catalogue } = loadWithEdition(args.file, edition);
  const say = sayerFor(language, catalogue);
  // Restore's problems may be plain text or messages; both print in the run's language.
  const sayAny = (text: unknown) => (isMessage(text) ? say(text) : String(text));
  for (const problem of problems) process.stderr.write(`warning: ${args.file}: ${sayAny(problem)}\n`);
  const findings = runChecks(document, catalogue);
  if (format === 'json') {
    process.stdout.write(
      `${JSON.stringify(
        findings.map((f) => toJson(f, document, say)),
        null,
        2,
      )}\n`,
    );
    process.stderr.write(editionLine(catalogue));
  } else {
    // Labels padded to the longest severity name plus a space: `error:   `, `warning: ` in English.
    const width = Math.max(...SEVERITIES.map((s) => say(SEVERITY[s]).length)) + 2;
    for (const finding of findings) process.stdout.write(`${toLine(finding, document, say, width)}\n`);
    process.stderr.write(editionLine(catalogue));
    process.stderr.write(`${say(countsMessage(countFindings(findings)))}\n`);
  }
  return countFindings(findings).error > 0 ? 1 : 0;
});
