import { hc } from "hono/client";
import type { ApiType } from "../../bot/api/index.ts";
import type { ComparisonCardView, ScoreCardView } from "../../core/chat/cards.ts";
import type { Measure, Step } from "../../core/measures/measure.ts";
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

    async measures(agencyId: number, filter: MeasureFilter): Promise<MeasureList> {
      const res = await send(() =>
        client.agencies[":agencyId"].measures.$get({ param: agency(agencyId), query: { filter } }),
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
  };
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

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}
