/** The tools and indicators of a fiscal year's framework, for the app's forms and filters. */
export interface FrameworkSummary {
  /** The framework's own year (the asked year's, or the newest before it). */
  year: number;
  provisional: string | null;
  tools: { code: string; nameTh: string; weightPercent: number }[];
  indicators: { no: number; nameTh: string; tool: string }[];
}
