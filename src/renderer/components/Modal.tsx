import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** A small modal: focus moves into it, Escape cancels, the page behind is inert. */
export function Modal({ title, children, onCancel }: { title: string; children: ReactNode; onCancel: () => void }) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const firstField = panel.current?.querySelector<HTMLElement>('input, button');
    firstField?.focus();
  }, []);
  // Rendered at the end of <body>: no panel's stacking (virtualised rows, the waveform) can cover it.
  return createPortal(
    <div className="modal-backdrop" onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={title} ref={panel}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
