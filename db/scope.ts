import type { RoleColumn } from "./schema.ts";

export type Role = RoleColumn;

/**
 * Who is asking, for which agency. Every agency-scoped repository function takes one,
 * so a query that forgets the agency cannot be written by accident.
 */
export interface AgencyScope {
  readonly agencyId: number;
  readonly role: Role | "system";
  readonly memberId?: number;
}

/** The scope of a trusted process (CLI, import, jobs) acting for one agency. */
export function systemScope(agencyId: number): AgencyScope {
  return { agencyId, role: "system" };
}

export interface Actor {
  /** "member:12", "cli", "import:file.csv", "job:reminders" */
  label: string;
  memberId?: number;
}
