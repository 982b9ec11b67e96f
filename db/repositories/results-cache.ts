import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import type { AgencyScope } from "../scope.ts";
import { assessmentYears, loadAssessment, type StoredAssessment } from "./assessments.ts";

/** Read access to an agency's results, as the chat needs it. */
export interface ResultsReader {
  years(db: Kysely<Database>, scope: AgencyScope): Promise<number[]>;
  load(db: Kysely<Database>, scope: AgencyScope, year: number): Promise<StoredAssessment | undefined>;
}

export const directResults: ResultsReader = { years: assessmentYears, load: loadAssessment };

/**
 * Results change a few times a year (imports) but are read on every chat question, so they are
 * kept per process for `ttlMs`. Results are public data, so sharing them across members of an
 * agency is safe; an import shows in answers within the TTL (at once in the process that imported).
 */
export function cachedResults(options: { ttlMs: number; now: () => number; maxAgencies?: number }) {
  const entries = new Map<
    number,
    { at: number; years?: Promise<number[]>; byYear: Map<number, Promise<StoredAssessment | undefined>> }
  >();
  const max = options.maxAgencies ?? 5000;
  const entry = (agencyId: number) => {
    const now = options.now();
    let e = entries.get(agencyId);
    if (!e || now - e.at > options.ttlMs) {
      e = { at: now, byYear: new Map() };
      entries.delete(agencyId);
      if (entries.size >= max) entries.delete(entries.keys().next().value!);
      entries.set(agencyId, e);
    }
    return e;
  };
  // A failed load is not kept: the next question tries the database again.
  const keep = <T>(p: Promise<T>, forget: () => void) => {
    p.catch(forget);
    return p;
  };
  const reader: ResultsReader & { invalidate(agencyId?: number): void } = {
    years(db, scope) {
      const e = entry(scope.agencyId);
      e.years ??= keep(assessmentYears(db, scope), () => entries.delete(scope.agencyId));
      return e.years;
    },
    load(db, scope, year) {
      const e = entry(scope.agencyId);
      let p = e.byYear.get(year);
      if (!p) {
        p = keep(loadAssessment(db, scope, year), () => e.byYear.delete(year));
        e.byYear.set(year, p);
      }
      return p;
    },
    invalidate(agencyId) {
      if (agencyId === undefined) entries.clear();
      else entries.delete(agencyId);
    },
  };
  return reader;
}
