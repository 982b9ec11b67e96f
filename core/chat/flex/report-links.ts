import type { messagingApi } from "@line/bot-sdk";
import type { ReportKind } from "../query.ts";
import { ask, bubble, COLOR, clip, fiscalYear, flexMessage, header, note, text } from "./parts.ts";

export interface ReportLinkView {
  kind: ReportKind;
  year: number;
  pdfUrl: string;
  docxUrl: string;
}

export interface ReportLinksView {
  agencyName: string;
  reports: ReportLinkView[];
  /** How long the links stay valid, in minutes. */
  validMinutes: number;
}

export const REPORT_TITLE: Record<ReportKind, string> = {
  analysis: "รายงานการวิเคราะห์ผลการประเมิน ITA",
  progress: "รายงานผลการดำเนินการตามมาตรการ",
};

/** One card per report with a PDF and a Word button; each button is a short-lived signed link. */
export function reportLinksMessage(v: ReportLinksView): messagingApi.FlexMessage {
  const bubbles = v.reports.map((r) => reportBubble(v, r));
  const contents: messagingApi.FlexContainer =
    bubbles.length === 1 ? bubbles[0]! : { type: "carousel", contents: bubbles };
  const alt = `${v.reports.map((r) => `${REPORT_TITLE[r.kind]} ${r.year}`).join(" และ ")} — ลิงก์ดาวน์โหลดใช้ได้ ${v.validMinutes} นาที`;
  return flexMessage(alt, contents, [
    ask("รายงานวิเคราะห์", "ขอรายงานวิเคราะห์"),
    ask("รายงานผลมาตรการ", "ขอรายงานผลการดำเนินการตามมาตรการ"),
    ask("มาตรการ"),
    ask("คะแนน ITA"),
  ]);
}

function reportBubble(v: ReportLinksView, r: ReportLinkView): messagingApi.FlexBubble {
  const b = bubble(header(v.agencyName, fiscalYear(r.year)), [
    text(REPORT_TITLE[r.kind], { size: "md", weight: "bold", wrap: true }),
    note(
      `ไฟล์ Word แก้ไขก่อนลงนามได้ ไฟล์ PDF พร้อมเผยแพร่ ลิงก์ใช้ได้ ${v.validMinutes} นาที หมดอายุแล้วพิมพ์ “ขอรายงาน” ใหม่`,
    ),
  ]);
  b.footer = {
    type: "box",
    layout: "vertical",
    spacing: "sm",
    contents: [
      button("ดาวน์โหลด PDF", r.pdfUrl, "primary"),
      button("ดาวน์โหลด Word (DOCX)", r.docxUrl, "secondary"),
    ],
  };
  return b;
}

function button(label: string, uri: string, style: "primary" | "secondary"): messagingApi.FlexButton {
  return {
    type: "button",
    style,
    height: "sm",
    ...(style === "primary" ? { color: COLOR.bar } : {}),
    action: { type: "uri", label: clip(label, 40), uri },
  };
}
