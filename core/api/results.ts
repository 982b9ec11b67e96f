// Results as the import, the entry form and the LIFF app speak of them: what applying changed,
// what a file would change, and what is wrong with a file.

export interface ApplySummary {
  agenciesCreated: number;
  agenciesUpdated: number;
  assessmentsCreated: number;
  assessmentsChanged: number;
  assessmentsUnchanged: number;
  scoresWritten: number;
  mismatches: number;
}

export type ChangeKind =
  | "agency"
  | "total"
  | "level"
  | "rank"
  | "tool"
  | "part"
  | "indicator"
  | "sub"
  | "item";

/** One figure an import would change: what is stored now (null: nothing yet) and what the file says. */
export interface ResultChange {
  year: number;
  kind: ChangeKind;
  /** "total", "level", "rank", a tool or part code, an indicator number, an item code; agency fields by name. */
  code: string;
  from: string | null;
  to: string;
}

/** A file problem as the LIFF app shows it: row, column and the Thai message. */
export interface FileError {
  line: number | null;
  column: string | null;
  th: string;
}

/**
 * A results file refused: 400 from the upload routes, or 413 from the size limit, which answers
 * before any route does (so the routes' types cannot tell the app about it).
 */
export interface FileRefusal {
  ok: false;
  errors: FileError[];
}
