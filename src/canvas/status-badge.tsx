import type { TFunction } from 'i18next';
import type { ElementStatus } from '@/store/derived';
import { useElementWords } from './element-words';

/** "1 error, 2 warnings": what a status counts, for labels and titles. */
export function statusSummary(status: ElementStatus, t: TFunction<'canvas'>): string {
  const errors = t('status.errors', { count: status.errors });
  const warnings = t('status.warnings', { count: status.warnings });
  if (status.errors > 0 && status.warnings > 0) return t('status.both', { errors, warnings });
  return status.errors > 0 ? errors : status.warnings > 0 ? warnings : '';
}

/**
 * The count of a host's or link's error and warning findings, in the colour of the worst; its
 * accessible name and tooltip give the messages. Inside ElementWordsProvider (hosts and links).
 */
export function StatusBadge({ status, className }: { status: ElementStatus; className: string }) {
  const { t, words } = useElementWords();
  const { say } = words;
  const summary = statusSummary(status, t);
  // Findings' messages may be catalogue messages or text: each in the app's language.
  const messages = status.messages.map((m) => say(m));
  return (
    <span
      className={`status-badge status-badge--${status.level} ${className}`}
      role="img"
      aria-label={`${summary}: ${messages.join('; ')}`}
      title={`${summary}\n${messages.map((m) => `• ${m}`).join('\n')}`}
    >
      <span aria-hidden="true">{status.level === 'error' ? '!' : '▲'}</span>
      {status.count}
    </span>
  );
}
