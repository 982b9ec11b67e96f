import type { ComponentChildren } from "preact";

/** The attributes that tie an input to its label and its message. */
export function fieldInput(name: string, error: string | undefined) {
  return {
    id: `field-${name}`,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": `${name}-message`,
  };
}

interface Props {
  name: string;
  label: string;
  error: string | undefined;
  /** Lines kept free for the longest message at 320 px. */
  lines?: number;
  children: ComponentChildren;
}

/** Label, input and a message line that is always there, so an error never moves the form. */
export function Field({ name, label, error, lines, children }: Props) {
  return (
    <div class="field">
      <label htmlFor={`field-${name}`}>{label}</label>
      {children}
      <FieldMessage name={name} error={error} lines={lines} />
    </div>
  );
}

export function FieldMessage({
  name,
  error,
  lines = 1,
}: {
  name: string;
  error: string | undefined;
  lines?: number;
}) {
  return (
    <p id={`${name}-message`} class="field-error" style={{ minHeight: `${lines * 1.5}em` }}>
      {error ?? ""}
    </p>
  );
}
