import { strFromU8, unzipSync } from "fflate";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportCache } from "../../../bot/downloads/report-cache.ts";
import { contentDisposition, downloadRoute } from "../../../bot/downloads/route.ts";
import { memoryLogger } from "../../../bot/log.ts";
import { renderReport } from "../../../bot/reports/render.ts";
import { recordChange } from "../../../db/audit.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { SHIPPED } from "../../fixtures/frameworks.ts";
import { NOW, openWorld, REPORT_LINKER, type World } from "../world.ts";

describe("report downloads through signed links", () => {
  let w: World;
  let app: Hono;
  let sri: number;
  const log = memoryLogger();
  beforeAll(async () => {
    w = await openWorld();
    sri = (await findAgencyByCode(w.db, "SEED000"))!.id;
    app = new Hono().route(
      "/",
      downloadRoute({
        db: () => w.db,
        linker: REPORT_LINKER,
        render: (db, scope, request) => renderReport(db, scope, { ...request, frameworks: SHIPPED }),
        now: () => NOW,
        log,
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await w.close();
  });

  const path = async (kind: "analysis" | "progress", year: number, format: "pdf" | "docx", at = NOW) =>
    new URL(await REPORT_LINKER.urlFor({ agencyId: sri, kind, year, format }, at)).pathname;

  it("answers a mangled link with 404 and a Thai page, never an error", async () => {
    for (const token of ["abc.A", "a.b", "abc", "%00.%00", "A".repeat(5000), "e30.A"]) {
      const res = await app.request(`/r/${token}`);
      expect(res.status, token).toBe(404);
      expect(await res.text(), token).toContain("ลิงก์ไม่ถูกต้อง");
    }
    expect(log.entries.filter((e) => e.level === "error")).toEqual([]);
  });

  it("sends the agency's analysis report as a PDF named for it", async () => {
    const res = await app.request(await path("analysis", 2567, "pdf"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain("SEED000");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  }, 30_000);

  it("sends the progress report as a Word file (a zip)", async () => {
    const res = await app.request(await path("progress", 2568, "docx"));
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
  }, 30_000);

  it("writes the year in Arabic digits when the link asks for them, Thai digits otherwise", async () => {
    const documentXml = async (digits?: "arabic") => {
      const url = await REPORT_LINKER.urlFor(
        { agencyId: sri, kind: "analysis", year: 2567, format: "docx", ...(digits ? { digits } : {}) },
        NOW,
      );
      const res = await app.request(new URL(url).pathname);
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      return strFromU8(files["word/document.xml"]!);
    };
    const thai = await documentXml();
    const arabic = await documentXml("arabic");
    expect(thai).toContain("๒๕๖๗");
    expect(arabic).toContain("2567");
    expect(arabic).not.toContain("๒๕๖๗");
  }, 30_000);

  it("answers an expired link with 410 and how to get a new one, in Thai", async () => {
    const old = await path("analysis", 2567, "pdf", new Date(NOW.getTime() - 16 * 60_000));
    const res = await app.request(old);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain("ขอรายงาน");
  });

  it("answers a tampered link with 404 and sends nothing", async () => {
    const good = await path("analysis", 2567, "pdf");
    const res = await app.request(`${good.slice(0, -3)}AAA`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("text/html");
  });

  it("says in Thai when the year has no results to analyse", async () => {
    const res = await app.request(await path("analysis", 2565, "pdf"));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("ยังไม่มีผลการประเมินของปี 2565");
  });

  it("explains in Thai why a year before the ITA frameworks cannot be reported", async () => {
    const res = await app.request(await path("analysis", 2561, "pdf"));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/[ก-๙]/);
    expect(log.entries.filter((e) => e.level === "error")).toEqual([]);
  });

  describe("with rendered reports kept and a limit per address", () => {
    let renders = 0;
    let clock = 0;
    let cached: Hono;
    beforeAll(() => {
      cached = new Hono().route(
        "/",
        downloadRoute({
          db: () => w.db,
          linker: REPORT_LINKER,
          render: (db, scope, request) => {
            renders++;
            return renderReport(db, scope, { ...request, frameworks: SHIPPED });
          },
          now: () => NOW,
          log,
          cache: reportCache({ maxBytes: 10_000_000, ttlMs: 600_000, now: () => clock }),
          limit: {
            clientIp: () => "203.0.113.9",
            now: () => clock,
            bucket: { capacity: 4, refillPerSecond: 0.2 },
          },
        }),
      );
    });

    it("renders a report once until something it is made from changes", async () => {
      const link = await path("progress", 2568, "docx");
      const first = new Uint8Array(await (await cached.request(link)).arrayBuffer());
      const again = new Uint8Array(await (await cached.request(link)).arrayBuffer());
      expect(renders).toBe(1);
      expect(again).toEqual(first);
      await recordChange(
        w.db,
        { label: "ทดสอบ" },
        { agencyId: sri, action: "update", entity: "measure", entityId: 1 },
      );
      expect((await cached.request(link)).status).toBe(200);
      expect(renders).toBe(2);
    }, 30_000);

    it("answers an address that keeps opening links with a Thai 429 page and when to retry", async () => {
      clock += 60_000;
      const link = await path("progress", 2568, "docx");
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await cached.request(link)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      const refused = await cached.request(link);
      expect(refused.headers.get("retry-after")).toBe("5");
      expect(await refused.text()).toContain("ถี่เกินไป");
    }, 30_000);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII name and the Thai name for browsers that read it", () => {
    expect(contentDisposition("รายงาน ITA 2567.pdf")).toBe(
      `attachment; filename="______ ITA 2567.pdf"; filename*=UTF-8''${encodeURIComponent("รายงาน ITA 2567.pdf")}`,
    );
  });
});
