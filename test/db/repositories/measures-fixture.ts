import type { DbHandle } from "../../../db/client.ts";
import type { Database } from "../../../db/schema.ts";
import type { AgencyScope } from "../../../db/scope.ts";
import { type Dialect, openTestDb } from "../harness.ts";

/** Two agencies and their members, as the measures, steps and due-items tests share them. */
export interface MeasuresFixture {
  h: DbHandle;
  agencyA: number;
  agencyB: number;
  /** Member ids: A's admin, editor, viewer, one who left and a second admin; B's admin. */
  m: { adminA: number; editorA: number; viewerA: number; goneA: number; adminA2: number; adminB: number };
  editor: AgencyScope;
  viewer: AgencyScope;
  other: AgencyScope;
}

export async function openMeasuresDb(dialect: Dialect): Promise<MeasuresFixture> {
  const h = await openTestDb(dialect);
  const agency = async (code: string, name: string) =>
    (
      await h.db
        .insertInto("agencies")
        .values({ code, name_th: name, agency_type: "เทศบาลตำบล", province: "เลย", district: "ด่านซ้าย" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const agencyA = await agency("MEAS-A", "เทศบาลตำบลทดสอบเอ");
  const agencyB = await agency("MEAS-B", "เทศบาลตำบลทดสอบบี");
  const member = async (
    agencyId: number,
    n: number,
    name: string,
    role: Database["members"]["role"],
    active = true,
  ) =>
    (
      await h.db
        .insertInto("members")
        .values({ agency_id: agencyId, line_user_id: `Umeas${n}`, display_name: name, role, active })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const m = {
    adminA: await member(agencyA, 1, "สมชาย", "admin"),
    editorA: await member(agencyA, 2, "วิไล", "editor"),
    viewerA: await member(agencyA, 3, "สมหญิง", "viewer"),
    goneA: await member(agencyA, 4, "ผู้ที่ออกไปแล้ว", "editor", false),
    adminA2: await member(agencyA, 5, "มานะ", "admin"),
    adminB: await member(agencyB, 6, "ปรีชา", "admin"),
  };
  return {
    h,
    agencyA,
    agencyB,
    m,
    editor: { agencyId: agencyA, role: "editor", memberId: m.editorA },
    viewer: { agencyId: agencyA, role: "viewer", memberId: m.viewerA },
    other: { agencyId: agencyB, role: "admin", memberId: m.adminB },
  };
}
