import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { isImeKeystroke } from '../ime';

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A real modal: rendered at the end of <body> (no panel's stacking can cover it), the page behind
 * made inert, focus kept inside and given back to what opened it, Escape cancels — but never while
 * Korean is being composed, when Escape belongs to the input method.
 */
export function Modal({ title, children, onCancel }: { title: string; children: ReactNode; onCancel: () => void }) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    panel.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => {
      root?.removeAttribute('inert');
      opener?.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isImeKeystroke(event)) return;
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...(panel.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable.at(-1)!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="modal-backdrop" onKeyDown={onKeyDown}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={title} ref={panel}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
