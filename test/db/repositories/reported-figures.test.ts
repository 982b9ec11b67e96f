import { describe, expect, it } from "vitest";
import { score } from "../../../core/ita/score.ts";
import type { StoredAssessment } from "../../../db/repositories/assessment-rows.ts";
import {
  changedOnly,
  isEmpty,
  mergeInput,
  reportedOf,
  reportedOfInput,
} from "../../../db/repositories/reported-figures.ts";

const stored: StoredAssessment = {
  id: 1,
  agencyType: "เทศบาลตำบล",
  province: "เลย",
  total: "85.50",
  totalSource: "imported",
  totalComputed: "85.50",
  level: "A",
  levelReported: "A",
  reportedRank: 12,
  mismatches: "[]",
  scores: new Map([
    ["item:i1", { value: "90.00", source: "imported", computed: null }],
    ["indicator:1", { value: "88.00", source: "computed", computed: "88.00" }],
  ]),
};

describe("reported figures", () => {
  it("keeps the stored reported figures for cells the incoming record leaves out, never the computed ones", () => {
    const merged = mergeInput(stored, { items: { i2: score(7000) }, level: "B" });
    expect(merged).toEqual({
      items: { i1: score(9000), i2: score(7000) },
      total: score(8550),
      level: "B",
      rank: 12,
    });
    expect(mergeInput(undefined, {})).toEqual({});
  });

  it("compares what was reported before and after, figure by figure", () => {
    const before = reportedOf(stored);
    expect(before).toEqual({ "item:i1": "90.00", total: "85.50", level: "A", rank: "12" });
    const after = reportedOfInput(mergeInput(stored, { items: { i1: score(9500) } }));
    expect(changedOnly(before, after)).toEqual({ "item:i1": "90.00" });
    expect(changedOnly(after, before)).toEqual({ "item:i1": "95.00" });
  });

  it("knows a record without a single figure", () => {
    expect(isEmpty({})).toBe(true);
    expect(isEmpty({ items: {} })).toBe(true);
    expect(isEmpty({ rank: 3 })).toBe(false);
  });
});
