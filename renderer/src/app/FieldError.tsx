/** A problem with what was just tried, said where it happened and announced to screen readers. */
export function FieldError(props: { message: string | null; id?: string; className?: string }) {
  if (!props.message) return null;
  return (
    <p
      id={props.id}
      className={`field-error${props.className ? ` ${props.className}` : ''}`}
      role="alert"
    >
      {props.message}
    </p>
  );
}
