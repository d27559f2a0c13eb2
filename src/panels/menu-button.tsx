import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Icon, type IconName } from './icons';

export interface MenuItem {
  readonly id: string;
  readonly label: string;
  /** Second line: what the item does, or why it is disabled. */
  readonly hint?: string;
  readonly disabled?: boolean;
  readonly onSelect: () => void;
  /** Starts a new group with a divider above it. */
  readonly group?: string;
}

/**
 * A toolbar button that opens a menu of items. Arrow keys move, Escape closes, a click outside
 * closes; disabled items stay visible with the reason.
 */
export function MenuButton({
  label,
  icon,
  items,
  title,
  footer,
}: {
  label: string;
  icon: IconName;
  items: readonly MenuItem[];
  title?: string;
  footer?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not([disabled])')?.focus();
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const move = (delta: number) => {
    const all = [
      ...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? []),
    ];
    const i = all.indexOf(document.activeElement as HTMLButtonElement);
    all[(i + delta + all.length) % all.length]?.focus();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keyboard handling of the menu it wraps
    <div
      className="menu"
      ref={root}
      onKeyDown={(e) => {
        if (!open) return;
        if (e.key === 'Escape') {
          setOpen(false);
          button.current?.focus();
        } else if (e.key === 'ArrowDown') {
          e.preventDefault();
          move(1);
        } else if (e.key === 'ArrowUp') {
          e.preventDefault();
          move(-1);
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="tool-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={title}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name={icon} />
        <span>{label}</span>
        <Icon name="chevron" size={12} />
      </button>
      {open && (
        <div className="menu__popup" role="menu" id={menuId} aria-label={label}>
          {items.map((item, i) => (
            <div key={item.id}>
              {item.group && (i === 0 || items[i - 1]?.group !== item.group) && (
                <div className="menu__group" role="presentation">
                  {item.group}
                </div>
              )}
              <button
                type="button"
                role="menuitem"
                className="menu__item"
                disabled={item.disabled}
                onClick={() => {
                  setOpen(false);
                  item.onSelect();
                }}
              >
                <span className="menu__label">{item.label}</span>
                {item.hint && <span className="menu__hint">{item.hint}</span>}
              </button>
            </div>
          ))}
          {footer && <div className="menu__footer">{footer}</div>}
        </div>
      )}
    </div>
  );
}
