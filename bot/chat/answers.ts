import type { Kysely } from "kysely";
import { typicalCalendar } from "../../core/calendar/typical.ts";
import {
  calendarCard,
  comparisonCard,
  helpMessage,
  indicatorCard,
  itemCard,
  rankCard,
  scoreCard,
  strengthsCard,
  textAnswer,
} from "../../core/chat/flex/index.ts";
import { asks } from "../../core/chat/flex/parts.ts";
import type { Query } from "../../core/chat/query.ts";
import {
  type AgencyYear,
  calendarView,
  comparisonView,
  indicatorCardView,
  itemCardView,
  rankView,
  scoreCardView,
  strengthsView,
} from "../../core/chat/views.ts";
import { resolveComparison, resolveYear, type YearContext } from "../../core/chat/years.ts";
import { DEFAULT_THRESHOLD, find } from "../../core/ita/analysis.ts";
import type { Framework, FrameworkCatalog } from "../../core/ita/catalog.ts";
import { formatScore } from "../../core/ita/score.ts";
import { bangkokDate, fiscalYearAt } from "../../core/thai/fiscal-year.ts";
import { measureYears } from "../../db/repositories/measure-years.ts";
import { type Membership, scopeOf } from "../../db/repositories/members.ts";
import { calendarFor, resultsDateIn } from "../../db/repositories/milestones.ts";
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
  /** The frameworks of the years, as loaded now. */
  frameworks: FrameworkCatalog;
  /** Signed download links for the official reports; absent where reports are not served (Workers). */
  reports?: ReportLinker;
}

const yearsHint = (years: number[]) =>
  years.length ? `มีผลของปี ${years.join(", ")}` : "ยังไม่มีผลการประเมินในระบบ ผู้ดูแลนำเข้าผลได้จากหน้าผู้ดูแล";

/** Answers one understood question about the member's own agency — never another agency's. */
export async function answerQuery(ctx: AnswerContext, query: Query): Promise<Message[]> {
  const scope = scopeOf(ctx.membership);
  const current = fiscalYearAt(ctx.now);
  // Results of years the system has no framework for cannot be shown (an operator removed one).
  const years = (await ctx.results.years(ctx.db, scope)).filter((y) => ctx.frameworks.get(y));
  const load = async (year: number): Promise<AgencyYear | undefined> => {
    const stored = await ctx.results.load(ctx.db, scope, year);
    return stored && { ...stored, agencyName: ctx.membership.agencyName };
  };
  const frameworkOf = (year: number): Framework => ctx.frameworks.get(year)!;
  // The calendar is read only when a year without results or a date is asked about.
  let calendar: Promise<Awaited<ReturnType<typeof calendarFor>>> | undefined;
  const milestones = () => {
    calendar ??= calendarFor(ctx.db, scope, [current - 1, current, current + 1]);
    return calendar;
  };
  // Years resolve without the calendar; only an answer that has to say when a year's results
  // come out reads it (one more query, and only then).
  const withYears = async <T extends { note?: string }>(resolve: (y: YearContext) => T): Promise<T> => {
    const quick = resolve({ now: ctx.now, available: years });
    if (!quick.note) return quick;
    const known = await milestones();
    // A year without a calendar in the system is expected on the usual date.
    const resultsDate = (y: number) =>
      resultsDateIn(known, y) ?? typicalCalendar(y).find((m) => m.key === "results")?.dueOn;
    return resolve({ now: ctx.now, available: years, resultsDate });
  };
  const noData = (wanted?: number, note?: string) =>
    textAnswer(
      `${note ? `${note}\n` : wanted ? `ยังไม่มีผลการประเมินปี ${wanted} ของ${ctx.membership.agencyName}\n` : ""}${yearsHint(years)}`,
      years.slice(0, 3).map((y) => `คะแนน ปี ${y}`),
    );

  switch (query.intent) {
    case "help":
    case "unknown":
    case "link":
      return [helpMessage(ctx.frameworks.latest()?.tools.map((t) => t.code) ?? [])];
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
    case "calendar": {
      const measures = await measureYears(ctx.db, scope);
      const view = calendarView(
        ctx.membership.agencyName,
        current,
        await milestones(),
        bangkokDate(ctx.now),
        {
          ...(query.topic ? { topic: query.topic } : {}),
          hasOpenWork: measures.includes(current),
        },
      );
      return [calendarCard(view)];
    }
    case "compare": {
      const pair = await withYears((y) => resolveComparison(query.years, y));
      if (!pair.ok) {
        const text =
          years.length < 2
            ? `เทียบได้เมื่อมีผลอย่างน้อยสองปี — ${yearsHint(years)}`
            : `ไม่มีผลของปี ${pair.missing.join(", ")} — ${yearsHint(years)}`;
        return [textAnswer(text, years.length >= 2 ? [asks.compare(years[1]!, years[0]!)] : [])];
      }
      const [from, to] = [await load(pair.from), await load(pair.to)];
      if (!from || !to) return [noData()];
      const notes: Message[] = pair.note ? [textAnswer(pair.note)] : [];
      if (query.item) {
        const view = itemCardView(frameworkOf(pair.to), to, query.item, {
          framework: frameworkOf(pair.from),
          data: from,
        });
        if (view) return [...notes, itemCard(view)];
      }
      return [
        ...notes,
        comparisonCard(comparisonView(frameworkOf(pair.from), from, frameworkOf(pair.to), to)),
      ];
    }
    default:
      break;
  }

  const resolved = await withYears((y) => resolveYear(query.year, y));
  if (!resolved.ok) return [noData(resolved.wanted, resolved.note)];
  const data = await load(resolved.year);
  if (!data) return [noData(resolved.year)];
  const framework = frameworkOf(resolved.year);
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
      // A named indicator follows its concept into a year that numbers it otherwise.
      const ind =
        (query.concept ? framework.indicatorByConcept(query.concept) : undefined) ??
        framework.indicator(query.no);
      const view = ind && indicatorCardView(framework, data, ind.no, DEFAULT_THRESHOLD);
      if (!view) {
        const known = framework.indicators.map((i) => i.no);
        const text = ind
          ? `ยังไม่มีคะแนนตัวชี้วัดที่ ${ind.no} ของปี ${resolved.year}`
          : `ปี ${resolved.year} มีตัวชี้วัดที่ ${known[0]}–${known[known.length - 1]} ไม่มีตัวชี้วัดที่ถาม`;
        return [textAnswer(text, ["คะแนน ITA", "ช่วยเหลือ"])];
      }
      return [...notes, indicatorCard(view)];
    }
    case "item": {
      const item = framework.item(query.code);
      if (!item) {
        return [
          textAnswer(
            `ปี ${resolved.year} ไม่มีข้อ ${displayCode(query.code, ctx.frameworks)} ในแบบประเมิน (รหัสข้อเปลี่ยนทุกปี)`,
            ["จุดอ่อน", "คะแนน ITA"],
          ),
        ];
      }
      const earlierYear = years.find((y) => y < resolved.year);
      const earlierData = earlierYear === undefined ? undefined : await load(earlierYear);
      const view = itemCardView(
        framework,
        data,
        item.code,
        earlierData && { framework: frameworkOf(earlierYear!), data: earlierData },
      );
      if (!view) return [textAnswer(`ยังไม่มีคะแนนข้อ ${item.code} ของปี ${resolved.year}`, ["คะแนน ITA"])];
      return [...notes, itemCard(view)];
    }
    case "tool": {
      if (!query.tool) return [...notes, toolsAnswer(framework, data)];
      const tool = framework.tool(query.tool);
      const node = tool && find(data.assessment, "tool", tool.code);
      if (!tool) {
        return [
          textAnswer(
            `ปี ${resolved.year} ไม่มีเครื่องมือ ${query.tool} — มี ${framework.tools.map((t) => t.code).join(", ")}`,
            framework.tools.map((t) => asks.tool(t.code, resolved.year)),
          ),
        ];
      }
      if (!node) return [textAnswer(`ยังไม่มีคะแนน ${tool.code} ของปี ${resolved.year}`, ["คะแนน ITA"])];
      const lines = [`${tool.code} ${tool.nameTh} ปี ${resolved.year}: ${formatScore(node.value)} คะแนน`];
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

/** "คะแนนเครื่องมือ": every tool of the year with its weight and score. */
function toolsAnswer(framework: Framework, data: AgencyYear): Message {
  const lines = [`เครื่องมือการประเมินปี ${framework.year}:`];
  for (const tool of framework.tools) {
    const node = find(data.assessment, "tool", tool.code);
    lines.push(
      `• ${tool.code} ${tool.shortTh ?? tool.nameTh} (น้ำหนัก ${tool.weightPercent}%): ${node ? formatScore(node.value) : "ยังไม่มีคะแนน"}`,
    );
  }
  return textAnswer(
    lines.join("\n"),
    framework.tools.map((t) => asks.tool(t.code, framework.year)),
  );
}

/** How the frameworks spell an item key ("o25" → "O25"; "i31", which no year has, like i12). */
function displayCode(key: string, frameworks: FrameworkCatalog): string {
  const newest = [...frameworks.all()].reverse();
  for (const f of newest) {
    const item = f.item(key);
    if (item) return item.code;
  }
  const prefix = /^[a-z]+/.exec(key)?.[0] ?? "";
  for (const f of newest) {
    const like = [...f.items.map((i) => i.code), ...f.indicators.flatMap((i) => f.itemsOf(i.no))].find(
      (c) => c.toLowerCase().startsWith(prefix) && /\d/.test(c[prefix.length] ?? ""),
    );
    if (like) return `${like.slice(0, prefix.length)}${key.slice(prefix.length)}`;
  }
  return key;
}
