/** An action's failure under its controls, announced (`role=alert`); nothing while there is none. */
export function FailureNote({
  failure,
  className,
  testId,
}: {
  failure: string | null;
  className?: string;
  testId?: string;
}) {
  if (!failure) return null;
  return (
    <p className={className ? `error ${className}` : 'error'} role="alert" data-testid={testId}>
      {failure}
    </p>
  );
}
