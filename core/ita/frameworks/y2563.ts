import type { FrameworkData } from "../framework.ts";
import { INDICATOR_NAMES, LETTER_LEVELS, PASS_MARK, TOOLS_SINGLE_EIT } from "./common.ts";

export const y2563: FrameworkData = {
  year: 2563,
  tools: TOOLS_SINGLE_EIT,
  indicators: [
    { no: 1, nameTh: INDICATOR_NAMES[1], tool: "IIT" },
    { no: 2, nameTh: INDICATOR_NAMES[2], tool: "IIT" },
    { no: 3, nameTh: INDICATOR_NAMES[3], tool: "IIT" },
    { no: 4, nameTh: INDICATOR_NAMES[4], tool: "IIT" },
    { no: 5, nameTh: INDICATOR_NAMES[5], tool: "IIT" },
    { no: 6, nameTh: INDICATOR_NAMES[6], tool: "EIT" },
    { no: 7, nameTh: INDICATOR_NAMES[7], tool: "EIT" },
    { no: 8, nameTh: INDICATOR_NAMES[8], tool: "EIT" },
    { no: 9, nameTh: INDICATOR_NAMES[9], tool: "OIT" },
    { no: 10, nameTh: INDICATOR_NAMES[10], tool: "OIT" },
  ],
  items: [],
  levels: LETTER_LEVELS,
  passMark: PASS_MARK,
  source:
    "FRAMEWORK.md (tools, weights, indicators, AA–F levels); item codes, titles and membership for 2563 are not known, so indicators roll up from reported indicator scores only.",
};
