// A date in the ITA year: the NACC's national calendar (registration, OIT submission, results …),
// the recurring reporting duties, and an agency's own dates. Kept as data, because the NACC sets
// the dates every year and the product must answer from whatever is known now.

export type MilestoneKind = "ita" | "duty" | "agency";

export interface Milestone {
  id?: number;
  /** Null for a national date; the agency's id for its own. */
  agencyId: number | null;
  fiscalYear: number;
  /** Stable name of a national date ("oit-submission"); absent for an agency's own. */
  key?: string;
  titleTh: string;
  /** First day of a window ('YYYY-MM-DD'), when the date closes one. */
  startsOn?: string;
  /** 'YYYY-MM-DD' */
  dueOn: string;
  kind: MilestoneKind;
  /** The usual pattern, not a date the NACC announced. */
  provisional: boolean;
  /** Admins are reminded of it. */
  remind: boolean;
}
