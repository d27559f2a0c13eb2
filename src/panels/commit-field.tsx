import { type KeyboardEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Text } from '@/store/ui-types';
import { useWords } from '@/store/use-words';

export interface CommitFieldProps {
  readonly label: string;
  readonly value: string;
  /** Applies the typed text; returns why it was refused (a message or text), or undefined when accepted. */
  readonly onCommit: (text: string) => Text | undefined;
  readonly help?: ReactNode;
  readonly placeholder?: string;
  readonly inputMode?: 'text' | 'numeric' | 'decimal';
  readonly className?: string;
  readonly monospace?: boolean;
}

/**
 * A text field that applies its value on Enter or when it loses focus (Escape reverts). A refused
 * value is answered at the field with the reason, and the field goes back to the value in force.
 */
export function CommitField({
  label,
  value,
  onCommit,
  help,
  placeholder,
  inputMode = 'text',
  className,
  monospace,
}: CommitFieldProps) {
  const id = useId();
  const { t } = useTranslation('panels');
  const { say } = useWords();
  const [draft, setDraft] = useState(value);
  // What was refused and the value kept, put into words at render (a language switch re-words it).
  const [refused, setRefused] = useState<{ problem: Text; kept: string } | undefined>();
  const [seen, setSeen] = useState(value);
  // The value changed outside the field (undo, another panel): show it.
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }

  const commit = () => {
    if (draft === value) {
      setRefused(undefined);
      return;
    }
    const problem = onCommit(draft);
    if (problem) {
      setRefused({ problem, kept: value });
      setDraft(value);
    } else setRefused(undefined);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      setDraft(value);
      setRefused(undefined);
    }
  };

  const error =
    refused &&
    (refused.kept === ''
      ? t('commitField.keptEmpty', { problem: say(refused.problem) })
      : t('commitField.kept', { problem: say(refused.problem), value: refused.kept }));
  const describedBy = [error ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        className={`field__input${monospace ? ' field__input--mono' : ''}`}
        value={draft}
        placeholder={placeholder}
        inputMode={inputMode}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
      {help && (
        <p id={`${id}-help`} className="field__help">
          {help}
        </p>
      )}
    </div>
  );
}
