import type { ColumnType, Generated } from "kysely";
import type { MemberRole } from "../core/members/roles.ts";

// Table row types. They stay in db/: the rest of the code speaks in domain types (core/).

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** NUMERIC(5,2): pg returns a string; writes take the exact decimal string. */
type Numeric = ColumnType<string, string, string>;
type NullableNumeric = ColumnType<string | null, string | null | undefined, string | null>;
/** jsonb: written as a JSON string (pg would turn a JS array into a Postgres array). */
type Json<T> = ColumnType<T, string | undefined, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;

export type ScoreSourceColumn = "imported" | "entered" | "computed";
export type ScoreKindColumn = "item" | "sub" | "indicator" | "part" | "tool";
/** One list of roles for the column, the API and the forms. */
export type RoleColumn = MemberRole;

export interface AgenciesTable {
  id: Generated<number>;
  code: string;
  name_th: string;
  agency_type: string;
  province: string;
  district: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FiscalYearsTable {
  year: number;
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string, string, string>;
}

export interface AssessmentsTable {
  id: Generated<number>;
  agency_id: number;
  fiscal_year: number;
  /** The agency's type and province in that year: ranks are taken within them. */
  agency_type: string;
  province: string;
  total: NullableNumeric;
  total_source: ScoreSourceColumn | null;
  total_computed: NullableNumeric;
  /** The official level: the reported one, else the one computed from the official scores. */
  level: string | null;
  level_reported: string | null;
  reported_rank: number | null;
  mismatches: Json<{ kind: string; code: string; reported: string; computed: string }[]>;
  updated_at: Timestamp;
}

export interface ScoresTable {
  assessment_id: number;
  agency_id: number;
  kind: ScoreKindColumn;
  code: string;
  value: Numeric;
  source: ScoreSourceColumn;
  computed: NullableNumeric;
}

export interface MembersTable {
  id: Generated<number>;
  agency_id: number;
  line_user_id: string;
  display_name: string | null;
  role: RoleColumn;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export type MeasureStatusColumn = "not_started" | "in_progress" | "done" | "cancelled";
export type FollowUpColumn = "monthly" | "quarterly" | "six_monthly" | "yearly" | "none";

export interface MeasuresTable {
  id: Generated<number>;
  agency_id: number;
  fiscal_year: number;
  seq: number;
  title: string;
  indicators: ColumnType<number[], number[] | undefined, number[]>;
  items: ColumnType<string[], string[] | undefined, string[]>;
  method: Generated<string>;
  responsible_unit: Generated<string>;
  period_text: string | null;
  period_start: ColumnType<string | null, string | null | undefined, string | null>;
  period_end: ColumnType<string | null, string | null | undefined, string | null>;
  follow_up: Generated<FollowUpColumn>;
  status: Generated<MeasureStatusColumn>;
  progress: Generated<number>;
  result_summary: Generated<string>;
  outcome: Generated<string>;
  suggestions: Generated<string>;
  evidence_links: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeasureStepsTable {
  id: Generated<number>;
  measure_id: number;
  agency_id: number;
  seq: number;
  title: string;
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  responsible_unit: string | null;
  status: Generated<MeasureStatusColumn>;
  progress: Generated<number>;
  note: Generated<string>;
  evidence_url: string | null;
  done_on: ColumnType<string | null, string | null | undefined, string | null>;
  snoozed_until: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeasureOwnersTable {
  measure_id: number;
  member_id: number;
  agency_id: number;
}

export interface StepOwnersTable {
  step_id: number;
  member_id: number;
  agency_id: number;
}

export interface AuditLogTable {
  id: Generated<string>;
  agency_id: number | null;
  /** Member id when a member acted; null for the CLI, imports and jobs (see actor). */
  member_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: NullableJson;
  after: NullableJson;
  at: Timestamp;
}

export interface WebhookEventsTable {
  id: string;
  event_type: string;
  line_user_id: string | null;
  redelivery: Generated<boolean>;
  received_at: Timestamp;
}

export interface InvitesTable {
  id: Generated<number>;
  agency_id: number;
  code_hash: string;
  role: RoleColumn;
  max_uses: Generated<number>;
  uses: Generated<number>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  created_by: string;
  created_at: Timestamp;
}

export interface InviteAttemptsTable {
  id: Generated<string>;
  line_user_id: string;
  at: Timestamp;
}

export interface LineUsersTable {
  line_user_id: string;
  display_name: string | null;
  following: Generated<boolean>;
  updated_at: Timestamp;
}

type DateColumn = ColumnType<string, string, string>;

export interface MilestonesTable {
  id: Generated<number>;
  agency_id: number | null;
  fiscal_year: number;
  /** Stable name of a national date ("oit-submission"); null for an agency's own. */
  key: string | null;
  title: string;
  /** First day of a window (the survey weeks); null for a single date. */
  starts_on: ColumnType<string | null, string | null | undefined, string | null>;
  due_on: DateColumn;
  kind: "ita" | "duty" | "agency";
  /** The usual pattern, not yet a date the NACC announced. */
  provisional: Generated<boolean>;
  /** Admins get reminders of it. */
  remind: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MemberPrefsTable {
  member_id: number;
  agency_id: number;
  muted: Generated<boolean>;
  lead_days: ColumnType<number[], number[] | undefined, number[]>;
  quiet_start: Generated<string>;
  quiet_end: Generated<string>;
  frequency: Generated<"daily" | "weekly">;
  weekly_day: Generated<number>;
  updated_at: Timestamp;
}

export type OutboxStatus = "pending" | "sending" | "sent" | "held" | "dead";

export interface OutboxTable {
  id: Generated<string>;
  agency_id: number;
  member_id: number | null;
  recipients: ColumnType<string[], string[], string[]>;
  kind: "digest" | "status_update" | "quota_warning";
  day: DateColumn;
  payload: ColumnType<unknown, string, string>;
  retry_key: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  send_at: ColumnType<Date, Date | string, Date | string>;
  next_attempt_at: ColumnType<Date, Date | string, Date | string>;
  claimed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_error: string | null;
  created_at: Timestamp;
}

export interface NoticesTable {
  dedupe_key: string;
  agency_id: number;
  member_id: number;
  item_key: string;
  kind: "lead" | "due" | "overdue";
  day: DateColumn;
  /** The item, typed: exactly one of the two is set. */
  step_id: number | null;
  milestone_id: number | null;
  /** The due date of the schedule the notice belongs to (its dedupe key's last part). */
  due_on: DateColumn;
  outbox_id: string | null;
  superseded: Generated<boolean>;
  created_at: Timestamp;
}

export type FrameworkOrigin = "shipped" | "operator";

export interface FrameworksTable {
  year: number;
  version: number;
  /** Canonical JSON of the checked document. */
  document: string;
  provisional: boolean;
  origin: FrameworkOrigin;
  loaded_by: string;
  loaded_at: Timestamp;
}

export interface FrameworkVersionsTable {
  year: number;
  version: number;
  document: string;
  origin: FrameworkOrigin;
  changes: Json<string[]>;
  loaded_by: string;
  loaded_at: Timestamp;
}

export interface QuotaWarningsTable {
  month: string;
  warned_at: Timestamp;
}

export interface PushForecastsTable {
  month: string;
  agency_id: number;
  pushes: number;
  lighter: number | null;
  viewer_pushes: Generated<number>;
  daily_members: Generated<number>;
  computed_at: Timestamp;
}

export interface PushForecastMonthsTable {
  month: string;
  pushes: number;
  agencies: number;
  quota_limit: number | null;
  used_so_far: number | null;
  decided_at: Timestamp;
  told_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface Database {
  agencies: AgenciesTable;
  fiscal_years: FiscalYearsTable;
  assessments: AssessmentsTable;
  scores: ScoresTable;
  members: MembersTable;
  measures: MeasuresTable;
  measure_steps: MeasureStepsTable;
  measure_owners: MeasureOwnersTable;
  step_owners: StepOwnersTable;
  audit_log: AuditLogTable;
  webhook_events: WebhookEventsTable;
  invites: InvitesTable;
  invite_attempts: InviteAttemptsTable;
  line_users: LineUsersTable;
  milestones: MilestonesTable;
  member_prefs: MemberPrefsTable;
  outbox: OutboxTable;
  notices: NoticesTable;
  quota_warnings: QuotaWarningsTable;
  frameworks: FrameworksTable;
  framework_versions: FrameworkVersionsTable;
  push_forecasts: PushForecastsTable;
  push_forecast_months: PushForecastMonthsTable;
}
