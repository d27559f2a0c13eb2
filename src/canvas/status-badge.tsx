import type { ElementStatus } from '@/store/derived';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "1 error, 2 warnings": what a status counts, for labels and titles. */
export function statusSummary(status: ElementStatus): string {
  const parts: string[] = [];
  if (status.errors > 0) parts.push(plural(status.errors, 'error'));
  if (status.warnings > 0) parts.push(plural(status.warnings, 'warning'));
  return parts.join(', ');
}

/**
 * The count of a host's or link's error and warning findings, in the colour of the worst; its
 * accessible name and tooltip give the messages.
 */
export function StatusBadge({ status, className }: { status: ElementStatus; className: string }) {
  const summary = statusSummary(status);
  return (
    <span
      className={`status-badge status-badge--${status.level} ${className}`}
      role="img"
      aria-label={`${summary}: ${status.messages.join('; ')}`}
      title={`${summary}\n${status.messages.map((m) => `• ${m}`).join('\n')}`}
    >
      <span aria-hidden="true">{status.level === 'error' ? '!' : '▲'}</span>
      {status.count}
    </span>
  );
}
