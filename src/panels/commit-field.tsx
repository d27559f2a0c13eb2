import { type KeyboardEvent, type ReactNode, useId, useState } from 'react';

export interface CommitFieldProps {
  readonly label: string;
  readonly value: string;
  /** Applies the typed text; returns why it was refused, or undefined when accepted. */
  readonly onCommit: (text: string) => string | undefined;
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
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | undefined>();
  const [seen, setSeen] = useState(value);
  // The value changed outside the field (undo, another panel): show it.
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }

  const commit = () => {
    if (draft === value) {
      setError(undefined);
      return;
    }
    const problem = onCommit(draft);
    if (problem) {
      setError(`${problem}. Kept ${value === '' ? 'the field empty' : `“${value}”`}.`);
      setDraft(value);
    } else setError(undefined);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      setDraft(value);
      setError(undefined);
    }
  };

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
