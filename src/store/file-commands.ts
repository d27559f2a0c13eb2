import { DEFAULT_EDITION, loadEdition } from '@/domain/editions';
import { fileName } from '@/domain/file-name';
import { type Message, message } from '@/domain/message';
import { createEmptyDocument, MAX_FILE_BYTES, serializeDocument } from '@/domain/restore';
import type { AppStore } from './app-store';
import { toDocument } from './app-store';
import { downloadFile } from './download';
import { markOpen } from './open-marks';
import { parseWorkers, readDocumentOffThread } from './parse-protocol';
import { restoreTemplate, type Template, templateWords, untitledName } from './templates';
import type { ConfirmRequest, Text } from './ui-types';

/**
 * Commands behind the toolbar's file buttons. They go through the store's actions and the domain's
 * one way in (readDocumentText), ask before anything is lost, and report what happened.
 */

/** From this size on, opening a file shows that it is being read (smaller ones open at once). */
const LARGE_FILE_BYTES = 1024 * 1024;

/** Runs `then` once the page has painted (at once where there is nothing to paint). */
function afterPaint(then: () => void): void {
  if (typeof requestAnimationFrame === 'undefined') setTimeout(then, 0);
  else requestAnimationFrame(() => setTimeout(then, 0));
}

/** Saves the diagram as the versioned JSON document. */
export function saveDocumentFile(store: AppStore): void {
  const state = store.getState();
  downloadFile(
    serializeDocument(toDocument(state)),
    fileName(state.name, 'cmports.json'),
    'application/json',
  );
}

function hasContent(store: AppStore): boolean {
  const { hosts, links } = store.getState();
  return hosts.length > 0 || links.length > 0;
}

/** Runs `action` at once when the diagram is empty; otherwise asks first. */
function confirmIfContent(
  store: AppStore,
  title: Message,
  question: Message,
  confirmLabel: Message,
  action: () => void,
) {
  if (!hasContent(store)) {
    action();
    return;
  }
  store.getState().askConfirm({ title, message: question, confirmLabel, onConfirm: action });
}

function formatBytes(bytes: number): Message {
  return bytes >= 1024 * 1024
    ? message('store:file.megabytes', { value: bytes / 1024 / 1024 })
    : message('store:file.kilobytes', { value: Math.ceil(bytes / 1024) });
}

/**
 * Opens a document file. Anything wrong (too large, checked on File.size before reading; empty;
 * not JSON; another app's JSON; a newer version) is reported and the current diagram stays.
 */
export async function openDocumentFile(store: AppStore, file: File): Promise<boolean> {
  const notify = store.getState().notify;
  const refuse = (reason: Text) => {
    notify({
      tone: 'error',
      title: message('store:file.openFailed', { file: file.name }),
      details: [reason],
      sticky: true,
    });
    return false;
  };
  if (file.size > MAX_FILE_BYTES) {
    return refuse(
      message('store:file.tooLarge', {
        size: { message: formatBytes(file.size) },
        limit: { message: formatBytes(MAX_FILE_BYTES) },
      }),
    );
  }
  // The question is asked at once, while the file is read off the page's thread (a 100 MB file
  // must not freeze the page): the answer does not wait for the read, nor the read for the answer.
  // The diagram on screen stays as it is until the new one is ready and the answer is yes.
  const cancel = new AbortController();
  const answer = hasContent(store) ? ask(store, file.name) : undefined;
  let answered = answer === undefined;
  void answer?.then((yes) => {
    answered = true;
    if (!yes) cancel.abort();
  });
  const { dismissNotice } = store.getState();
  let reading =
    file.size > LARGE_FILE_BYTES
      ? notify({ tone: 'info', title: message('store:file.reading', { file: file.name }), sticky: true })
      : undefined;
  // A large file says what it opens as soon as its hosts are read: that notice paints while the
  // links are still being read, not after.
  let opening: number | undefined;
  const sayOpening = (name: string, count: number) => {
    if (reading !== undefined) dismissNotice(reading);
    reading = undefined;
    if (opening !== undefined) dismissNotice(opening);
    opening = notify({ tone: 'info', title: message('store:file.opening', { name, count }), sticky: true });
  };
  const large = reading !== undefined;
  const result = await readDocumentOffThread(
    file,
    store.getState().catalogue,
    undefined,
    undefined,
    cancel.signal,
    sayOpening,
  );
  // The next file need not wait for a worker to load; warmed once this open is drawn, not while
  // this file is read (two cores are busy enough then).
  parseWorkers.warmLater();
  if (reading !== undefined) dismissNotice(reading);
  // Shown, and painted, while the file was read: nothing to wait for once the answer was in by then.
  const painted = opening !== undefined && answered;
  const stopOpening = () => {
    if (opening !== undefined) dismissNotice(opening);
    opening = undefined;
  };
  if (cancel.signal.aborted) {
    stopOpening();
    return false;
  }
  if (!result.ok) {
    stopOpening();
    // Nothing to replace the diagram with: the question goes unanswered.
    answer?.withdraw();
    return refuse(result.error);
  }
  if (answer && !(await answer)) {
    stopOpening();
    return false;
  }
  const document = result.document;
  const replace = () => {
    stopOpening();
    markOpen('replacing');
    // Where its links' ends and its hosts are, as the reader found them.
    store.getState().replaceDocument(document, 'places' in result ? result : undefined);
    markOpen('replaced');
    const problems: Text[] = [...result.problems];
    if (result.migratedFrom !== undefined)
      problems.unshift(message('store:file.upgraded', { version: result.migratedFrom }));
    notify({
      tone: problems.length > 0 ? 'warning' : 'success',
      title: message('store:file.opened', {
        name: document.name,
        hosts: { message: message('store:file.hosts', { count: document.hosts.length }) },
        links: { message: message('store:file.links', { count: document.links.length }) },
      }),
      ...(problems.length > 0 ? { details: problems, sticky: true } : {}),
    });
  };
  if (!large || painted) {
    replace();
    return true;
  }
  // A large diagram takes a moment to draw: say so (unless said already), and let the notice (and
  // the question's closing) paint first.
  if (opening === undefined) sayOpening(document.name, document.hosts.length);
  return new Promise<boolean>((resolve) =>
    afterPaint(() => {
      replace();
      resolve(true);
    }),
  );
}

/** The question whether to replace the diagram with a file, asked now: yes or no once answered. */
function ask(store: AppStore, file: string): Promise<boolean> & { withdraw(): void } {
  let settle: (yes: boolean) => void = () => {};
  const answer = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  const request: ConfirmRequest = {
    title: message('store:file.openTitle', { file }),
    message: message('store:file.openMessage'),
    confirmLabel: message('store:file.openConfirm'),
    onConfirm: () => settle(true),
    onCancel: () => settle(false),
  };
  store.getState().askConfirm(request);
  return Object.assign(answer, { withdraw: () => store.getState().withdrawConfirm(request) });
}

/** Starts an empty diagram, after asking when there is something to lose. */
export function newDocument(store: AppStore): void {
  confirmIfContent(
    store,
    message('store:file.newTitle'),
    message('store:file.newMessage'),
    message('store:file.newConfirm'),
    () => {
      store.getState().replaceDocument(createEmptyDocument(loadEdition(DEFAULT_EDITION), untitledName()));
      store.getState().notify({ tone: 'info', title: message('store:file.newDone') });
    },
  );
}

/** Loads a template, replacing the diagram (after asking) or adding it beside what is there. */
export function applyTemplate(store: AppStore, template: Template, mode: 'replace' | 'add'): void {
  // The document, its zones and the notices name the template in the app's language.
  const { name } = templateWords(template);
  const result = restoreTemplate(template, store.getState().catalogue);
  if (!result.ok) {
    store.getState().notify({
      tone: 'error',
      title: message('store:file.templateFailed', { name }),
      details: [result.error],
      sticky: true,
    });
    return;
  }
  const document = result.document;
  if (mode === 'add') {
    store.getState().mergeDocument(document);
    store.getState().notify({
      tone: 'success',
      title: message('store:file.templateAdded', {
        name,
        hosts: { message: message('store:file.hosts', { count: document.hosts.length }) },
      }),
    });
    return;
  }
  confirmIfContent(
    store,
    message('store:file.templateTitle', { name }),
    message('store:file.templateMessage'),
    message('store:file.templateConfirm'),
    () => {
      store.getState().replaceDocument(document);
      store.getState().notify({ tone: 'success', title: message('store:file.templateLoaded', { name }) });
    },
  );
}
