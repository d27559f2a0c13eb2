import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface ShareNameFieldProps {
  readonly value: string;
  readonly placeholder: string;
  onChange(value: string): void;
  /** Called when the name is done: the field loses focus, or Enter. */
  onDone?(): void;
}

/** "Your name": the name the others in a room see beside this user's pointer. */
export function ShareNameField({ value, placeholder, onChange, onDone }: ShareNameFieldProps) {
  const { t } = useTranslation('toolbar');
  const id = useId();
  return (
    <div className="field share-dialog__name">
      <label className="field__label" htmlFor={id}>
        {t('share.yourName')}
      </label>
      <input
        id={id}
        className="field__input"
        value={value}
        maxLength={40}
        placeholder={placeholder}
        aria-describedby={`${id}-help`}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => onDone?.()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onDone?.();
        }}
      />
      <span id={`${id}-help`} className="field__help">
        {t('share.nameHelp')}
      </span>
    </div>
  );
}
