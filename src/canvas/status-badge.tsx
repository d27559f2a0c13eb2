import type { ElementStatus } from '@/store/derived';
import { useElementWords } from './element-words';

/**
 * The count of a host's or link's error and warning findings, in the colour of the worst; its
 * accessible name and tooltip give the messages. Inside ElementWordsProvider (hosts and links).
 */
export function StatusBadge({ status, className }: { status: ElementStatus; className: string }) {
  const { summary: summaryOf, words } = useElementWords();
  const { say } = words;
  const summary = summaryOf(status.errors, status.warnings);
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
