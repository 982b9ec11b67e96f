import { hc } from "hono/client";
import type { ApiType } from "../../bot/api/index.ts";
import type { AuditItem } from "../../core/api/audit.ts";
import type { CalendarEntry } from "../../core/api/calendar.ts";
import type { FrameworkSummary } from "../../core/api/frameworks.ts";
import type { ApplySummary, FileError, ResultChange } from "../../core/api/results.ts";
import type { ComparisonCardView, ScoreCardView } from "../../core/chat/cards.ts";
import type { Measure, Step } from "../../core/measures/measure.ts";
import type { MeasureCreate, MeasureEdit, StepPlan } from "../../core/schemas/measure-form.ts";
import type { Invite, MemberUpdate } from "../../core/schemas/members.ts";
import type { MilestoneForm } from "../../core/schemas/milestone.ts";
import type { ReportRequestInput } from "../../core/schemas/report-request.ts";
import type { ResultsEntryInput } from "../../core/schemas/results-entry.ts";
import type { Settings } from "../../core/schemas/settings.ts";
import type { StepStatus } from "../../core/schemas/step-status.ts";

export type Role = "admin" | "editor" | "viewer";
export type MeasureFilter = "all" | "mine" | "overdue";

export interface Membership {
  agencyId: number;
  agencyName: string;
  role: Role;
}

export interface Me {
  userId: string;
  name: string | null;
  memberships: Membership[];
  /** Reminders held back by the monthly push quota. */
  held: { id: string; text: string }[];
}

export interface Dashboard {
  agencyName: string;
  role: Role;
  years: number[];
  card: ScoreCardView | null;
  comparison: ComparisonCardView | null;
}

export interface MeasureList {
  role: Role;
  measures: Measure[];
}

export type SaveResult =
  | { ok: true; step: Step }
  | { ok: false; message: string; fields: Record<string, string> };

export interface MemberSummary {
  id: number;
  displayName: string | null;
  role: Role;
  active: boolean;
  joinedAt: string;
}

export interface MemberList {
  role: Role;
  myMemberId: number;
  members: MemberSummary[];
}

export interface ReminderSettingsView {
  agencyId: number;
  muted: boolean;
  frequency: "daily" | "weekly";
  firstLeadDays: number;
  leadDays: number[];
  weeklyDay: number;
  quietStart: string;
  quietEnd: string;
}

/** A form's answer: done, or the server's Thai message with one per field. */
export type FormResult<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; fields: Record<string, string> };

/** A failed call, with the server's Thai message (or ours when the server could not be reached). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const UNREACHABLE = "เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง";

export interface ApiOptions {
  /** The LIFF ID token (`liff.getIDToken()`), sent with every call. */
  idToken: () => string | null;
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** The LIFF app's view of /api, through Hono's typed client: the server's routes are the contract. */
export function createApi({ idToken, baseUrl = "/api", fetch }: ApiOptions) {
  const client = hc<ApiType>(baseUrl, {
    headers: (): Record<string, string> => ({ Authorization: `Bearer ${idToken() ?? ""}` }),
    ...(fetch ? { fetch } : {}),
  });
  const agency = (agencyId: number) => ({ agencyId: String(agencyId) });

  return {
    async me(): Promise<Me> {
      const res = await send(() => client.me.$get());
      if (res.status === 200) return await res.json();
      throw await failure(res);
    },

    async dashboard(agencyId: number, year?: number): Promise<Dashboard> {
      const res = await send(() =>
        client.agencies[":agencyId"].dashboard.$get({
          param: agency(agencyId),
          query: year ? { year: String(year) } : {},
        }),
      );
      if (res.status === 200) return await res.json();
      throw await failure(res);
    },

    /** The tools and indicators of a fiscal year (this one by default), for forms and filters. */
    async framework(year?: number): Promise<FrameworkSummary> {
      const res = await send(() => client.framework.$get({ query: year ? { year: String(year) } : {} }));
      if (res.status === 200) return await res.json();
      throw await failure(res);
    },

    async measures(agencyId: number, filter: MeasureFilter, indicator?: number): Promise<MeasureList> {
      const res = await send(() =>
        client.agencies[":agencyId"].measures.$get({
          param: agency(agencyId),
          query: indicator ? { filter, indicator: String(indicator) } : { filter },
        }),
      );
      if (res.status === 200) return await res.json();
      throw await failure(res);
    },

    async saveStep(agencyId: number, stepId: number, input: StepStatus): Promise<SaveResult> {
      const res = await send(() =>
        client.agencies[":agencyId"].steps[":stepId"].status.$post({
          param: { ...agency(agencyId), stepId: String(stepId) },
          json: input,
        }),
      );
      if (res.status === 200) return { ok: true, step: (await res.json()).step };
      const error = await failure(res);
      if (res.status === 400) return { ok: false, message: error.message, fields: error.fields };
      throw error;
    },

    async createMeasure(agencyId: number, input: MeasureCreate): Promise<FormResult<Measure>> {
      const res = await send(() =>
        client.agencies[":agencyId"].measures.$post({ param: agency(agencyId), json: input }),
      );
      if (res.status === 201) return { ok: true, value: (await res.json()).measure };
      return formFailure(res);
    },

    async editMeasure(agencyId: number, measureId: number, input: MeasureEdit): Promise<FormResult<Measure>> {
      const res = await send(() =>
        client.agencies[":agencyId"].measures[":measureId"].$patch({
          param: { ...agency(agencyId), measureId: String(measureId) },
          json: input,
        }),
      );
      if (res.status === 200) return { ok: true, value: (await res.json()).measure };
      return formFailure(res);
    },

    async addStep(agencyId: number, measureId: number, input: StepPlan): Promise<FormResult<Step>> {
      const res = await send(() =>
        client.agencies[":agencyId"].measures[":measureId"].steps.$post({
          param: { ...agency(agencyId), measureId: String(measureId) },
          json: input,
        }),
      );
      if (res.status === 201) return { ok: true, value: (await res.json()).step };
      return formFailure(res);
    },

    async editStepPlan(agencyId: number, stepId: number, input: StepPlan): Promise<FormResult<Step>> {
      const res = await send(() =>
        client.agencies[":agencyId"].steps[":stepId"].$patch({
          param: { ...agency(agencyId), stepId: String(stepId) },
          json: input,
        }),
      );
      if (res.status === 200) return { ok: true, value: (await res.json()).step };
      return formFailure(res);
    },

    /** A step with recorded work is refused (409) with the server's Thai reason, as an ApiError. */
    async deleteStep(agencyId: number, stepId: number): Promise<void> {
      const res = await send(() =>
        client.agencies[":agencyId"].steps[":stepId"].$delete({
          param: { ...agency(agencyId), stepId: String(stepId) },
        }),
      );
      if (res.status !== 200) throw await failure(res);
    },

    async members(agencyId: number): Promise<MemberList> {
      const res = await send(() => client.agencies[":agencyId"].members.$get({ param: agency(agencyId) }));
      if (res.status === 200) return await res.json();
      throw await failure(res);
    },

    async updateMember(
      agencyId: number,
      memberId: number,
      change: MemberUpdate,
    ): Promise<FormResult<MemberSummary>> {
      const res = await send(() =>
        client.agencies[":agencyId"].members[":memberId"].$patch({
          param: { ...agency(agencyId), memberId: String(memberId) },
          json: change,
        }),
      );
      if (res.status === 200) return { ok: true, value: (await res.json()).member };
      const error = await failure(res);
      if (res.status === 400) return { ok: false, message: error.message, fields: error.fields };
      throw error;
    },

    async createInvite(
      agencyId: number,
      input: Invite,
    ): Promise<FormResult<{ code: string; expiresAt: string }>> {
      const res = await send(() =>
        client.agencies[":agencyId"].invites.$post({ param: agency(agencyId), json: input }),
      );
      if (res.status === 201) return { ok: true, value: await res.json() };
      const error = await failure(res);
      if (res.status === 400) return { ok: false, message: error.message, fields: error.fields };
      throw error;
    },

    async calendar(agencyId: number, year?: number): Promise<CalendarView> {
      const res = await send(() =>
        client.agencies[":agencyId"].calendar.$get({
          param: agency(agencyId),
          query: year ? { year: String(year) } : {},
        }),
      );
      if (res.status === 200) return await res.json();
      throw await failure(res);
    },

    async addMilestone(agencyId: number, input: MilestoneForm): Promise<FormResult<CalendarEntry>> {
      const res = await send(() =>
        client.agencies[":agencyId"].calendar.$post({ param: agency(agencyId), json: input }),
      );
      if (res.status === 201) return { ok: true, value: (await res.json()).entry };
      return formFailure(res);
    },

    async editMilestone(
      agencyId: number,
      milestoneId: number,
      input: MilestoneForm,
    ): Promise<FormResult<CalendarEntry>> {
      const res = await send(() =>
        client.agencies[":agencyId"].calendar[":milestoneId"].$patch({
          param: { ...agency(agencyId), milestoneId: String(milestoneId) },
          json: input,
        }),
      );
      if (res.status === 200) return { ok: true, value: (await res.json()).entry };
      return formFailure(res);
    },

    async deleteMilestone(agencyId: number, milestoneId: number): Promise<void> {
      const res = await send(() =>
        client.agencies[":agencyId"].calendar[":milestoneId"].$delete({
          param: { ...agency(agencyId), milestoneId: String(milestoneId) },
        }),
      );
      if (res.status === 200) return;
      throw await failure(res);
    },

    async settings(agencyId: number): Promise<ReminderSettingsView> {
      const res = await send(() => client.me.settings.$get({ query: { agencyId: String(agencyId) } }));
      if (res.status === 200) return await res.json();
      throw await failure(res);
    },

    async saveSettings(input: Settings): Promise<FormResult<ReminderSettingsView>> {
      const res = await send(() => client.me.settings.$put({ json: input }));
      if (res.status === 200) return { ok: true, value: await res.json() };
      const error = await failure(res);
      if (res.status === 400) return { ok: false, message: error.message, fields: error.fields };
      throw error;
    },
    async audit(agencyId: number, before?: string): Promise<AuditPage> {
      const res = await send(() =>
        client.agencies[":agencyId"].audit.$get({ param: agency(agencyId), query: before ? { before } : {} }),
      );
      if (res.status === 200) return await res.json();
      throw await failure(res);
    },

    async previewResults(agencyId: number, file: File): Promise<FileCheck<ResultsPreview>> {
      const res = await send(() =>
        client.agencies[":agencyId"].results.preview.$post({ param: agency(agencyId), form: { file } }),
      );
      if (res.status === 200) return await res.json();
      return fileFailure(res);
    },

    async importResults(agencyId: number, file: File): Promise<FileCheck<ResultsImported>> {
      const res = await send(() =>
        client.agencies[":agencyId"].results.import.$post({ param: agency(agencyId), form: { file } }),
      );
      if (res.status === 200) return await res.json();
      return fileFailure(res);
    },

    async entryForm(agencyId: number, year?: number): Promise<EntryForm> {
      const res = await send(() =>
        client.agencies[":agencyId"].results.entry.$get({
          param: agency(agencyId),
          query: year ? { year: String(year) } : {},
        }),
      );
      if (res.status === 200) return await res.json();
      throw await failure(res);
    },

    async saveEntry(agencyId: number, input: ResultsEntryInput): Promise<FormResult<EntrySaved>> {
      const res = await send(() =>
        client.agencies[":agencyId"].results.entry.$post({ param: agency(agencyId), json: input }),
      );
      if (res.status === 200) {
        const { summary, changes } = await res.json();
        return { ok: true, value: { summary, changes } };
      }
      const error = await failure(res);
      if (res.status === 400) return { ok: false, message: error.message, fields: error.fields };
      throw error;
    },

    async reports(agencyId: number): Promise<ReportsInfo> {
      const res = await send(() => client.agencies[":agencyId"].reports.$get({ param: agency(agencyId) }));
      if (res.status === 200) return await res.json();
      throw await failure(res);
    },

    async reportLink(agencyId: number, input: ReportRequestInput): Promise<FormResult<ReportLink>> {
      const res = await send(() =>
        client.agencies[":agencyId"].reports.links.$post({ param: agency(agencyId), json: input }),
      );
      if (res.status === 200) return { ok: true, value: await res.json() };
      const error = await failure(res);
      if (res.status === 400) return { ok: false, message: error.message, fields: error.fields };
      throw error;
    },

    async recommendations(agencyId: number): Promise<RecommendationList> {
      const res = await send(() =>
        client.agencies[":agencyId"].recommendations.$get({ param: agency(agencyId) }),
      );
      if (res.status === 200) return await res.json();
      throw await failure(res);
    },

    async saveRecommendation(
      agencyId: number,
      key: string,
      text: string,
    ): Promise<FormResult<RecommendationEntry>> {
      const res = await send(() =>
        client.agencies[":agencyId"].recommendations[":key"].$put({
          param: { ...agency(agencyId), key: encodeURIComponent(key) },
          json: { text },
        }),
      );
      if (res.status === 200) return { ok: true, value: await res.json() };
      return formFailure(res);
    },

    async resetRecommendation(agencyId: number, key: string): Promise<RecommendationEntry> {
      const res = await send(() =>
        client.agencies[":agencyId"].recommendations[":key"].$delete({
          param: { ...agency(agencyId), key: encodeURIComponent(key) },
        }),
      );
      if (res.status === 200) return await res.json();
      throw await failure(res);
    },

    /** 400 answers per file ("regular", "bold"); a body over the limit is an ApiError (413). */
    async uploadReportFont(
      agencyId: number,
      files: { regular: File; bold?: File | undefined },
    ): Promise<FormResult<ReportFontView>> {
      const res = await send(() =>
        client.agencies[":agencyId"]["report-font"].$post({
          param: agency(agencyId),
          form: files.bold ? { regular: files.regular, bold: files.bold } : { regular: files.regular },
        }),
      );
      if (res.status === 200) return { ok: true, value: (await res.json()).font };
      return formFailure(res);
    },

    async resetReportFont(agencyId: number): Promise<ReportFontView> {
      const res = await send(() =>
        client.agencies[":agencyId"]["report-font"].$delete({ param: agency(agencyId) }),
      );
      if (res.status === 200) return (await res.json()).font;
      throw await failure(res);
    },
  };
}

export interface ReportsInfo {
  canDownload: boolean;
  analysisYears: number[];
  progressYears: number[];
  /** The typeface of the agency's reports: its uploaded one, or Sarabun. */
  font: ReportFontView;
}

export interface ReportFontView {
  family: string;
  custom: boolean;
}

/** One recommendation of the analysis report: the library's text and the agency's own (null: none). */
export interface RecommendationEntry {
  key: string;
  label: string;
  defaultText: string;
  text: string | null;
}

export interface RecommendationList {
  entries: RecommendationEntry[];
}

export interface ReportLink {
  url: string;
  validMinutes: number;
}

export type Api = ReturnType<typeof createApi>;

async function send<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }
}

async function failure(res: Response): Promise<ApiError & { fields: Record<string, string> }> {
  const body: unknown = await res.json().catch(() => undefined);
  const { error, fields } = (body ?? {}) as { error?: unknown; fields?: unknown };
  const message = typeof error === "string" ? error : `เกิดข้อผิดพลาด (${res.status}) กรุณาลองอีกครั้ง`;
  return Object.assign(new ApiError(res.status, message), { fields: stringRecord(fields) });
}

/** A form's refusal (400) with its field messages; anything else is an ApiError. */
async function formFailure(
  res: Response,
): Promise<{ ok: false; message: string; fields: Record<string, string> }> {
  const error = await failure(res);
  if (res.status === 400) return { ok: false, message: error.message, fields: error.fields };
  throw error;
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

/** A page of the audit log, newest first; `nextBefore` asks for the older page after it. */
export interface AuditPage {
  entries: AuditItem[];
  nextBefore: string | null;
}

export type { ApplySummary, AuditItem, CalendarEntry, FileError, FrameworkSummary, ResultChange };

/** A fiscal year's calendar: national dates (read-only) and the agency's own. */
export interface CalendarView {
  year: number;
  today: string;
  canEdit: boolean;
  national: CalendarEntry[];
  own: CalendarEntry[];
}

/** A results file's answer: what it holds, or every problem with its row and column. */
export type FileCheck<T> = ({ ok: true } & T) | { ok: false; errors: FileError[] };

export interface ResultsPreview {
  rows: number;
  changes: ResultChange[];
  notes: string[];
}

export interface ResultsImported {
  rows: number;
  summary: ApplySummary;
  notes: string[];
}

/** A figure of the entry form: as imported or typed (`reported`), and as shown (`current`, maybe computed). */
export interface EntryFigure {
  reported: string | null;
  current: string | null;
}

export interface EntryForm {
  years: number[];
  year: number;
  total: EntryFigure;
  tools: (EntryFigure & { code: string; nameTh: string })[];
  indicators: (EntryFigure & { no: number; nameTh: string; tool: string })[];
}

export interface EntrySaved {
  summary: ApplySummary;
  changes: ResultChange[];
}

/** A refused file comes with its problems (400, or 413 when too large); anything else is an ApiError. */
async function fileFailure(res: Response): Promise<{ ok: false; errors: FileError[] }> {
  if (res.status === 400 || res.status === 413) {
    const body: unknown = await res
      .clone()
      .json()
      .catch(() => undefined);
    const errors = (body as { errors?: unknown } | undefined)?.errors;
    if (Array.isArray(errors)) return { ok: false, errors: errors as FileError[] };
  }
  throw await failure(res);
}
