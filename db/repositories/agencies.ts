import type { Kysely, Selectable } from "kysely";
import type { AgencyRecord } from "../../core/import/results.ts";
import type { AgenciesTable, Database } from "../schema.ts";

export interface Agency extends AgencyRecord {
  id: number;
}

export function toAgency(row: Selectable<AgenciesTable>): Agency {
  return {
    id: row.id,
    code: row.code,
    nameTh: row.name_th,
    type: row.agency_type,
    province: row.province,
    district: row.district,
  };
}

// The agency directory is public information (ITA results are published), so these
// look-ups are not scoped; everything an agency owns is.
export async function findAgencyByCode(db: Kysely<Database>, code: string): Promise<Agency | undefined> {
  const row = await db.selectFrom("agencies").selectAll().where("code", "=", code).executeTakeFirst();
  return row && toAgency(row);
}

export async function findAgencyById(db: Kysely<Database>, id: number): Promise<Agency | undefined> {
  const row = await db.selectFrom("agencies").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toAgency(row);
}
