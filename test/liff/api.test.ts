import { describe, expect, expectTypeOf, it, vi } from "vitest";
import type { FileRefusal } from "../../core/api/results.ts";
import type { MemberRole } from "../../core/members/roles.ts";
import { ApiError, UNREACHABLE } from "../../liff/src/api/call.ts";
import { type Api, createApi } from "../../liff/src/api/client.ts";
import type { MeasureFilter, Membership } from "../../liff/src/api/types.ts";

// The API client's one call path, at the fetch boundary: what the pages get for each kind of
// answer, and the token every call carries.

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function apiAnswering(answer: () => Response | Promise<Response>) {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => answer());
  return { fetch, api: createApi({ idToken: () => "id-token-1", fetch }) };
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("the call should fail"),
    (error: unknown) => error,
  );

const settings = {
  agencyId: 7,
  muted: false,
  frequency: "weekly" as const,
  firstLeadDays: 7,
  leadDays: [7, 1, 0],
  weeklyDay: 1,
  quietStart: "20:00",
  quietEnd: "08:00",
};

describe("the API client's call", () => {
  it("sends the LIFF ID token and answers the success's JSON", async () => {
    const me = { userId: "U1", name: "สมชาย", memberships: [], held: [] };
    const { api, fetch } = apiAnswering(() => json(me));
    expect(await api.me()).toEqual(me);
    const init = fetch.mock.calls[0]![1]!;
    expect(new Headers(init.headers).get("authorization")).toBe("Bearer id-token-1");
  });

  it("says in Thai that the server cannot be reached when the network fails", async () => {
    const { api } = apiAnswering(() => Promise.reject(new TypeError("Failed to fetch")));
    const error = await rejection(api.dashboard(7));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, message: UNREACHABLE });
    expect(UNREACHABLE).toMatch(/^เชื่อมต่อเซิร์ฟเวอร์ไม่ได้/);
  });

  it("turns an error answer into an ApiError with the server's Thai message and status", async () => {
    const { api } = apiAnswering(() => json({ error: "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้" }, 403));
    const error = await rejection(api.members(7));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, message: "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้" });
  });

  it("words an answer without a message itself, with its status", async () => {
    const { api } = apiAnswering(() => new Response("<html>Bad Gateway</html>", { status: 502 }));
    const error = await rejection(api.reports(7));
    expect(error).toMatchObject({ status: 502, message: "เกิดข้อผิดพลาด (502) กรุณาลองอีกครั้ง" });
  });

  it("answers a form's refusal (400) with the message and each field's", async () => {
    const fields = { firstLeadDays: "แจ้งล่วงหน้าได้ 1–30 วัน" };
    const { api } = apiAnswering(() => json({ error: "กรุณาแก้ข้อมูลที่ระบุ", fields, extra: 1 }, 400));
    const result = await api.saveSettings({
      agencyId: 7,
      muted: false,
      frequency: "weekly",
      firstLeadDays: 99,
    });
    expect(result).toEqual({ ok: false, message: "กรุณาแก้ข้อมูลที่ระบุ", fields });
  });

  it("answers a form's success as its value, unwrapped where the route wraps it", async () => {
    const saved = apiAnswering(() => json(settings));
    expect(
      await saved.api.saveSettings({ agencyId: 7, muted: false, frequency: "weekly", firstLeadDays: 7 }),
    ).toEqual({ ok: true, value: settings });
    const font = apiAnswering(() => json({ font: { family: "TH Sarabun New", custom: true } }));
    const regular = new File(["ttf"], "THSarabunNew.ttf");
    expect(await font.api.uploadReportFont(7, { regular })).toEqual({
      ok: true,
      value: { family: "TH Sarabun New", custom: true },
    });
  });

  it("keeps a form's other refusals as ApiErrors", async () => {
    const { api } = apiAnswering(() => json({ error: "เฉพาะผู้ดูแลของหน่วยงานจัดการสมาชิกและรหัสเชิญได้" }, 403));
    const error = await rejection(api.createInvite(7, { role: "editor", maxUses: 1, hours: 24 }));
    expect(error).toMatchObject({ status: 403, message: "เฉพาะผู้ดูแลของหน่วยงานจัดการสมาชิกและรหัสเชิญได้" });
  });

  it("answers a refused results file (400, or 413 when too large) with its problems", async () => {
    const file = new File(["agency_code\n"], "ผล.csv", { type: "text/csv" });
    const errors = [{ line: 2, column: "total", th: "คะแนนรวมต้องเป็นตัวเลข 0–100" }];
    const refused = apiAnswering(() => json({ ok: false, errors }, 400));
    expect(await refused.api.previewResults(7, file)).toEqual({ ok: false, errors });
    const large = [{ line: null, column: null, th: "ไฟล์ใหญ่เกินไป" }];
    const tooLarge = apiAnswering(() => json({ ok: false, errors: large }, 413));
    expect(await tooLarge.api.importResults(7, file)).toEqual({ ok: false, errors: large });
  });

  it("keeps a file route's refusal without problems (a bad address) an ApiError", async () => {
    const file = new File(["agency_code\n"], "ผล.csv", { type: "text/csv" });
    const { api } = apiAnswering(() => json({ error: "ที่อยู่ของหน้านี้ไม่ถูกต้อง", fields: { agencyId: "x" } }, 400));
    const error = await rejection(api.previewResults(7, file));
    expect(error).toMatchObject({ status: 400, message: "ที่อยู่ของหน้านี้ไม่ถูกต้อง", fields: { agencyId: "x" } });
  });
});

describe("the API client's types, read off the server's routes", () => {
  type Answer<K extends keyof Api> = Awaited<ReturnType<Api[K]>>;

  it("knows each answer's shape without a hand-written copy", () => {
    expectTypeOf<Answer<"dashboard">>().toHaveProperty("card");
    expectTypeOf<Answer<"dashboard">["years"]>().toEqualTypeOf<number[]>();
    expectTypeOf<Membership["role"]>().toEqualTypeOf<MemberRole>();
    expectTypeOf<MeasureFilter>().toEqualTypeOf<"all" | "mine" | "overdue">();
    expectTypeOf<Extract<Answer<"saveSettings">, { ok: false }>>().toEqualTypeOf<{
      ok: false;
      message: string;
      fields: Record<string, string>;
    }>();
    expectTypeOf<Extract<Answer<"saveSettings">, { ok: true }>["value"]>().toHaveProperty("quietStart");
    expectTypeOf<Extract<Answer<"previewResults">, { ok: false }>>().toEqualTypeOf<FileRefusal>();
    expectTypeOf<Extract<Answer<"previewResults">, { ok: true }>>().toHaveProperty("changes");
  });
});
