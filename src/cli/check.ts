/**
 * `npm run -s check -- <topology.json> [--format text|json] [--edition 2018-de|current] [--lang en|de]`
 * Runs the hierarchy checks on a topology file and prints the findings: one line each (text, the
 * default) or a JSON array, in English (the default) or German. Exit code 1 when any error
 * remains, 0 otherwise, 2 on bad input.
 */

import {
  countFindings,
  countsMessage,
  type Finding,
  SEVERITIES,
  type Severity,
} from '@/domain/checks/finding';
import { runChecks } from '@/domain/checks/run-checks';
import type { TopologyDocument } from '@/domain/document';
import { type Message, message } from '@/domain/message';
import { languageOption, parseArgs, UsageError } from './args';
import { editionLine, editionOption, loadWithEdition } from './edition';
import { runCli } from './io';
import { sayIn } from './words';

const FORMATS = ['text', 'json'] as const;

/** Messages in the language of the run. */
type Say = (text: Message) => string;

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
    throw new UsageError(message('cli:usage.unknownFormat', { format, formats: FORMATS.join(', ') }));
  }
  const { document, problems, catalogue } = loadWithEdition(args.file, edition);
  const say = sayIn(language, catalogue);
  // Restore's problems, each as a warning about the file in the run's language.
  for (const problem of problems) {
    const inFile = say(message('cli:prefix.inFile', { file: args.file, text: say(problem) }));
    process.stderr.write(`${say(message('cli:prefix.warning', { text: inFile }))}\n`);
  }
  const findings = runChecks(document, catalogue);
  if (format === 'json') {
    process.stdout.write(
      `${JSON.stringify(
        findings.map((f) => toJson(f, document, say)),
        null,
        2,
      )}\n`,
    );
    process.stderr.write(editionLine(catalogue, language));
  } else {
    // Labels padded to the longest severity name plus a space: `error:   `, `warning: ` in English.
    const width = Math.max(...SEVERITIES.map((s) => say(SEVERITY[s]).length)) + 2;
    for (const finding of findings) process.stdout.write(`${toLine(finding, document, say, width)}\n`);
    process.stderr.write(editionLine(catalogue, language));
    process.stderr.write(`${say(countsMessage(countFindings(findings)))}\n`);
  }
  return countFindings(findings).error > 0 ? 1 : 0;
});
