import type { AuditItem } from "./api/types.ts";
import { auditTime, describeEntry } from "./audit-text.ts";

/** One audit entry: the sentence, when, and each changed field before → after. */
export function AuditEntry({ entry }: { entry: AuditItem }) {
  const { sentence, changes, more } = describeEntry(entry);
  return (
    <li class="audit-entry">
      <p class="audit-sentence">{sentence}</p>
      <p class="card-meta">
        <time dateTime={entry.at}>{auditTime(entry.at)}</time>
      </p>
      {changes.length > 0 && (
        <ul class="audit-changes">
          {changes.map((c) => (
            <li key={c.label}>
              <span class="audit-field">{c.label}</span> <span class="audit-from">{c.from}</span>
              {" → "}
              <span class="audit-to">{c.to}</span>
            </li>
          ))}
        </ul>
      )}
      {more > 0 && <p class="hint">และอีก {more} รายการ</p>}
    </li>
  );
}
