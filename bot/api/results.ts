import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { FileError, FileRefusal } from "../../core/api/results.ts";
import { DEFAULT_MAX_ERRORS, type ImportIssue, type ResultsRow } from "../../core/import/results.ts";
import type { FrameworkCatalog } from "../../core/ita/catalog.ts";
import { formatScore } from "../../core/ita/score.ts";
import { entryFieldErrors, resultsEntrySchema } from "../../core/schemas/results-entry.ts";
import { type ReadResults, readResultsFile as readAndCheck } from "../../db/import/read-results.ts";
import { MAX_IMPORT_BYTES, UPLOAD_LIMITS } from "../../db/import/read-table.ts";
import { type Agency, findAgencyById } from "../../db/repositories/agencies.ts";
import { assessmentYears, loadAssessment } from "../../db/repositories/assessments.ts";
import type { Membership } from "../../db/repositories/members.ts";
import { applyResults } from "../../db/repositories/results.ts";
import { previewResults } from "../../db/repositories/results-preview.ts";
import { badFields } from "../http/errors.ts";
import { agencyGuard } from "./agency-guard.ts";
import type { ApiEnv } from "./context.ts";
import { formJson, validQuery } from "./validate.ts";

const entryQuery = z.object({ year: z.coerce.number().int().min(2500).max(2700).optional() });
const upload = z.object({
  file: z.instanceof(File, { error: "กรุณาเลือกไฟล์ผลคะแนน (.csv หรือ .xlsx)" }),
});

const ADMINS_ONLY = "เฉพาะผู้ดูแลของหน่วยงานนำเข้าหรือแก้ไขคะแนนได้";

const fileError = (issue: ImportIssue): FileError => ({
  line: issue.line ?? null,
  column: issue.column ?? null,
  th: issue.th,
});

const refused = (errors: FileError[]): FileRefusal => ({ ok: false, errors });

const sizeLimit = bodyLimit({
  // The multipart envelope around the file is small; readTable states the exact limit.
  maxSize: MAX_IMPORT_BYTES + 64 * 1024,
  onError: (c) =>
    c.json(
      refused([
        {
          line: null,
          column: null,
          th: `ไฟล์ใหญ่เกินไป รับได้ไม่เกิน ${MAX_IMPORT_BYTES / (1024 * 1024)} MB — แยกไฟล์ตามปีงบประมาณ`,
        },
      ]),
      413,
    ),
});

const uploadValidator = zValidator("form", upload, (result, c) => {
  if (!result.success) {
    const th = result.error.issues[0]?.message ?? "กรุณาเลือกไฟล์ผลคะแนน (.csv หรือ .xlsx)";
    return c.json(refused([{ line: null, column: null, th }]), 400);
  }
});

type FileRead = { ok: true; rows: ResultsRow[]; notes: ImportIssue[]; agency: Agency } | FileRefusal;

/**
 * The uploaded file, read and validated as the CLI import does, and every row checked to be of the
 * caller's own agency: an agency admin imports only their agency's results.
 */
async function readResultsFile(
  read: ReadResults,
  db: ApiEnv["Variables"]["db"],
  frameworks: FrameworkCatalog,
  membership: Membership,
  file: File,
): Promise<FileRead> {
  const validated = await read(
    new Uint8Array(await file.arrayBuffer()),
    file.name,
    UPLOAD_LIMITS,
    frameworks,
  );
  if (!validated.ok) return { ok: false, errors: validated.errors.map(fileError) };
  const foreign = validated.rows.filter((r) => r.agency.code !== membership.agencyCode);
  if (foreign.length > 0) {
    const errors: FileError[] = foreign.slice(0, DEFAULT_MAX_ERRORS).map((r) => ({
      line: r.line,
      column: "agency_code",
      th: `รหัสหน่วยงาน ${r.agency.code} ไม่ใช่รหัสของ${membership.agencyName} (${membership.agencyCode}) — ผู้ดูแลนำเข้าได้เฉพาะผลของหน่วยงานตนเอง`,
    }));
    if (foreign.length > DEFAULT_MAX_ERRORS) {
      errors.push({
        line: null,
        column: null,
        th: `มีแถวของหน่วยงานอื่นอีก ${foreign.length - DEFAULT_MAX_ERRORS} แถวที่ไม่ได้แสดง`,
      });
    }
    return { ok: false, errors };
  }
  const agency = await findAgencyById(db, membership.agencyId);
  if (!agency) throw new Error(`agency ${membership.agencyId} of a membership does not exist`);
  return { ok: true, rows: validated.rows, notes: validated.notes, agency };
}

/**
 * Score import and entry by an agency's admin: preview a file's changes, import it (all rows or
 * none, audited, the member as actor), or type a year's total, tools and indicators by hand.
 */
export function resultsApi(readFile: ReadResults = readAndCheck) {
  return new Hono<ApiEnv>()
    .post(
      "/agencies/:agencyId/results/preview",
      // The admin check comes first: a refused caller's file is never read.
      agencyGuard("admin", ADMINS_ONLY),
      sizeLimit,
      uploadValidator,
      async (c) => {
        const db = c.get("db");
        const frameworks = await c.get("frameworks")();
        const read = await readResultsFile(
          readFile,
          db,
          frameworks,
          c.get("membership"),
          c.req.valid("form").file,
        );
        if (!read.ok) return c.json(refused(read.errors), 400);
        const changes = await previewResults(db, c.get("scope"), read.agency, read.rows);
        return c.json({
          ok: true as const,
          rows: read.rows.length,
          changes,
          notes: read.notes.map((n) => n.th),
        });
      },
    )
    .post(
      "/agencies/:agencyId/results/import",
      agencyGuard("admin", ADMINS_ONLY),
      sizeLimit,
      uploadValidator,
      async (c) => {
        const db = c.get("db");
        const frameworks = await c.get("frameworks")();
        const read = await readResultsFile(
          readFile,
          db,
          frameworks,
          c.get("membership"),
          c.req.valid("form").file,
        );
        if (!read.ok) return c.json(refused(read.errors), 400);
        const summary = await applyResults(db, read.rows, c.get("actor"), "imported", frameworks);
        return c.json({
          ok: true as const,
          rows: read.rows.length,
          summary,
          notes: read.notes.map((n) => n.th),
        });
      },
    )
    .get(
      "/agencies/:agencyId/results/entry",
      agencyGuard("admin", ADMINS_ONLY),
      validQuery(entryQuery),
      async (c) => {
        const db = c.get("db");
        const scope = c.get("scope");
        const frameworks = await c.get("frameworks")();
        const years = [...frameworks.years].sort((a, b) => b - a);
        const asked = c.req.valid("query").year;
        const stored = await assessmentYears(db, scope);
        const year =
          asked !== undefined && years.includes(asked)
            ? asked
            : (stored.find((y) => years.includes(y)) ?? years[0]!);
        const framework = frameworks.get(year)!;
        const assessment = (await loadAssessment(db, scope, year))?.assessment;
        // `reported` is what was imported or typed (the form's value); `current` includes computed figures.
        const figure = (kind: string, code: string) => {
          const node = assessment?.nodes.find((n) => n.kind === kind && n.code === code);
          return {
            reported: node && node.source === "reported" ? formatScore(node.value) : null,
            current: node ? formatScore(node.value) : null,
          };
        };
        return c.json({
          years,
          year,
          total: figure("total", "total"),
          tools: framework.tools.map((t) => ({ code: t.code, nameTh: t.nameTh, ...figure("tool", t.code) })),
          indicators: framework.indicators.map((i) => ({
            no: i.no,
            nameTh: i.nameTh,
            tool: i.tool,
            ...figure("indicator", String(i.no)),
          })),
        });
      },
    )
    .post(
      "/agencies/:agencyId/results/entry",
      agencyGuard("admin", ADMINS_ONLY),
      formJson(resultsEntrySchema, entryFieldErrors),
      async (c) => {
        const entry = c.req.valid("json");
        const frameworks = await c.get("frameworks")();
        const framework = frameworks.get(entry.year);
        const fields: Record<string, string> = {};
        if (!framework) {
          fields.year = `ไม่มีกรอบการประเมินของปี ${entry.year} — รองรับปี ${frameworks.years.join(", ")}`;
        } else {
          for (const code of Object.keys(entry.tools)) {
            if (!framework.tool(code)) fields[`tools.${code}`] = `ปี ${entry.year} ไม่มีเครื่องมือ ${code}`;
          }
          for (const no of Object.keys(entry.indicators)) {
            if (!/^\d+$/.test(no) || !framework.indicator(Number(no)))
              fields[`indicators.${no}`] = `ปี ${entry.year} ไม่มีตัวชี้วัดที่ ${no}`;
          }
        }
        if (Object.keys(fields).length > 0) throw badFields(fields);
        const db = c.get("db");
        const scope = c.get("scope");
        const agency = await findAgencyById(db, scope.agencyId);
        if (!agency) throw new Error(`agency ${scope.agencyId} of a membership does not exist`);
        const { id: _id, ...record } = agency;
        const rows = [
          {
            agency: record,
            year: entry.year,
            scores: {
              ...(entry.total !== undefined ? { total: entry.total } : {}),
              tools: entry.tools,
              indicators: entry.indicators,
            },
          },
        ];
        const changes = await previewResults(db, scope, agency, rows);
        const summary = await applyResults(db, rows, c.get("actor"), "entered", frameworks);
        return c.json({ ok: true as const, summary, changes });
      },
    );
}
