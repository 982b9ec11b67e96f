import type { FrameworkData } from "../framework.ts";
import { LETTER_LEVELS, PASS_MARK, TOOLS_SINGLE_EIT } from "./common.ts";
import { y2564 } from "./y2564.ts";

/** 2565 kept the 2564 instrument: IIT i1–i30 and OIT O1–O43 with the same titles and membership. */
export const y2565: FrameworkData = {
  year: 2565,
  tools: TOOLS_SINGLE_EIT,
  indicators: y2564.indicators,
  items: y2564.items,
  levels: LETTER_LEVELS,
  passMark: PASS_MARK,
  source:
    "ITEMS.md (IIT i1–i30 and OIT O1–O43 with sub-indicators 9.1–10.2, as in 2564) and seed 001 (86.19 → A); EIT item codes and titles for 2565 are not known.",
};
