import { recommendationKeyOf } from "../../../core/reports/recommendations.ts";
import { ValidationError } from "../../../db/errors.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { readFrameworkCatalog } from "../../../db/repositories/frameworks.ts";
import { setRecommendation } from "../../../db/repositories/recommendations.ts";
import { systemScope } from "../../../db/scope.ts";
import { defineCommand, UsageError } from "../command.ts";

/** An agency's own wording of a recommendation, in place of the default text of the analysis report. */
export const recommendationCommand = defineCommand({
  name: "recommendation",
  help: `  recommendation --agency CODE --key indicator:4|indicator:CONCEPT|CONCEPT (--text "…" | --reset)
                                   ตั้งข้อเสนอแนะของหน่วยงานเอง แทนข้อความตั้งต้นในรายงานการวิเคราะห์`,
  options: {
    agency: { type: "string" },
    key: { type: "string" },
    text: { type: "string" },
    reset: { type: "boolean" },
  },
  async run({ values }, deps) {
    if (!values.agency || !values.key || (values.text === undefined) === !values.reset) {
      throw new UsageError('ต้องระบุ --agency, --key และ --text "ข้อความ" หรือ --reset');
    }
    return deps.withDb(async (db) => {
      const agency = await findAgencyByCode(db, values.agency!);
      if (!agency) throw new UsageError(`ไม่พบหน่วยงานรหัส ${values.agency}`);
      const frameworks = await readFrameworkCatalog(db);
      const key = recommendationKeyOf(values.key!, frameworks);
      if (!key)
        throw new UsageError(
          `ไม่รู้จักหัวข้อข้อเสนอแนะ ${values.key} (ใช้ indicator:4, indicator:asset-use หรือรหัสประเด็น)`,
        );
      try {
        await setRecommendation(
          db,
          systemScope(agency.id),
          { label: "cli:recommendation" },
          key,
          values.reset ? null : values.text!,
          frameworks,
        );
      } catch (error) {
        if (error instanceof ValidationError) throw new UsageError(error.message);
        throw error;
      }
      deps.out(
        values.reset
          ? `ใช้ข้อความตั้งต้นสำหรับ ${values.key} แล้ว`
          : `บันทึกข้อเสนอแนะ ${values.key} ของ${agency.nameTh} แล้ว`,
      );
      return 0;
    });
  },
});
