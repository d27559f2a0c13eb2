/**
 * The one function that hands a file to the browser as a download, for every file the app
 * writes (saved topology, exported matrix, diagram picture). It lives in the store's layer so the
 * store's file commands and every leaf above can use it; building the file stays elsewhere (pure).
 */

/** How long the object URL lives: some browsers read it after `click()` returns. */
const REVOKE_AFTER_MS = 30_000;

/**
 * Downloads `content` as `fileName`: clicks a hidden link to an object URL, removes the link and
 * frees the URL once the download has surely started.
 *
 * @param content - The file: bytes in a Blob, or text (wrapped in a Blob of `type`).
 * @param fileName - The suggested name (see `fileName` in src/domain/file-name.ts).
 * @param type - The MIME type of text content; a Blob keeps its own.
 */
export function downloadFile(
  content: Blob | string,
  fileName: string,
  type = 'text/plain;charset=utf-8',
): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = globalThis.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  globalThis.document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
