import { useId, type ReactNode } from 'react';

type FieldProps = {
  label: string;
  children: (id: string) => ReactNode;
  problem?: string | undefined;
  hint?: string;
  badge?: string;
  wide?: boolean;
  className?: string;
  /** Called when the user leaves or changes the field: from then on its problem is shown. */
  onTouched?: () => void;
};

/** A labelled field of the Details form: the control gets the label's id, a problem shows under it. */
export function Field({ label, children, problem, hint, badge, wide, className, onTouched }: FieldProps) {
  const id = useId();
  return (
    <div className={['field', wide ? 'wide' : '', problem ? 'invalid' : '', className ?? ''].join(' ')} onBlurCapture={onTouched} onChangeCapture={onTouched}>
      <label htmlFor={id}>
        {label}
        {badge && <span className="badge-sensitive">{badge}</span>}
      </label>
      {children(id)}
      {hint && <span className="field-hint">{hint}</span>}
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
