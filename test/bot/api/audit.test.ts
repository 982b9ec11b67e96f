import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { apiApp } from "../../../bot/api/index.ts";
import type { AuditItem } from "../../../core/api/audit.ts";
import { recordChange } from "../../../db/audit.ts";
import {
  EDITOR_DEMO as EDITOR,
  VIEWER_BANLAENG as LAENG,
  NEWCOMER,
  openWorld,
  ADMIN_SRISONGRAK as SRI,
  type World,
} from "../world.ts";
import { API_CHANNEL, apiFor, demoAgencyIds } from "./harness.ts";

const CHANNEL = API_CHANNEL;

describe("audit log API", () => {
  let w: World;
  let api: ReturnType<typeof apiApp>;
  let sri: number;
  let laeng: number;
  let demo: number;
  beforeAll(async () => {
    w = await openWorld();
    api = apiFor(w);
    ({ sri, laeng, demo } = await demoAgencyIds(w));
  });
  afterAll(async () => {
    await w.close();
  });

  const call = async (userId: string, path: string, body?: unknown) => {
    const auth = await w.fake.issueIdToken(userId, { channelId: CHANNEL, name: "ทดสอบ" });
    const res = await api.request(path, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${auth}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const entriesOf = (json: Record<string, unknown>) => json.entries as AuditItem[];

  it("shows a status update made in the LIFF app: who, what, before and after, newest first", async () => {
    const step = await w.db
      .selectFrom("measure_steps")
      .select(["id", "title", "status"])
      .where("agency_id", "=", sri)
      .where("status", "=", "in_progress")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const saved = await call(SRI, `/agencies/${sri}/steps/${step.id}/status`, {
      status: "done",
      progress: 100,
      evidenceUrl: "https://www.srisongrak.go.th/ita/manual.pdf",
    });
    expect(saved.status).toBe(200);

    const r = await call(SRI, `/agencies/${sri}/audit`);
    expect(r.status).toBe(200);
    const entries = entriesOf(r.json);
    const ids = entries.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    const update = entries.find((e) => e.action === "step.update" && e.entityId === String(step.id));
    expect(update).toMatchObject({
      actor: `line:${SRI}`,
      memberName: expect.stringContaining("สมชาย"),
      entity: "step",
      entityTitle: step.title,
      before: { status: "in_progress" },
      after: { status: "done", evidenceUrl: "https://www.srisongrak.go.th/ita/manual.pdf" },
    });
    expect(Date.parse(update!.at)).not.toBeNaN();
    // The step's update is the newest entry but for the measure following its steps.
    const newest = entries.findIndex((e) => e.action === "step.update");
    expect(entries.slice(0, newest).every((e) => e.action === "measure.recompute")).toBe(true);
  });

  it("pages with before=<id>: each page older than the last, no entry twice", async () => {
    const first = await call(SRI, `/agencies/${sri}/audit?limit=2`);
    expect(entriesOf(first.json)).toHaveLength(2);
    expect(first.json.nextBefore).toBe(entriesOf(first.json)[1]!.id);
    const second = await call(SRI, `/agencies/${sri}/audit?limit=2&before=${first.json.nextBefore}`);
    const older = entriesOf(second.json);
    expect(older.length).toBeGreaterThan(0);
    for (const e of older) expect(BigInt(e.id) < BigInt(first.json.nextBefore as string)).toBe(true);

    const all = await call(SRI, `/agencies/${sri}/audit?limit=100`);
    const total = entriesOf(all.json).length;
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page = await call(SRI, `/agencies/${sri}/audit?limit=3${before ? `&before=${before}` : ""}`);
      seen.push(...entriesOf(page.json).map((e) => e.id));
      before = page.json.nextBefore as string | null;
    } while (before);
    expect(new Set(seen).size).toBe(seen.length);
    if (all.json.nextBefore === null) expect(seen).toHaveLength(total);
  });

  it("lists only the agency's own entries", async () => {
    await recordChange(w.db, { label: "cli" }, [
      {
        agencyId: laeng,
        action: "measure.update",
        entity: "measure",
        entityId: 999,
        after: { title: "ของบ้านแลง" },
      },
    ]);
    const r = await call(SRI, `/agencies/${sri}/audit?limit=100`);
    expect(JSON.stringify(r.json)).not.toContain("ของบ้านแลง");
  });

  it("is for admins and editors: viewers, other agencies and newcomers get 403", async () => {
    expect((await call(EDITOR, `/agencies/${demo}/audit`)).status).toBe(200);
    const viewer = await call(LAENG, `/agencies/${laeng}/audit`);
    expect(viewer.status).toBe(403);
    expect(viewer.json.error).toContain("ผู้ดู");
    expect((await call(EDITOR, `/agencies/${sri}/audit`)).status).toBe(403);
    expect((await call(NEWCOMER, `/agencies/${sri}/audit`)).status).toBe(403);
  });

  it("refuses a malformed cursor", async () => {
    expect((await call(SRI, `/agencies/${sri}/audit?before=abc`)).status).toBe(400);
    expect((await call(SRI, `/agencies/${sri}/audit?limit=1000`)).status).toBe(400);
  });
});
