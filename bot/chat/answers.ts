import type { Kysely } from "kysely";
import {
  comparisonCard,
  helpMessage,
  indicatorCard,
  itemCard,
  rankCard,
  scoreCard,
  strengthsCard,
  textAnswer,
} from "../../core/chat/flex/index.ts";
import type { Query } from "../../core/chat/query.ts";
import {
  type AgencyYear,
  comparisonView,
  indicatorCardView,
  itemCardView,
  rankView,
  scoreCardView,
  strengthsView,
} from "../../core/chat/views.ts";
import { resolveComparison, resolveYear } from "../../core/chat/years.ts";
import { DEFAULT_THRESHOLD, find } from "../../core/ita/analysis.ts";
import { frameworkFor } from "../../core/ita/frameworks/index.ts";
import { formatScore } from "../../core/ita/score.ts";
import { measureYears } from "../../db/repositories/measure-years.ts";
import { type Membership, scopeOf } from "../../db/repositories/members.ts";
import type { ResultsReader } from "../../db/repositories/results-cache.ts";
import type { Database } from "../../db/schema.ts";
import type { ReportLinker } from "../downloads/links.ts";
import type { Message } from "../line/client.ts";
import { answerReport } from "./report.ts";
import { answerSettings } from "./settings.ts";
import { answerTasks } from "./tasks.ts";

export interface AnswerContext {
  db: Kysely<Database>;
  membership: Membership;
  lineUserId: string;
  now: Date;
  results: ResultsReader;
  /** Signed download links for the official reports; absent where reports are not served (Workers). */
  reports?: ReportLinker;
}

const yearsHint = (years: number[]) =>
  years.length ? `มีผลของปี ${years.join(", ")}` : "ยังไม่มีผลการประเมินในระบบ ผู้ดูแลนำเข้าผลได้จากหน้าผู้ดูแล";

/** Answers one understood question about the member's own agency — never another agency's. */
export async function answerQuery(ctx: AnswerContext, query: Query): Promise<Message[]> {
  const scope = scopeOf(ctx.membership);
  const years = await ctx.results.years(ctx.db, scope);
  const load = async (year: number): Promise<AgencyYear | undefined> => {
    const stored = await ctx.results.load(ctx.db, scope, year);
    return stored && { ...stored, agencyName: ctx.membership.agencyName };
  };
  const noData = (wanted?: number) =>
    textAnswer(
      `${wanted ? `ยังไม่มีผลการประเมินปี ${wanted} ของ${ctx.membership.agencyName}\n` : ""}${yearsHint(years)}`,
      years.slice(0, 3).map((y) => `คะแนน ปี ${y}`),
    );

  switch (query.intent) {
    case "help":
    case "unknown":
    case "link":
      return [helpMessage()];
    case "report":
      return answerReport(query, {
        membership: ctx.membership,
        now: ctx.now,
        resultYears: years,
        measureYears: await measureYears(ctx.db, scope),
        ...(ctx.reports ? { linker: ctx.reports } : {}),
      });
    case "tasks":
      return answerTasks(ctx.db, ctx.membership, query.which, ctx.now);
    case "settings":
      return answerSettings(ctx.db, ctx.membership, ctx.lineUserId, query.change, ctx.now);
    case "compare": {
      const pair = resolveComparison(query.years, ctx.now, years);
      if (!pair.ok) {
        const text =
          years.length < 2
            ? `เทียบได้เมื่อมีผลอย่างน้อยสองปี — ${yearsHint(years)}`
            : `ไม่มีผลของปี ${pair.missing.join(", ")} — ${yearsHint(years)}`;
        return [textAnswer(text, years.length >= 2 ? [`เทียบปี ${years[1]} กับ ${years[0]}`] : [])];
      }
      const [from, to] = [await load(pair.from), await load(pair.to)];
      if (!from || !to) return [noData()];
      return [comparisonCard(comparisonView(frameworkFor(pair.to)!, from, to))];
    }
    default:
      break;
  }

  const resolved = resolveYear(query.year, ctx.now, years);
  if (!resolved.ok) return [noData(resolved.wanted)];
  const data = await load(resolved.year);
  if (!data) return [noData(resolved.year)];
  const framework = frameworkFor(resolved.year)!;
  const notes: Message[] = resolved.note ? [textAnswer(resolved.note)] : [];

  switch (query.intent) {
    case "overall":
      return [...notes, scoreCard(scoreCardView(framework, data, years))];
    case "rank":
      return [...notes, rankCard(rankView(data))];
    case "strengths":
    case "weaknesses":
      return [
        ...notes,
        strengthsCard(strengthsView(framework, data, query.intent, query.threshold ?? DEFAULT_THRESHOLD)),
      ];
    case "indicator": {
      const view = indicatorCardView(framework, data, query.no, DEFAULT_THRESHOLD);
      if (!view) {
        return [textAnswer(`ยังไม่มีคะแนนตัวชี้วัดที่ ${query.no} ของปี ${resolved.year}`, ["คะแนน ITA", "ช่วยเหลือ"])];
      }
      return [...notes, indicatorCard(view)];
    }
    case "item": {
      if (!framework.item(query.code)) {
        return [
          textAnswer(`ปี ${resolved.year} ไม่มีข้อ ${query.code} ในแบบประเมิน (รหัสข้อเปลี่ยนทุกปี)`, [
            "จุดอ่อน",
            "คะแนน ITA",
          ]),
        ];
      }
      const view = itemCardView(framework, data, query.code);
      if (!view) return [textAnswer(`ยังไม่มีคะแนนข้อ ${query.code} ของปี ${resolved.year}`, ["คะแนน ITA"])];
      return [...notes, itemCard(view)];
    }
    case "tool": {
      const tool = framework.tool(query.tool);
      const node = find(data.assessment, "tool", query.tool);
      if (!tool || !node)
        return [textAnswer(`ยังไม่มีคะแนน ${query.tool} ของปี ${resolved.year}`, ["คะแนน ITA"])];
      const lines = [`${query.tool} ${tool.nameTh} ปี ${resolved.year}: ${formatScore(node.value)} คะแนน`];
      for (const part of tool.parts ?? []) {
        const p = find(data.assessment, "part", part.code);
        if (p) lines.push(`• ${part.nameTh}: ${formatScore(p.value)}`);
      }
      for (const no of tool.indicators) {
        const ind = find(data.assessment, "indicator", String(no));
        if (ind) lines.push(`• ${no}. ${framework.indicator(no)!.nameTh}: ${formatScore(ind.value)}`);
      }
      return [
        ...notes,
        textAnswer(
          lines.join("\n"),
          tool.indicators.slice(0, 3).map((no) => `ตัวชี้วัดที่ ${no}`),
        ),
      ];
    }
  }
}
