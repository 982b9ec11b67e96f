/** One change as the audit page shows it; before/after hold only the fields that changed. */
export interface AuditItem {
  id: string;
  at: string;
  /** "line:U…", "cli", "import:file.csv", "job:reminders". */
  actor: string;
  /** The acting member's display name, when a member acted. */
  memberName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** The step's or measure's title, the member's name…, when the entity still exists. */
  entityTitle: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditPage {
  entries: AuditItem[];
  /** The id to pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
}
