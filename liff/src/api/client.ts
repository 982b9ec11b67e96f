import { hc } from "hono/client";
import type { ApiType } from "../../../bot/api/index.ts";
import type { MeasureCreate, MeasureEdit, StepPlan } from "../../../core/schemas/measure-form.ts";
import type { Invite, MemberUpdate } from "../../../core/schemas/members.ts";
import type { MilestoneForm } from "../../../core/schemas/milestone.ts";
import type { ReportRequestInput } from "../../../core/schemas/report-request.ts";
import type { ResultsEntryInput } from "../../../core/schemas/results-entry.ts";
import type { Settings } from "../../../core/schemas/settings.ts";
import type { StepStatus } from "../../../core/schemas/step-status.ts";
import { call, fileCheck, form } from "./call.ts";
import type { MeasureFilter } from "./types.ts";

// Pages import ApiError from ./call.ts and their types from ./types.ts, not through this module:
// re-exported from here, Rolldown split the first download into three files.

export interface ApiOptions {
  /** The LIFF ID token (`liff.getIDToken()`), sent with every call. */
  idToken: () => string | null;
  baseUrl?: string;
  fetch?: typeof fetch;
}

const inYear = (year: number | undefined) => (year ? { year: String(year) } : {});

/**
 * The LIFF app's view of /api, through Hono's typed client: the server's routes are the contract,
 * their answers the methods' types. A form's method answers its refusal with the field messages.
 */
export function createApi({ idToken, baseUrl = "/api", fetch }: ApiOptions) {
  const client = hc<ApiType>(baseUrl, {
    headers: (): Record<string, string> => ({ Authorization: `Bearer ${idToken() ?? ""}` }),
    ...(fetch ? { fetch } : {}),
  });
  const at = client.agencies[":agencyId"];
  const agency = (agencyId: number) => ({ agencyId: String(agencyId) });

  return {
    me: () => call(() => client.me.$get()),

    dashboard: (agencyId: number, year?: number) =>
      call(() => at.dashboard.$get({ param: agency(agencyId), query: inYear(year) })),

    /** The tools and indicators of a fiscal year (this one by default), for forms and filters. */
    framework: (year?: number) => call(() => client.framework.$get({ query: inYear(year) })),

    measures: (agencyId: number, filter: MeasureFilter, indicator?: number) =>
      call(() =>
        at.measures.$get({
          param: agency(agencyId),
          query: indicator ? { filter, indicator: String(indicator) } : { filter },
        }),
      ),

    saveStep: (agencyId: number, stepId: number, input: StepStatus) =>
      form(
        call(() =>
          at.steps[":stepId"].status.$post({
            param: { ...agency(agencyId), stepId: String(stepId) },
            json: input,
          }),
        ).then((a) => a.step),
      ),

    createMeasure: (agencyId: number, input: MeasureCreate) =>
      form(call(() => at.measures.$post({ param: agency(agencyId), json: input })).then((a) => a.measure)),

    editMeasure: (agencyId: number, measureId: number, input: MeasureEdit) =>
      form(
        call(() =>
          at.measures[":measureId"].$patch({
            param: { ...agency(agencyId), measureId: String(measureId) },
            json: input,
          }),
        ).then((a) => a.measure),
      ),

    addStep: (agencyId: number, measureId: number, input: StepPlan) =>
      form(
        call(() =>
          at.measures[":measureId"].steps.$post({
            param: { ...agency(agencyId), measureId: String(measureId) },
            json: input,
          }),
        ).then((a) => a.step),
      ),

    editStepPlan: (agencyId: number, stepId: number, input: StepPlan) =>
      form(
        call(() =>
          at.steps[":stepId"].$patch({ param: { ...agency(agencyId), stepId: String(stepId) }, json: input }),
        ).then((a) => a.step),
      ),

    /** A step with recorded work is refused (409) with the server's Thai reason, as an ApiError. */
    deleteStep: (agencyId: number, stepId: number) =>
      call(() => at.steps[":stepId"].$delete({ param: { ...agency(agencyId), stepId: String(stepId) } })),

    members: (agencyId: number) => call(() => at.members.$get({ param: agency(agencyId) })),

    updateMember: (agencyId: number, memberId: number, change: MemberUpdate) =>
      form(
        call(() =>
          at.members[":memberId"].$patch({
            param: { ...agency(agencyId), memberId: String(memberId) },
            json: change,
          }),
        ).then((a) => a.member),
      ),

    createInvite: (agencyId: number, input: Invite) =>
      form(call(() => at.invites.$post({ param: agency(agencyId), json: input }))),

    calendar: (agencyId: number, year?: number) =>
      call(() => at.calendar.$get({ param: agency(agencyId), query: inYear(year) })),

    addMilestone: (agencyId: number, input: MilestoneForm) =>
      form(call(() => at.calendar.$post({ param: agency(agencyId), json: input })).then((a) => a.entry)),

    editMilestone: (agencyId: number, milestoneId: number, input: MilestoneForm) =>
      form(
        call(() =>
          at.calendar[":milestoneId"].$patch({
            param: { ...agency(agencyId), milestoneId: String(milestoneId) },
            json: input,
          }),
        ).then((a) => a.entry),
      ),

    deleteMilestone: (agencyId: number, milestoneId: number) =>
      call(() =>
        at.calendar[":milestoneId"].$delete({
          param: { ...agency(agencyId), milestoneId: String(milestoneId) },
        }),
      ),

    settings: (agencyId: number) =>
      call(() => client.me.settings.$get({ query: { agencyId: String(agencyId) } })),

    saveSettings: (input: Settings) => form(call(() => client.me.settings.$put({ json: input }))),

    quotaNotes: (agencyId: number) =>
      call(() => client.me.quota.$get({ query: { agencyId: String(agencyId) } })).then((a) => a.notes),

    audit: (agencyId: number, before?: string) =>
      call(() => at.audit.$get({ param: agency(agencyId), query: before ? { before } : {} })),

    previewResults: (agencyId: number, file: File) =>
      fileCheck(call(() => at.results.preview.$post({ param: agency(agencyId), form: { file } }))),

    importResults: (agencyId: number, file: File) =>
      fileCheck(call(() => at.results.import.$post({ param: agency(agencyId), form: { file } }))),

    entryForm: (agencyId: number, year?: number) =>
      call(() => at.results.entry.$get({ param: agency(agencyId), query: inYear(year) })),

    saveEntry: (agencyId: number, input: ResultsEntryInput) =>
      form(call(() => at.results.entry.$post({ param: agency(agencyId), json: input }))),

    reports: (agencyId: number) => call(() => at.reports.$get({ param: agency(agencyId) })),

    reportLink: (agencyId: number, input: ReportRequestInput) =>
      form(call(() => at.reports.links.$post({ param: agency(agencyId), json: input }))),

    recommendations: (agencyId: number) => call(() => at.recommendations.$get({ param: agency(agencyId) })),

    saveRecommendation: (agencyId: number, key: string, text: string) =>
      form(
        call(() =>
          at.recommendations[":key"].$put({
            param: { ...agency(agencyId), key: encodeURIComponent(key) },
            json: { text },
          }),
        ),
      ),

    resetRecommendation: (agencyId: number, key: string) =>
      call(() =>
        at.recommendations[":key"].$delete({ param: { ...agency(agencyId), key: encodeURIComponent(key) } }),
      ),

    /** 400 answers per file ("regular", "bold"); a body over the limit is an ApiError (413). */
    uploadReportFont: (agencyId: number, files: { regular: File; bold?: File | undefined }) =>
      form(
        call(() =>
          at["report-font"].$post({
            param: agency(agencyId),
            form: files.bold ? { regular: files.regular, bold: files.bold } : { regular: files.regular },
          }),
        ).then((a) => a.font),
      ),

    resetReportFont: (agencyId: number) =>
      call(() => at["report-font"].$delete({ param: agency(agencyId) })).then((a) => a.font),
  };
}

export type Api = ReturnType<typeof createApi>;
