// An agency's own typeface for its official reports (table report_fonts, migration 005), uploaded
// by an admin in the LIFF app; without one the reports use the bundled Sarabun. Every change is
// audited with the family and sizes, never the bytes.
import { type ColumnType, type Kysely, sql } from "kysely";
import { checkFontFile } from "../../core/reports/font-file.ts";
import { recordChange } from "../audit.ts";
import { ForbiddenError, ValidationError } from "../errors.ts";
import type { Database } from "../schema.ts";
import type { Actor, AgencyScope } from "../scope.ts";

export interface ReportFontsTable {
  agency_id: number;
  family: string;
  regular: Uint8Array;
  bold: Uint8Array | null;
  uploaded_at: ColumnType<Date, Date | undefined, Date>;
  uploaded_by_member_id: number | null;
}

type Db = Kysely<Database & { report_fonts: ReportFontsTable }>;
const withTable = (db: Kysely<Database>): Db => db.withTables<{ report_fonts: ReportFontsTable }>();

/** What the app shows about the agency's font: no bytes. */
export interface ReportFontInfo {
  family: string;
  regularBytes: number;
  /** null: the regular face is used for bold too. */
  boldBytes: number | null;
  uploadedAt: Date;
}

export interface ReportFontFiles {
  family: string;
  regular: Uint8Array;
  bold: Uint8Array | null;
}

const asBytes = (v: Uint8Array): Uint8Array => (v instanceof Uint8Array ? v : new Uint8Array(v));

/** The agency's font without its bytes, or undefined when it uses Sarabun. */
export async function reportFontInfo(
  db: Kysely<Database>,
  scope: AgencyScope,
): Promise<ReportFontInfo | undefined> {
  const row = await withTable(db)
    .selectFrom("report_fonts")
    .select([
      "family",
      "uploaded_at",
      sql<number>`length(regular)`.as("regular_bytes"),
      sql<number | null>`length(bold)`.as("bold_bytes"),
    ])
    .where("agency_id", "=", scope.agencyId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    family: row.family,
    regularBytes: Number(row.regular_bytes),
    boldBytes: row.bold_bytes === null ? null : Number(row.bold_bytes),
    uploadedAt: new Date(row.uploaded_at),
  };
}

/** The agency's font files for rendering, or undefined when it uses Sarabun. */
export async function loadReportFont(
  db: Kysely<Database>,
  scope: AgencyScope,
): Promise<ReportFontFiles | undefined> {
  const row = await withTable(db)
    .selectFrom("report_fonts")
    .select(["family", "regular", "bold"])
    .where("agency_id", "=", scope.agencyId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { family: row.family, regular: asBytes(row.regular), bold: row.bold ? asBytes(row.bold) : null };
}

const ADMINS_ONLY = "only an agency admin changes the report font";

/**
 * Stores the agency's font (replacing any earlier one). Only an admin (or a system process);
 * each file must be a TrueType/OpenType face (ValidationError with the Thai reason).
 */
export async function saveReportFont(
  db: Kysely<Database>,
  scope: AgencyScope,
  actor: Actor,
  files: { regular: Uint8Array; bold?: Uint8Array | null },
): Promise<ReportFontInfo> {
  if (scope.role !== "admin" && scope.role !== "system") throw new ForbiddenError(ADMINS_ONLY);
  const regular = checkFontFile(files.regular);
  if (!regular.ok) throw new ValidationError(regular.th);
  const bold = files.bold ? checkFontFile(files.bold) : undefined;
  if (bold && !bold.ok) throw new ValidationError(bold.th);
  const after = {
    family: regular.family,
    regularBytes: files.regular.byteLength,
    boldBytes: files.bold ? files.bold.byteLength : null,
  };
  return withTable(db)
    .transaction()
    .execute(async (trx) => {
      const before = await reportFontInfo(trx as unknown as Kysely<Database>, scope);
      const uploadedAt = new Date();
      const values = {
        family: regular.family,
        regular: files.regular,
        bold: files.bold ?? null,
        uploaded_at: uploadedAt,
        uploaded_by_member_id: actor.memberId ?? null,
      };
      await trx
        .insertInto("report_fonts")
        .values({ agency_id: scope.agencyId, ...values })
        .onConflict((oc) => oc.column("agency_id").doUpdateSet(values))
        .execute();
      await recordChange(trx, actor, {
        agencyId: scope.agencyId,
        action: "report_font.set",
        entity: "report_font",
        entityId: scope.agencyId,
        before: before ? summary(before) : { family: "Sarabun" },
        after,
      });
      return { ...after, uploadedAt };
    });
}

/** Back to the bundled Sarabun; false when the agency had no font of its own. */
export async function removeReportFont(
  db: Kysely<Database>,
  scope: AgencyScope,
  actor: Actor,
): Promise<boolean> {
  if (scope.role !== "admin" && scope.role !== "system") throw new ForbiddenError(ADMINS_ONLY);
  return withTable(db)
    .transaction()
    .execute(async (trx) => {
      const before = await reportFontInfo(trx as unknown as Kysely<Database>, scope);
      if (!before) return false;
      await trx.deleteFrom("report_fonts").where("agency_id", "=", scope.agencyId).execute();
      await recordChange(trx, actor, {
        agencyId: scope.agencyId,
        action: "report_font.reset",
        entity: "report_font",
        entityId: scope.agencyId,
        before: summary(before),
        after: { family: "Sarabun" },
      });
      return true;
    });
}

const summary = (i: ReportFontInfo) => ({
  family: i.family,
  regularBytes: i.regularBytes,
  boldBytes: i.boldBytes,
});
