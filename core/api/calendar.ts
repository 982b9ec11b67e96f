import type { Milestone } from "../calendar/milestone.ts";

/** A date of the ITA calendar as the app lists it: national (read-only) or the agency's own. */
export interface CalendarEntry {
  id: number;
  key: string | null;
  titleTh: string;
  startsOn: string | null;
  dueOn: string;
  kind: Milestone["kind"];
  provisional: boolean;
  /** Days from today (Bangkok) to the due date; negative when past. */
  daysLeft: number;
}
