import type { ComponentChildren } from "preact";

/** A whole-page message: outside LINE, not a member yet, start-up failures. */
export function Notice({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <main class="notice">
      <h1>{title}</h1>
      {children}
    </main>
  );
}
