import { textAnswer } from "../../core/chat/flex/index.ts";
import { reportLinksMessage } from "../../core/chat/flex/report-links.ts";
import type { Query, ReportKind } from "../../core/chat/query.ts";
import { resolveYear } from "../../core/chat/years.ts";
import { fiscalYearAt } from "../../core/thai/fiscal-year.ts";
import type { Membership } from "../../db/repositories/members.ts";
import type { ReportLinker } from "../downloads/links.ts";
import type { Message } from "../line/client.ts";

type ReportQuery = Extract<Query, { intent: "report" }>;

/**
 * "ขอรายงาน": signed links to the official documents. The analysis defaults to the latest year
 * with results; the progress report to the latest fiscal year with measures up to this one.
 */
export async function answerReport(
  query: ReportQuery,
  ctx: {
    membership: Membership;
    now: Date;
    resultYears: readonly number[];
    measureYears: readonly number[];
    linker?: ReportLinker;
  },
): Promise<Message[]> {
  if (!ctx.linker) {
    return [textAnswer("บริการดาวน์โหลดรายงานยังไม่เปิดบนเซิร์ฟเวอร์นี้ กรุณาแจ้งผู้ดูแลระบบ")];
  }
  if (ctx.membership.role === "viewer") {
    return [
      textAnswer("รายงานดาวน์โหลดได้เฉพาะผู้ดูแลและผู้แก้ไขของหน่วยงาน ขอสิทธิ์จากผู้ดูแลได้", ["คะแนน ITA", "มาตรการ"]),
    ];
  }
  const kinds: ReportKind[] = query.kind ? [query.kind] : ["analysis", "progress"];
  const reports = [];
  for (const kind of kinds) {
    const year = yearFor(kind, query, ctx);
    if (year === undefined) {
      if (query.kind) {
        const have = ctx.resultYears.length
          ? `มีผลของปี ${ctx.resultYears.join(", ")}`
          : "ยังไม่มีผลการประเมินในระบบ";
        return [textAnswer(`สร้างรายงานการวิเคราะห์ของปีที่ถามไม่ได้ — ${have}`, ["ขอรายงาน"])];
      }
      continue;
    }
    const link = (format: "pdf" | "docx") =>
      ctx.linker!.urlFor(
        {
          agencyId: ctx.membership.agencyId,
          kind,
          year,
          format,
          ...(query.digits ? { digits: query.digits } : {}),
        },
        ctx.now,
      );
    reports.push({ kind, year, pdfUrl: await link("pdf"), docxUrl: await link("docx") });
  }
  return [
    reportLinksMessage({
      agencyName: ctx.membership.agencyName,
      reports,
      validMinutes: ctx.linker.validMinutes,
    }),
  ];
}

function yearFor(
  kind: ReportKind,
  query: ReportQuery,
  ctx: { now: Date; resultYears: readonly number[]; measureYears: readonly number[] },
): number | undefined {
  if (kind === "analysis") {
    const resolved = resolveYear(query.year, { now: ctx.now, available: ctx.resultYears });
    return resolved.ok ? resolved.year : undefined;
  }
  const current = fiscalYearAt(ctx.now);
  if (!query.year) return ctx.measureYears.find((y) => y <= current) ?? current;
  return query.year.kind === "year" ? query.year.be : current + query.year.offset;
}
