import type { hc, InferRequestType } from "hono/client";
import type { ApiType } from "../../../bot/api/index.ts";
import type { Success } from "./call.ts";

// The answers the app's pages name, read off the server's routes: none is written by hand, so a
// route that changes its JSON changes these at typecheck. Types several routes and the database
// share by name live in core/api/ and are exported from there.

type Client = ReturnType<typeof hc<ApiType>>;
type Agency = Client["agencies"][":agencyId"];

export type Me = Success<Client["me"]["$get"]>;
export type Membership = Me["memberships"][number];

export type MeasureFilter = NonNullable<InferRequestType<Agency["measures"]["$get"]>["query"]["filter"]>;

export type MemberSummary = Success<Agency["members"]["$get"]>["members"][number];

export type ReminderSettingsView = Success<Client["me"]["settings"]["$get"]>;

export type CalendarView = Success<Agency["calendar"]["$get"]>;

export type ResultsPreview = Success<Agency["results"]["preview"]["$post"]>;
export type ResultsImported = Success<Agency["results"]["import"]["$post"]>;
export type EntryForm = Success<Agency["results"]["entry"]["$get"]>;
/** A figure of the entry form: as imported or typed (`reported`), and as shown (`current`, maybe computed). */
export type EntryFigure = EntryForm["total"];
export type EntrySaved = Success<Agency["results"]["entry"]["$post"]>;

export type ReportsInfo = Success<Agency["reports"]["$get"]>;
export type ReportFontView = ReportsInfo["font"];
export type RecommendationEntry = Success<Agency["recommendations"]["$get"]>["entries"][number];

export type { AuditItem } from "../../../core/api/audit.ts";
export type { CalendarEntry } from "../../../core/api/calendar.ts";
export type { FrameworkSummary } from "../../../core/api/frameworks.ts";
export type { FileError, ResultChange } from "../../../core/api/results.ts";
