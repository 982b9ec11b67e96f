import type { Score } from "./score.ts";

/** What is known of one agency-year, at any level; missing keys are unknown. */
export interface ScoreInput {
  items?: Record<string, Score>;
  subIndicators?: Record<string, Score>;
  indicators?: Record<string, Score>;
  parts?: Record<string, Score>;
  tools?: Record<string, Score>;
  total?: Score;
  /** As reported by ITAS ("A", "ผ่านดี"). */
  level?: string;
  /** Reported national rank within the agency type. */
  rank?: number;
}

export type ScoreKind = "item" | "sub" | "indicator" | "part" | "tool" | "total";

export type ScoreSource = "reported" | "computed";

export interface ScoreNode {
  kind: ScoreKind;
  code: string;
  /** The official figure: the reported one when there is one. */
  value: Score;
  source: ScoreSource;
  /** What the official rule gives from the level below, when it can be computed. */
  computed?: Score;
}

export interface Mismatch {
  kind: ScoreKind | "level";
  code: string;
  reported: string;
  computed: string;
}

export interface Assessment {
  year: number;
  nodes: ScoreNode[];
  total?: ScoreNode;
  /** Level code of the official total and tools, when the total is known. */
  level?: string;
  mismatches: Mismatch[];
}
