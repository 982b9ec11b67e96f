import { Hono } from "hono";
import { validator } from "hono/validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { bodyLimits } from "../../../bot/http/body-limit.ts";
import { errorHandler, loggable, Refusal } from "../../../bot/http/errors.ts";
import { ipRateLimit } from "../../../bot/http/rate-limit.ts";
import { requestLog } from "../../../bot/http/request-log.ts";
import { memoryLogger } from "../../../bot/log.ts";
import type { DbHandle } from "../../../db/client.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../db/errors.ts";
import { NotMembersError } from "../../../db/repositories/measure-owners.ts";
import { StepInUseError } from "../../../db/repositories/measure-steps.ts";
import { LastAdminError } from "../../../db/repositories/members.ts";
import { openTestDb } from "../../db/harness.ts";

/** A person's name sent as a statement parameter: it must never reach the log. */
const SECRET = "นางสาวลับเฉพาะ ใจดี";
const THAI = /[\u0E00-\u0E7F]/;

interface Answer {
  error: string;
  fields?: Record<string, string>;
  retryAfter?: number;
}

describe("the error handler", () => {
  let h: DbHandle;
  const log = memoryLogger();
  let app: Hono;

  beforeAll(async () => {
    h = await openTestDb("pglite");
    const agency = {
      code: "A1",
      name_th: "เทศบาลตำบลหนึ่ง",
      agency_type: "เทศบาลตำบล",
      province: "เลย",
      district: "ด่านซ้าย",
    };
    await h.db.insertInto("agencies").values(agency).execute();

    app = new Hono();
    app.onError(errorHandler(memoryLogger()));
    app.use(...requestLog(log));
    app.use(bodyLimits());
    app.use(
      "/api/busy",
      ipRateLimit({
        clientIp: () => "192.0.2.1",
        now: () => 0,
        limit: { capacity: 1, refillPerSecond: 0.5 },
      }),
    );
    app.get("/api/busy", (c) => c.json({ ok: true }));
    app.get("/api/validation/en", () => {
      throw new ValidationError("progress must be a whole number 0–100, got 150");
    });
    app.get("/api/validation/th", () => {
      throw new ValidationError("วันเริ่มต้องไม่หลังวันครบกำหนด");
    });
    app.get("/api/zod", () => {
      z.object({ year: z.number({ error: "ใส่ปีเป็นตัวเลข" }), name: z.string() }).parse({ year: "x" });
      return new Response();
    });
    app.post(
      "/api/json",
      validator("json", (v) => v),
      (c) => c.json({ ok: true }),
    );
    app.get("/api/forbidden", () => {
      throw new ForbiddenError("a viewer cannot change measures");
    });
    app.get("/api/not-found/:entity", (c) => {
      throw new NotFoundError(c.req.param("entity"), 2569);
    });
    app.get("/api/in-use", () => {
      throw new StepInUseError(3);
    });
    app.get("/api/last-admin", () => {
      throw new LastAdminError();
    });
    app.get("/api/not-members", () => {
      throw new NotMembersError([5]);
    });
    app.get("/api/refusal", () => {
      throw new Refusal(404, { error: "ไม่พบหัวข้อข้อเสนอแนะนี้" });
    });
    app.get("/api/duplicate", async (c) => {
      await h.db
        .insertInto("agencies")
        .values({ ...agency, name_th: SECRET })
        .execute();
      return c.json({ ok: true });
    });
    app.get("/api/crash", async (c) => {
      // No agency 999999: a foreign key violation, whose parameters and detail name the member.
      await h.db
        .insertInto("members")
        .values({
          agency_id: 999_999,
          line_user_id: `U${"9".repeat(32)}`,
          display_name: SECRET,
          role: "admin",
        })
        .execute();
      return c.json({ ok: true });
    });
  });
  afterAll(async () => {
    await h.close();
  });

  const get = async (path: string, init?: RequestInit) => {
    const res = await app.request(path, init);
    return { status: res.status, headers: res.headers, json: (await res.json()) as Answer };
  };

  it("answers a repository's refusal of the input with 400: its Thai words, or plain Thai for English ones", async () => {
    const en = await get("/api/validation/en");
    expect(en.status).toBe(400);
    expect(en.json.error).toMatch(THAI);
    expect(en.json.error).not.toContain("progress");
    expect(await get("/api/validation/th")).toMatchObject({
      status: 400,
      json: { error: "วันเริ่มต้องไม่หลังวันครบกำหนด" },
    });
    expect((await get("/api/last-admin")).json.error).toContain("ผู้ดูแลอย่างน้อย 1 คน");
    expect(await get("/api/not-members")).toMatchObject({
      status: 400,
      json: { error: "กรุณาแก้ข้อมูลที่ระบุ", fields: { ownerIds: expect.stringContaining("ไม่ได้เป็นสมาชิก") } },
    });
  });

  it("answers a zod error with 400 and a Thai message on each field", async () => {
    const r = await get("/api/zod");
    expect(r.status).toBe(400);
    expect(r.json.error).toBe("กรุณาแก้ข้อมูลที่ระบุ");
    // The schema's own Thai words, and plain Thai where the schema has none.
    expect(r.json.fields).toEqual({ year: "ใส่ปีเป็นตัวเลข", name: "ค่าไม่ถูกต้อง" });
  });

  it("answers a body that is not JSON with 400 in Thai, not Hono's English text", async () => {
    const r = await get("/api/json", {
      method: "POST",
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatch(THAI);
  });

  it("answers 403, 404 and 409 in Thai", async () => {
    const forbidden = await get("/api/forbidden");
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.error).toMatch(THAI);
    expect(forbidden.json.error).not.toContain("viewer");

    expect(await get("/api/not-found/milestone")).toMatchObject({
      status: 404,
      json: { error: "ไม่พบวันสำคัญนี้ในหน่วยงานของท่าน" },
    });
    expect((await get("/api/not-found/framework")).json.error).toBe("ไม่มีกรอบการประเมินของปี 2569");
    expect((await get("/api/not-found/something")).json.error).toMatch(THAI);
    expect(await get("/api/refusal")).toMatchObject({ status: 404, json: { error: "ไม่พบหัวข้อข้อเสนอแนะนี้" } });

    const inUse = await get("/api/in-use");
    expect(inUse.status).toBe(409);
    expect(inUse.json.error).toContain("ยกเลิก");
  });

  it("answers a duplicate row with 409, logging it without its values", async () => {
    const r = await get("/api/duplicate");
    expect(r.status).toBe(409);
    expect(r.json.error).toMatch(THAI);
    const warned = log.entries.find((e) => e.msg === "duplicate refused");
    expect(warned?.fields?.error).toMatchObject({ code: "23505", constraint: "agencies_code_key" });
    expect(JSON.stringify(log.entries)).not.toContain(SECRET);
  });

  it("answers a body over the limit with 413 and waiting callers with 429, both in Thai", async () => {
    const big = await get("/api/me/settings", {
      method: "POST",
      body: "x".repeat(70_000),
      headers: { "content-length": "70000" },
    });
    expect(big.status).toBe(413);
    expect(big.json.error).toContain("ใหญ่เกินไป");

    expect((await get("/api/busy")).status).toBe(200);
    const busy = await get("/api/busy");
    expect(busy.status).toBe(429);
    expect(busy.headers.get("retry-after")).toBe("2");
    expect(busy.json).toEqual({ error: expect.stringContaining("กรุณารอ 2 วินาที"), retryAfter: 2 });
  });

  it("logs an unexpected error with the request id and without the statement's parameters, and answers a Thai 500", async () => {
    const res = await app.request("/api/crash");
    expect(res.status).toBe(500);
    const requestId = res.headers.get("x-request-id")!;
    const body = (await res.json()) as Answer;
    expect(Object.keys(body)).toEqual(["error"]);
    expect(body.error).toMatch(THAI);
    expect(body.error).toContain(requestId.slice(0, 8));
    expect(body.error).not.toContain("foreign key");

    const entry = log.entries.find((e) => e.level === "error" && e.fields?.requestId === requestId);
    expect(entry?.msg).toBe("unexpected error");
    expect(entry?.fields).toMatchObject({
      method: "GET",
      path: "/api/crash",
      error: {
        code: "23503",
        constraint: "members_agency_id_fkey",
        message: expect.stringContaining("foreign key"),
      },
    });
    const written = JSON.stringify(entry);
    expect(written).not.toContain(SECRET);
    expect(written).not.toContain("999999");
    for (const key of ["params", "detail", "query"]) expect(entry!.fields!.error).not.toHaveProperty(key);
    // The access line still says what the caller got.
    expect(
      log.entries.find((e) => e.msg === "request" && e.fields?.requestId === requestId)?.fields?.status,
    ).toBe(500);
  });

  it("keeps of an error only its name, message, code, constraint, frames and cause", () => {
    const db = Object.assign(new Error("duplicate key value violates unique constraint"), {
      code: "23505",
      constraint: "agencies_code_key",
      detail: `Key (name_th)=(${SECRET}) already exists.`,
      params: [SECRET],
      query: "insert into agencies values ($1)",
    });
    const kept = loggable(new Error("import failed", { cause: db }));
    expect(kept).toMatchObject({
      name: "Error",
      message: "import failed",
      stack: expect.arrayContaining([expect.stringMatching(/^at /)]),
      cause: { message: db.message, code: "23505", constraint: "agencies_code_key" },
    });
    expect(JSON.stringify(kept)).not.toContain(SECRET);
    expect(JSON.stringify(kept)).not.toContain("insert into");
    // A thrown value that is not an Error may be anything: only its type is kept.
    expect(loggable(`${SECRET} as a string`)).toEqual({ name: "string" });
  });

  it("keeps a refusal's answer where no handler is installed (Hono's default one)", async () => {
    const bare = new Hono();
    bare.get("/", () => {
      throw new Refusal(403, { error: "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้" });
    });
    const res = await bare.request("/");
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้" });
  });
});
