import { z } from "zod/mini";

// Text people type or paste reaches the database, reports and LINE messages. Control characters
// (C0, DEL, C1) are invisible, cannot be what anyone meant, and PostgreSQL refuses NUL outright, so
// they are taken out at the schema rather than refused: a person cannot delete what they cannot
// see. Zero-width spaces are format characters Thai typing uses for word breaks, and are kept.
// See docs/decisions/2026-12-08-control-characters.md.

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAKS = /[\t\n\r]+/g;

/** Text that may run over several lines (a note, a method): tabs and line breaks are kept. */
export function withoutControls(text: string): string {
  return text.replace(CONTROL, "");
}

/** Text of one line (a title, a name, a link): a tab or line break becomes one space. */
export function oneLine(text: string): string {
  return withoutControls(text).replace(LINE_BREAKS, " ");
}

/** zod checks that clean a string before its other checks (trim, lengths) run. */
export const multiLineText = () => z.overwrite(withoutControls);
export const singleLineText = () => z.overwrite(oneLine);
