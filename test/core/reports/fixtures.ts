// Report data shaped like the seeds, for the builders' tests.
import type { ScoreInput } from "../../../core/ita/assessment.ts";
import { scoreAssessment } from "../../../core/ita/scoring.ts";
import type { Measure } from "../../../core/measures/measure.ts";
import type { AnalysisData } from "../../../core/reports/data.ts";
import { fw } from "../../fixtures/frameworks.ts";
import { SEED_000_ITEMS, s, scores } from "../../fixtures/seeds.ts";

export const AGENCY = {
  code: "SEED000",
  nameTh: "เทศบาลตำบลศรีสองรัก",
  type: "เทศบาลตำบล",
  province: "เลย",
  district: "ด่านซ้าย",
};

// Seed 000 as reported: items, EIT parts and OIT, total 97.15 ผ่านดี, rank 543.
export const seed000 = (): AnalysisData => {
  const input: ScoreInput = {
    items: scores(SEED_000_ITEMS),
    parts: scores({ EIT1: "95.17", EIT2: "100" }),
    indicators: scores({ 9: "100", 10: "100" }),
    total: s("97.15"),
    level: "ผ่านดี",
  };
  return {
    agency: AGENCY,
    year: 2567,
    framework: fw(2567),
    results: {
      assessment: scoreAssessment(fw(2567), input),
      rank: { rank: 543, agencyType: "เทศบาลตำบล" },
    },
    history: [{ year: 2567, total: s("97.15"), level: "ผ่านดี" }],
    measures: [],
    overrides: {},
  };
};

export const measure = (over: Partial<Measure> = {}): Measure => ({
  id: 1,
  agencyId: 1,
  fiscalYear: 2568,
  seq: 1,
  title: "กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ",
  indicators: [4],
  items: ["i12"],
  method: "จัดทำคู่มือการใช้ทรัพย์สินของราชการ",
  responsibleUnit: "งานพัสดุ/กองคลัง",
  periodText: "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘",
  periodStart: "2024-10-01",
  periodEnd: "2025-09-30",
  followUp: "monthly",
  status: "in_progress",
  progress: 50,
  resultSummary: "",
  outcome: "",
  suggestions: "",
  evidenceLinks: [],
  owners: [],
  steps: [
    {
      id: 1,
      measureId: 1,
      seq: 1,
      title: "แต่งตั้งเจ้าหน้าที่รับผิดชอบ",
      dueOn: "2024-12-31",
      responsibleUnit: null,
      status: "done",
      progress: 100,
      note: "",
      evidenceUrl: null,
      doneOn: "2024-12-20",
      snoozedUntil: null,
      owners: [],
    },
  ],
  ...over,
});
