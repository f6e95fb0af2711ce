// A form that Enter submits only when no syllable is being composed (see ime.ts): every form in
// the app is one of these, so a Korean title or query is never sent half-typed.
import type { FormHTMLAttributes } from 'react';
import { isImeKeystroke } from '../ime';

export function ImeSafeForm({ onKeyDown, ...props }: FormHTMLAttributes<HTMLFormElement>) {
  return (
    <form
      {...props}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && isImeKeystroke(event)) event.preventDefault();
        onKeyDown?.(event);
      }}
    />
  );
}
