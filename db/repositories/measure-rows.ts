import type { Kysely, Selectable } from "kysely";
import type { Measure, Owner, Step } from "../../core/measures/measure.ts";
import type { Database, MeasureStepsTable, MeasuresTable } from "../schema.ts";

// Measures and steps as rows and as the rest of the code sees them (core/measures/measure.ts):
// the columns of each field, and reading whole measures with their steps and owners.

type Db = Kysely<Database>;

export type MeasureFields = Omit<Measure, "id" | "agencyId" | "fiscalYear" | "seq" | "owners" | "steps">;
export type StepFields = Pick<
  Step,
  "title" | "status" | "progress" | "note" | "evidenceUrl" | "doneOn" | "snoozedUntil" | "dueOn"
>;

export const MEASURE_COLUMNS: { [K in keyof MeasureFields]: keyof MeasuresTable } = {
  title: "title",
  indicators: "indicators",
  items: "items",
  method: "method",
  responsibleUnit: "responsible_unit",
  periodText: "period_text",
  periodStart: "period_start",
  periodEnd: "period_end",
  followUp: "follow_up",
  status: "status",
  progress: "progress",
  resultSummary: "result_summary",
  outcome: "outcome",
  suggestions: "suggestions",
  evidenceLinks: "evidence_links",
};

export const STEP_COLUMNS: { [K in keyof StepFields]: keyof MeasureStepsTable } = {
  title: "title",
  status: "status",
  progress: "progress",
  note: "note",
  evidenceUrl: "evidence_url",
  doneOn: "done_on",
  snoozedUntil: "snoozed_until",
  dueOn: "due_on",
};

/** A measure row's changeable fields, as a patch and the audit log name them. */
export function measureFields(row: Selectable<MeasuresTable>): MeasureFields {
  return {
    title: row.title,
    indicators: [...row.indicators],
    items: [...row.items],
    method: row.method,
    responsibleUnit: row.responsible_unit,
    periodText: row.period_text,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    followUp: row.follow_up,
    status: row.status,
    progress: row.progress,
    resultSummary: row.result_summary,
    outcome: row.outcome,
    suggestions: row.suggestions,
    evidenceLinks: [...row.evidence_links],
  };
}

export function toStep(row: Selectable<MeasureStepsTable>, owners: Owner[]): Step {
  return {
    id: row.id,
    measureId: row.measure_id,
    seq: row.seq,
    title: row.title,
    dueOn: row.due_on,
    responsibleUnit: row.responsible_unit,
    status: row.status,
    progress: row.progress,
    note: row.note,
    evidenceUrl: row.evidence_url,
    doneOn: row.done_on,
    snoozedUntil: row.snoozed_until,
    owners,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Measures by id with their steps and owners, in the order of ids; all within one agency. */
export async function loadMeasures(db: Db, agencyId: number, ids: number[]): Promise<Measure[]> {
  if (ids.length === 0) return [];
  const [rows, steps, measureOwners, stepOwners] = await Promise.all([
    db.selectFrom("measures").selectAll().where("agency_id", "=", agencyId).where("id", "in", ids).execute(),
    db
      .selectFrom("measure_steps")
      .selectAll()
      .where("agency_id", "=", agencyId)
      .where("measure_id", "in", ids)
      .orderBy("seq")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("measure_owners as o")
      .innerJoin("members as m", "m.id", "o.member_id")
      .select(["o.measure_id as key", "m.id", "m.display_name"])
      .where("o.agency_id", "=", agencyId)
      .where("o.measure_id", "in", ids)
      .orderBy("m.id")
      .execute(),
    db
      .selectFrom("step_owners as o")
      .innerJoin("measure_steps as s", "s.id", "o.step_id")
      .innerJoin("members as m", "m.id", "o.member_id")
      .select(["o.step_id as key", "m.id", "m.display_name"])
      .where("o.agency_id", "=", agencyId)
      .where("s.agency_id", "=", agencyId)
      .where("s.measure_id", "in", ids)
      .orderBy("m.id")
      .execute(),
  ]);
  const ownersOf = (list: { key: number; id: number; display_name: string | null }[]) => {
    const map = new Map<number, Owner[]>();
    for (const o of list) push(map, o.key, { memberId: o.id, displayName: o.display_name });
    return map;
  };
  const mOwners = ownersOf(measureOwners);
  const sOwners = ownersOf(stepOwners);
  const stepsOf = new Map<number, Step[]>();
  for (const s of steps) push(stepsOf, s.measure_id, toStep(s, sOwners.get(s.id) ?? []));
  const byId = new Map(
    rows.map((r): [number, Measure] => [
      r.id,
      {
        id: r.id,
        agencyId: r.agency_id,
        fiscalYear: r.fiscal_year,
        seq: r.seq,
        ...measureFields(r),
        owners: mOwners.get(r.id) ?? [],
        steps: stepsOf.get(r.id) ?? [],
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A patch's given fields: one left undefined keeps the stored value. */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
