import { describe, expect, it } from "vitest";
import {
  formatIssue,
  type ImportIssue,
  type ResultsImport,
  type ResultsRow,
  validateResultsTable,
} from "../../../core/import/results.ts";
import { scoreAssessment } from "../../../core/ita/scoring.ts";
import { SHIPPED } from "../../fixtures/frameworks.ts";

/** Validation against the frameworks this release ships. */
const validate = (table: string[][], opts: { maxErrors?: number } = {}) =>
  validateResultsTable(table, { frameworks: SHIPPED, ...opts });

const REQUIRED = ["agency_code", "agency_name", "agency_type", "province", "district", "fiscal_year"];
const BAN_LAENG = ["1000001", "องค์การบริหารส่วนตำบลบ้านแลง", "องค์การบริหารส่วนตำบล", "ลำปาง", "เมืองลำปาง"];
const SRI_SONG_RAK = ["1000002", "เทศบาลตำบลศรีสองรัก", "เทศบาลตำบล", "เลย", "ด่านซ้าย"];

/** A header of the required columns plus `extra`, and rows of agency, year and the extra cells. */
function table(extra: string[], ...rows: string[][]): string[][] {
  return [[...REQUIRED, ...extra], ...rows];
}

function rowsOf(result: ResultsImport): ResultsRow[] {
  if (!result.ok) throw new Error(result.errors.map(formatIssue).join("\n"));
  return result.rows;
}

function errorsOf(result: ResultsImport): ImportIssue[] {
  if (result.ok) throw new Error("expected the import to fail");
  return result.errors;
}

function notesOf(result: ResultsImport): ImportIssue[] {
  if (!result.ok) throw new Error(result.errors.map(formatIssue).join("\n"));
  return result.notes;
}

function oneScore(column: string, value: string, year = "2567") {
  return validate(table([column], [...SRI_SONG_RAK, year, value]));
}

describe("validateResultsTable: the file as a whole", () => {
  it("reads the documented sample into rows whose scores reproduce the published totals", () => {
    const result = validate(
      table(
        [
          "total",
          "level",
          "rank",
          "IIT",
          "EIT1",
          "EIT2",
          "OIT",
          "ind1",
          "ind2",
          "ind3",
          "ind4",
          "ind5",
        ].concat(["ind6", "ind7", "ind8", "ind9", "ind10"]),
        [
          ...BAN_LAENG,
          "2565",
          "86.19",
          "A",
          "",
          "",
          "",
          "",
          "",
          "86.92",
          "77.35",
          "83.40",
          "77.20",
          "78.47",
        ].concat(["83.16", "65.09", "71.59", "100", "100"]),
        [...SRI_SONG_RAK, "2567", "97.15", "ผ่านดี", "543", "92.90", "95.17", "100.00", "100.00"],
      ),
    );
    const [banLaeng, sriSongRak] = rowsOf(result);
    expect(banLaeng).toEqual({
      line: 2,
      agency: {
        code: "1000001",
        nameTh: "องค์การบริหารส่วนตำบลบ้านแลง",
        type: "องค์การบริหารส่วนตำบล",
        province: "ลำปาง",
        district: "เมืองลำปาง",
      },
      year: 2565,
      scores: {
        total: 8619,
        level: "A",
        indicators: {
          "1": 8692,
          "2": 7735,
          "3": 8340,
          "4": 7720,
          "5": 7847,
          "6": 8316,
          "7": 6509,
          "8": 7159,
          "9": 10000,
          "10": 10000,
        },
      },
    });
    expect(sriSongRak?.scores).toEqual({
      total: 9715,
      level: "ผ่านดี",
      rank: 543,
      tools: { IIT: 9290, OIT: 10000 },
      parts: { EIT1: 9517, EIT2: 10000 },
    });
    for (const row of [banLaeng!, sriSongRak!]) {
      const assessment = scoreAssessment(SHIPPED.get(row.year)!, row.scores);
      expect(assessment.total?.computed).toBe(row.scores.total);
      expect(assessment.mismatches).toEqual([]);
    }
    expect(notesOf(result)).toEqual([]);
  });

  it("reports an empty table as an empty file", () => {
    for (const empty of [[], [[]], [[""], ["  ", "\t"], []]]) {
      expect(errorsOf(validate(empty))).toEqual([{ th: "ไฟล์ว่าง ไม่มีข้อมูล", en: "The file is empty" }]);
    }
  });

  it("rejects a header without data rows", () => {
    const errors = errorsOf(validate([REQUIRED, [""], []]));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.th).toBe("ไม่มีแถวข้อมูล");
  });

  it("counts lines from the top of the file, blank lines included", () => {
    const rows = rowsOf(
      validate([[""], REQUIRED, [...BAN_LAENG, "2565"], ["", ""], [...SRI_SONG_RAK, "2567"]]),
    );
    expect(rows.map((r) => r.line)).toEqual([3, 5]);
  });

  it("returns no rows at all when a single row is wrong", () => {
    const result = validate(
      table(["IIT"], [...BAN_LAENG, "2565", "80.67"], [...SRI_SONG_RAK, "2567", "101"]),
    );
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty("rows");
  });

  it("returns a registration-only row, with every score cell empty, with no scores", () => {
    const rows = rowsOf(validate(table(["total", "level", "rank", "IIT"], [...BAN_LAENG, "2566"])));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.scores).toEqual({});
  });
});

describe("validateResultsTable: header", () => {
  it("names every missing required column in one error", () => {
    const errors = errorsOf(
      validate([
        ["agency_code", "agency_name", "fiscal_year"],
        ["1", "a", "2567"],
      ]),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1 });
    expect(errors[0]?.th).toContain("agency_type, province, district");
    expect(errors[0]?.en).toContain("missing required columns: agency_type, province, district");
  });

  it("accepts header names in any case, with surrounding spaces, a BOM and padded item codes", () => {
    const header = [
      "\uFEFFAgency_Code",
      " AGENCY_NAME ",
      "agency_type",
      "Province",
      "district",
      "Fiscal_Year",
    ];
    const rows = rowsOf(
      validate([
        [...header, " iit ", "o030", "I12", "Ind3"],
        [...SRI_SONG_RAK, "2567", "92.90", "100", "0", "98.89"],
      ]),
    );
    expect(rows[0]?.scores).toEqual({
      tools: { IIT: 9290 },
      items: { O30: 10000, i12: 0 },
      indicators: { "3": 9889 },
    });
  });

  it("suggests agency_code for an unknown column 'agencycode'", () => {
    const header = ["agencycode", ...REQUIRED.slice(1)];
    const errors = errorsOf(validate([header, ["1", ...BAN_LAENG.slice(1), "2565"]]));
    expect(errors.map((e) => e.column)).toEqual([undefined, "agencycode"]);
    expect(errors[0]?.en).toContain("agency_code");
    expect(errors[1]?.th).toBe("ไม่รู้จักคอลัมน์ 'agencycode' — หมายถึง agency_code หรือไม่?");
    expect(errors[1]?.en).toBe("unknown column 'agencycode' — did you mean agency_code?");
  });

  it("suggests the right column for near misses in spelling, spacing, words and Thai digits", () => {
    const cases: [string, string][] = [
      ["IIT score", "IIT"],
      ["provnce", "province"],
      ["Fiscal Year", "fiscal_year"],
      ["o๓๐", "O30"],
      ["ind๑", "ind1"],
      ["จังหวัด", "province"],
    ];
    for (const [header, suggestion] of cases) {
      const columns = REQUIRED.includes(suggestion)
        ? REQUIRED.map((c) => (c === suggestion ? header : c))
        : [...REQUIRED, header];
      const errors = errorsOf(validate([columns, [...BAN_LAENG, "2565", "1"]]));
      const unknown = errors.find((e) => e.column === header);
      expect(unknown?.en, header).toContain(`did you mean ${suggestion}?`);
    }
  });

  it("names an unknown column without a guess when nothing is close", () => {
    const errors = errorsOf(validate(table(["remarks"], [...BAN_LAENG, "2565", "ok"])));
    expect(errors).toEqual([
      { line: 1, column: "remarks", th: "ไม่รู้จักคอลัมน์ 'remarks'", en: "unknown column 'remarks'" },
    ]);
  });

  it("rejects the same column twice, however it is spelled", () => {
    const errors = errorsOf(validate(table(["O30", "o30"], [...BAN_LAENG, "2565", "100", "100"])));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1, column: "O30" });
    expect(errors[0]?.en).toContain("columns G and H");
  });

  it("rejects data in a column that has no header", () => {
    const errors = errorsOf(validate(table([], [...BAN_LAENG, "2565", "", "x"])));
    expect(errors).toEqual([
      expect.objectContaining({ line: 1, column: "H", th: "คอลัมน์ H ไม่มีชื่อหัวคอลัมน์ แต่แถว 2 มีข้อมูล" }),
    ]);
  });

  it("ignores trailing header cells with nothing under them", () => {
    expect(
      rowsOf(
        validate([
          [...REQUIRED, "", ""],
          [...BAN_LAENG, "2565"],
        ]),
      ),
    ).toHaveLength(1);
  });

  it("rejects an item code that no supported year knows", () => {
    const errors = errorsOf(validate(table(["i31"], [...BAN_LAENG, "2565", ""])));
    expect(errors).toEqual([
      {
        line: 1,
        column: "i31",
        th: "ข้อ i31 ไม่มีในกรอบการประเมินของปีใดเลย",
        en: "item i31 is not in the framework of any supported year",
      },
    ]);
  });
});

describe("validateResultsTable: scores", () => {
  it("rejects a score of 101 naming row and column", () => {
    const errors = errorsOf(oneScore("IIT", "101"));
    expect(errors).toEqual([
      { line: 2, column: "IIT", th: "คะแนน 101 เกิน 100", en: "score 101 is above 100" },
    ]);
    expect(formatIssue(errors[0]!)).toBe(
      "แถว 2 คอลัมน์ IIT: คะแนน 101 เกิน 100 (row 2, column IIT: score 101 is above 100)",
    );
  });

  it("rejects a negative score naming the value", () => {
    expect(errorsOf(oneScore("total", "-1"))).toEqual([
      { line: 2, column: "total", th: "คะแนน -1 ต่ำกว่า 0", en: "score -1 is below 0" },
    ]);
  });

  it("rejects a score that is not a number", () => {
    for (const value of ["abc", "-", "86,92", "1e2"]) {
      const errors = errorsOf(oneScore("OIT", value));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line: 2, column: "OIT" });
      expect(errors[0]?.en).toContain(`score '${value}' is not a number`);
    }
  });

  it("rejects a score that rounds above 100", () => {
    expect(errorsOf(oneScore("OIT", "100.005"))[0]?.en).toBe("score 100.005 is above 100");
  });

  it("reads Thai digits in scores exactly", () => {
    expect(rowsOf(oneScore("IIT", "๙๘.๕"))[0]?.scores.tools).toEqual({ IIT: 9850 });
    expect(rowsOf(oneScore("total", " ๙๗.๑๕ "))[0]?.scores.total).toBe(9715);
  });

  it("rounds more than two decimals half-up and says once how many cells were rounded", () => {
    const result = validate(
      table(
        ["i10", "i11", "i12", "ind4"],
        [...SRI_SONG_RAK, "2567", "66.66666666666667", "100", "0.005", "66.665"],
        [...BAN_LAENG, "2567", "99.994", "100.000", "", ""],
      ),
    );
    const rows = rowsOf(result);
    expect(rows[0]?.scores).toEqual({ items: { i10: 6667, i11: 10000, i12: 1 }, indicators: { "4": 6667 } });
    expect(rows[1]?.scores.items).toEqual({ i10: 9999, i11: 10000 });
    const notes = notesOf(result);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.th).toContain("4 ช่อง");
    expect(notes[0]?.en).toContain("4 score cells had more than two decimals");
    expect(notes[0]?.en).toContain("row 2, column i10: 66.66666666666667 → 66.67");
  });

  it("rejects an item the row's year does not have, naming line and column", () => {
    const result = validate(table(["i20"], [...BAN_LAENG, "2565", "100"], [...SRI_SONG_RAK, "2567", "100"]));
    expect(errorsOf(result)).toEqual([
      {
        line: 3,
        column: "i20",
        th: "ข้อ i20 ไม่มีในกรอบการประเมินปี 2567",
        en: "item i20 is not in the 2567 framework",
      },
    ]);
    const wrongYear = errorsOf(oneScore("O43", "100", "2568"));
    expect(wrongYear).toEqual([expect.objectContaining({ line: 2, column: "O43" })]);
    expect(wrongYear[0]?.th).toBe("ข้อ O43 ไม่มีในกรอบการประเมินปี 2568");
  });

  it("accepts an item column that is empty in the rows of years without that item", () => {
    const rows = rowsOf(
      validate(table(["i20"], [...BAN_LAENG, "2565", "100"], [...SRI_SONG_RAK, "2567", ""])),
    );
    expect(rows.map((r) => r.scores)).toEqual([{ items: { i20: 10000 } }, {}]);
  });

  it("accepts EIT parts only in years whose framework has them", () => {
    expect(rowsOf(oneScore("EIT2", "100.00"))[0]?.scores.parts).toEqual({ EIT2: 10000 });
    const errors = errorsOf(oneScore("EIT1", "95.17", "2565"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, column: "EIT1" });
    expect(errors[0]?.en).toBe("part score EIT1 is not in the 2565 framework");
  });
});

describe("validateResultsTable: agency fields", () => {
  it("trims the agency code and turns Thai digits into Arabic", () => {
    const rows = rowsOf(validate(table([], [" ๑๒๓๔-AB ", ...BAN_LAENG.slice(1), "2565"])));
    expect(rows[0]?.agency.code).toBe("1234-AB");
  });

  it("rejects an empty or malformed agency code", () => {
    for (const code of ["", "12 34", "รหัส1", "1".repeat(21), "12/3"]) {
      const errors = errorsOf(validate(table([], [code, ...BAN_LAENG.slice(1), "2565"])));
      expect(errors, code).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line: 2, column: "agency_code" });
    }
  });

  it("collapses whitespace in names and rejects empty text fields", () => {
    const rows = rowsOf(
      validate(table([], ["1", "  เทศบาลตำบล   ศรีสองรัก ", "เทศบาลตำบล", " เลย", "ด่าน\u200Bซ้าย", "2567"])),
    );
    expect(rows[0]?.agency).toMatchObject({
      nameTh: "เทศบาลตำบล ศรีสองรัก",
      province: "เลย",
      district: "ด่านซ้าย",
    });

    const errors = errorsOf(validate(table([], ["1", " ", "", "เลย", "", "2567"])));
    expect(errors.map((e) => [e.line, e.column, e.th])).toEqual([
      [2, "agency_name", "ไม่มีชื่อหน่วยงาน"],
      [2, "agency_type", "ไม่มีประเภทหน่วยงาน"],
      [2, "district", "ไม่มีอำเภอ"],
    ]);
  });

  it("spells out the common agency type abbreviations and keeps any other type", () => {
    const types: [string, string][] = [
      ["อบต.", "องค์การบริหารส่วนตำบล"],
      ["ทต.", "เทศบาลตำบล"],
      ["ทม", "เทศบาลเมือง"],
      ["ทน.", "เทศบาลนคร"],
      ["อบจ.", "องค์การบริหารส่วนจังหวัด"],
      ["เทศบาล ตำบล", "เทศบาลตำบล"],
      ["มหาวิทยาลัย", "มหาวิทยาลัย"],
    ];
    const result = validate(
      table([], ...types.map(([type], i) => [`${i + 1}`, "ก", type, "เลย", "ด่านซ้าย", "2567"])),
    );
    expect(rowsOf(result).map((r) => r.agency.type)).toEqual(types.map(([, full]) => full));
  });

  it("rejects the same agency and year twice, naming both lines", () => {
    const errors = errorsOf(validate(table([], [...BAN_LAENG, "2565"], [...BAN_LAENG, "๒๕๖๕"])));
    expect(errors).toEqual([
      {
        line: 3,
        column: "agency_code",
        th: "หน่วยงาน 1000001 ปี 2565 ซ้ำกันในแถว 2 และแถว 3",
        en: "agency 1000001, year 2565 appears twice: rows 2 and 3",
      },
    ]);
  });

  it("rejects one agency code with different details, naming the lines", () => {
    const moved = [...BAN_LAENG.slice(0, 3), "เชียงใหม่", BAN_LAENG[4]!];
    const errors = errorsOf(validate(table([], [...BAN_LAENG, "2565"], [...moved, "2566"])));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, column: "province" });
    expect(errors[0]?.en).toBe("agency 1000001 differs between rows 2 and 3: province 'ลำปาง' ≠ 'เชียงใหม่'");
  });

  it("treats an abbreviated type as the same type for the same agency", () => {
    const abbreviated = [...BAN_LAENG.slice(0, 2), "อบต.", ...BAN_LAENG.slice(3)];
    expect(rowsOf(validate(table([], [...BAN_LAENG, "2565"], [...abbreviated, "2566"])))).toHaveLength(2);
  });
});

describe("validateResultsTable: fiscal year, level and rank", () => {
  it("reads 2567, ๒๕๖๗ and 67 as fiscal year 2567 without notes", () => {
    const result = validate(
      table(
        [],
        ["1", ...BAN_LAENG.slice(1), "2567"],
        ["2", ...BAN_LAENG.slice(1), "๒๕๖๗"],
        ["3", ...BAN_LAENG.slice(1), "67"],
      ),
    );
    expect(rowsOf(result).map((r) => r.year)).toEqual([2567, 2567, 2567]);
    expect(notesOf(result)).toEqual([]);
  });

  it("converts a ค.ศ. year with one note per distinct year", () => {
    const result = validate(
      table(
        [],
        ["1", ...BAN_LAENG.slice(1), "2024"],
        ["2", ...BAN_LAENG.slice(1), "2024"],
        ["3", ...BAN_LAENG.slice(1), "2023"],
      ),
    );
    expect(rowsOf(result).map((r) => r.year)).toEqual([2567, 2567, 2566]);
    const notes = notesOf(result);
    expect(notes).toHaveLength(2);
    expect(notes[0]?.th).toContain("ปี 2024 (ค.ศ.) ถือเป็นปีงบประมาณ พ.ศ. 2567");
    expect(notes[0]?.en).toContain("2024 read as CE, converted to fiscal year 2567 BE");
    expect(notes[1]?.en).toContain("2023 read as CE, converted to fiscal year 2566 BE");
  });

  it("rejects a year without a framework, listing the supported years", () => {
    const errors = errorsOf(validate(table([], [...BAN_LAENG, "2550"])));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, column: "fiscal_year" });
    expect(errors[0]?.th).toContain(`รองรับปี ${SHIPPED.years.join(", ")}`);
  });

  it("rejects a fiscal year that is not a year", () => {
    for (const year of ["", "ปีนี้", "25670"]) {
      const errors = errorsOf(validate(table([], [...BAN_LAENG, year])));
      expect(errors, year).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line: 2, column: "fiscal_year" });
    }
  });

  it("reads a whole rank up to 100,000, in Thai digits too", () => {
    expect(rowsOf(oneScore("rank", "๕๔๓"))[0]?.scores.rank).toBe(543);
    for (const rank of ["0", "1.5", "-3", "ที่ 1", "3000000000", "100001"]) {
      const errors = errorsOf(oneScore("rank", rank));
      expect(errors, rank).toEqual([expect.objectContaining({ line: 2, column: "rank" })]);
      expect(errors[0]?.en).toContain("whole number from 1 to 100000");
    }
  });

  it("accepts a level band of the row's year in any case and stores its code", () => {
    expect(rowsOf(oneScore("level", "a", "2565"))[0]?.scores.level).toBe("A");
    expect(rowsOf(oneScore("level", "ระดับ AA", "2565"))[0]?.scores.level).toBe("AA");
    expect(rowsOf(oneScore("level", " ผ่านดีเยี่ยม "))[0]?.scores.level).toBe("ผ่านดีเยี่ยม");
  });

  it("rejects a level the year does not have, listing the allowed codes", () => {
    const errors = errorsOf(oneScore("level", "ผ่านดี", "2565"));
    expect(errors).toEqual([
      {
        line: 2,
        column: "level",
        th: "ระดับ 'ผ่านดี' ไม่มีในปี 2565 — ใช้ได้: AA, A, B, C, D, E, F",
        en: "level 'ผ่านดี' does not exist in 2565; allowed: AA, A, B, C, D, E, F",
      },
    ]);
  });
});

describe("validateResultsTable: error limit and formatting", () => {
  const badRows = (n: number) =>
    Array.from({ length: n }, (_, i) => [`${i + 1}`, ...BAN_LAENG.slice(1), "2565", "101"]);

  it("lists at most 50 errors and says how many more there were", () => {
    const errors = errorsOf(validate(table(["IIT"], ...badRows(60))));
    expect(errors).toHaveLength(51);
    expect(errors[49]).toMatchObject({ line: 51 });
    expect(errors[50]).toEqual({ th: "มีข้อผิดพลาดอีก 10 รายการที่ไม่ได้แสดง", en: "10 more errors not listed" });
  });

  it("takes a smaller limit from the options", () => {
    const errors = errorsOf(validate(table(["IIT"], ...badRows(4)), { maxErrors: 2 }));
    expect(errors.map((e) => e.line)).toEqual([2, 3, undefined]);
    expect(errors[2]?.en).toBe("2 more errors not listed");
  });

  it("formats an issue without line or column as the message alone", () => {
    expect(formatIssue({ th: "ไฟล์ว่าง ไม่มีข้อมูล", en: "The file is empty" })).toBe(
      "ไฟล์ว่าง ไม่มีข้อมูล (The file is empty)",
    );
    expect(formatIssue({ line: 1, th: "ไม่มีแถวข้อมูล", en: "No data rows" })).toBe(
      "แถว 1: ไม่มีแถวข้อมูล (row 1: No data rows)",
    );
  });
});
