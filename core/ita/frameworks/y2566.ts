import type { FrameworkData } from "../framework.ts";
import { INDICATOR_NAMES, PASS_LEVELS, PASS_MARK, TOOLS_EIT_IN_PARTS } from "./common.ts";

export const y2566: FrameworkData = {
  year: 2566,
  tools: TOOLS_EIT_IN_PARTS,
  indicators: [
    { no: 1, nameTh: INDICATOR_NAMES[1], tool: "IIT", items: ["i1", "i2", "i3"] },
    { no: 2, nameTh: INDICATOR_NAMES[2], tool: "IIT", items: ["i4", "i5", "i6"] },
    { no: 3, nameTh: INDICATOR_NAMES[3], tool: "IIT", items: ["i7", "i8", "i9"] },
    { no: 4, nameTh: INDICATOR_NAMES[4], tool: "IIT", items: ["i10", "i11", "i12"] },
    { no: 5, nameTh: INDICATOR_NAMES[5], tool: "IIT", items: ["i13", "i14", "i15"] },
    { no: 6, nameTh: INDICATOR_NAMES[6], tool: "EIT", items: ["e1", "e2", "e3"] },
    { no: 7, nameTh: INDICATOR_NAMES[7], tool: "EIT", items: ["e4", "e5", "e6"] },
    { no: 8, nameTh: INDICATOR_NAMES[8], tool: "EIT", items: ["e7", "e8", "e9"] },
    { no: 9, nameTh: INDICATOR_NAMES[9], tool: "OIT" },
    { no: 10, nameTh: INDICATOR_NAMES[10], tool: "OIT" },
  ],
  items: [],
  itemRanges: [{ prefix: "O", from: 1, to: 43, tool: "OIT" }],
  levels: PASS_LEVELS,
  passMark: PASS_MARK,
  source:
    "FRAMEWORK.md and ITEMS.md: IIT i1–i15 and EIT part 1 e1–e9, three per indicator in order; item titles, OIT codes (accepted O1–O43), OIT titles and sub-indicators for 2566 are not confirmed.",
};
