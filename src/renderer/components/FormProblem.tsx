/** Why a form could not go on, announced to screen readers; nothing when all is well. */
export function FormProblem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p className="field-error" role="alert">
      {problem}
    </p>
  );
}
