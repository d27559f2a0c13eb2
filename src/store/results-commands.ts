/**
 * The connectivity test's results in the app (issue 17): a result file read against the current
 * flows and merged into the document as one undo step, with a notice that counts what it said
 * and lists every line it could not apply with the reason, never a guess; and clearing them.
 */
import { type Message, type MessageParam, message } from '@/domain/message';
import { MAX_FILE_BYTES } from '@/domain/restore';
import { quoted } from '@/domain/restore-values';
import { importResults, type UnknownResultRow } from '@/domain/results/import-results';
import { countChecks, mergeResults } from '@/domain/results/link-results';
import type { AppStore } from './app-store';
import { selectRows } from './derived';

const said = (key: string, params?: Readonly<Record<string, MessageParam>>): MessageParam => ({
  message: message(key, params),
});

/** One unknown line in words: its line number and why it was not applied, naming what it said. */
function unknownLine(row: UnknownResultRow): Message {
  const { line, reason, source, target, protocol, port, result } = row;
  return message('store:results.line', {
    line,
    reason: said(`store:results.reason.${reason}`, {
      source: quoted(source),
      target: quoted(target),
      protocol: quoted(protocol),
      port: quoted(port),
      result: quoted(result),
      // Only said for lines whose protocol and port were read: no quotes needed.
      flow: `${protocol.toUpperCase()} ${port}`,
    }),
  });
}

/**
 * Imports a connectivity test's result CSV into the document: each line is matched to a flow of
 * the current derivation; verified and blocked flows are merged into the results (a flow tested
 * again takes the new result) as one undo step. The notice counts verified, blocked and untested
 * lines and lists the unknown ones with their line and reason. A file that cannot be read changes
 * nothing and says why.
 *
 * @param store - the app's store
 * @param text - the file's text
 * @param file - the file's name, for the notice
 * @returns whether the results changed
 */
export function importTestResults(store: AppStore, text: string, file: string): boolean {
  const state = store.getState();
  const refuse = (reason: Message) => {
    state.notify({
      tone: 'error',
      title: message('store:results.failed', { file }),
      details: [reason],
      sticky: true,
    });
    return false;
  };
  if (text.length > MAX_FILE_BYTES) {
    return refuse(message('store:results.tooLarge', { limit: MAX_FILE_BYTES / 1024 / 1024 }));
  }
  const read = importResults(text, selectRows(store, state), state.hosts);
  if (!read.ok) {
    return refuse(
      read.error === 'columns'
        ? message('store:results.columns', { missing: { list: read.missing, join: 'and' } })
        : message('store:results.unclosedQuote', { line: read.line }),
    );
  }
  const merged = mergeResults(state.results, read.checks);
  // One set of the document's results: one undo step (and one change to a shared room).
  if (merged !== state.results) store.setState({ results: merged });
  const { verified, blocked } = countChecks(read.checks);
  const unknown = read.unknown.length;
  state.notify({
    tone: unknown > 0 || blocked > 0 ? 'warning' : 'success',
    title: message('store:results.imported', {
      file,
      verified: said('store:results.verified', { count: verified }),
      blocked: said('store:results.blocked', { count: blocked }),
      untested: said('store:results.untested', { count: read.untested }),
    }),
    details: [
      ...(unknown > 0 ? [message('store:results.unknown', { count: unknown })] : []),
      ...read.unknown.map(unknownLine),
    ],
    ...(unknown > 0 ? { sticky: true } : {}),
  });
  return merged !== state.results;
}

/**
 * Clears every test result of the document as one undo step (Undo brings them back).
 *
 * @param store - the app's store
 * @returns false when there were none
 */
export function clearTestResults(store: AppStore): boolean {
  const state = store.getState();
  if (state.results === undefined) return false;
  store.setState({ results: undefined });
  state.notify({ tone: 'info', title: message('store:results.cleared') });
  return true;
}
