// `npm run bench -- frameworks`: what loading a year's framework costs and how soon a running
// server answers with it.
//
// 1. Load: a year of 60 items as an operator's file (YAML text) → parse → the one schema → store
//    with its history and audit row, on PGlite; against the peer of writing the same document as
//    one bare row (no parsing, no checks, no history), in the same run.
// 2. Freshness: the Node server (PGlite, fake LINE) is running and has read the frameworks; a
//    new year and its results are loaded; how long until a chat answer uses them (the source's
//    TTL is the bound: FRAMEWORKS_TTL_MS).
import { createHmac, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { FRAMEWORKS_TTL_MS } from "../bot/cache-ttl.ts";
import { parseConfig } from "../bot/config.ts";
import { DEV_CHANNEL_SECRET } from "../bot/dev/fake-line.ts";
import { startServer } from "../bot/node.ts";
import type { FrameworkDocument } from "../core/ita/framework.ts";
import { checkFramework } from "../core/ita/framework-check.ts";
import { createDb } from "../db/client.ts";
import { DEMO_USERS } from "../db/demo/users.ts";
import { canonicalText } from "../db/frameworks/canonical.ts";
import { formatFramework, parseFrameworkText } from "../db/frameworks/file.ts";
import { shippedFrameworks } from "../db/frameworks/shipped.ts";
import { importResultsFile } from "../db/import/import-results.ts";
import { migrate } from "../db/migrate.ts";
import { readFrameworkCatalog, saveFramework } from "../db/repositories/frameworks.ts";
import { fmt, median, percentile } from "./stats.ts";

/** 2569 grown to 60 items: its 50 codes and ten more OIT items, every one titled. */
function sixtyItems(year: number, variant: number): FrameworkDocument {
  const base = shippedFrameworks().find((d) => d.year === 2569)!;
  const codes = [
    ...base.indicators.flatMap((i) => i.items ?? []),
    ...Array.from({ length: 36 }, (_, k) => `O${k + 1}`),
  ];
  return {
    ...base,
    year,
    itemRanges: [{ prefix: "O", from: 1, to: 36, tool: "OIT" }],
    items: codes.map((code, k) => ({
      code,
      titleTh: `ข้อ ${code} ของปี ${year} ฉบับที่ ${variant}`,
      concept: `bench-${code.toLowerCase()}`,
      ...(code.startsWith("O") ? { coverage: k % 2 ? ("current" as const) : ("previous" as const) } : {}),
    })),
  };
}

async function loadBench(rounds: number): Promise<void> {
  const h = await createDb({});
  try {
    await migrate(h.db);
    const texts = Array.from({ length: rounds }, (_, i) => formatFramework(sixtyItems(2590, i)));
    const full: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < rounds; i++) {
      // Ours: the operator's whole path, a new version each round.
      const t0 = performance.now();
      const parsed = parseFrameworkText(texts[i]!);
      if (!parsed.ok) throw new Error("bench document does not parse");
      const checked = checkFramework(parsed.value);
      if (!checked.ok) throw new Error(`bench document refused: ${JSON.stringify(checked.issues[0])}`);
      await saveFramework(h.db, checked.document, { label: "bench:frameworks" }, "operator");
      full.push(performance.now() - t0);
      // The peer: the same document written as one row, nothing checked or kept.
      const doc = sixtyItems(2591, i);
      const t1 = performance.now();
      await sql`insert into frameworks (year, version, document, provisional, origin, loaded_by)
        values (${doc.year}, ${i + 1}, ${canonicalText(doc)}, ${doc.provisional}, 'operator', 'bench')
        on conflict (year) do update set version = excluded.version, document = excluded.document`.execute(
        h.db,
      );
      bare.push(performance.now() - t1);
    }
    const items = sixtyItems(2590, 0).items.length;
    const catalog: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await readFrameworkCatalog(h.db);
      catalog.push(performance.now() - t0);
    }
    console.log(
      `load a year of ${items} items on PGlite, ${rounds} rounds (file text → parse → schema → store with history and audit):`,
    );
    console.log(
      `  ours: median ${fmt(median(full))}, p95 ${fmt(percentile(full, 95))}, max ${fmt(Math.max(...full))} (target < 1 s)`,
    );
    console.log(`  peer (the same document as one bare row): median ${fmt(median(bare))}`);
    console.log(`  ratio ours/peer (median): ${(median(full) / median(bare)).toFixed(1)}×`);
    console.log(
      `  reading every stored year into a catalog (${(await readFrameworkCatalog(h.db)).years.length} years): median ${fmt(median(catalog))}`,
    );
  } finally {
    await h.close();
  }
}

async function freshnessBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "prongsai-frameworks-"));
  const config = parseConfig({ NODE_ENV: "development", DATA_DIR: dir });
  const running = await startServer({ ...config, PORT: 0 }, { info() {}, warn() {}, error() {} });
  const [admin, , editor] = DEMO_USERS.map((u) => u.lineUserId) as [string, string, string];
  const ask = async (userId: string, text: string): Promise<string> => {
    const replyToken = running.fake!.issueReplyToken(userId);
    const body = JSON.stringify({
      destination: "Ubench",
      events: [
        {
          type: "message",
          mode: "active",
          timestamp: Date.now(),
          source: { type: "user", userId },
          webhookEventId: randomUUID(),
          deliveryContext: { isRedelivery: false },
          replyToken,
          message: { id: "1", type: "text", quoteToken: "q", text },
        },
      ],
    });
    const signature = createHmac("sha256", DEV_CHANNEL_SECRET).update(body).digest("base64");
    await fetch(`${running.url}/webhook`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-line-signature": signature },
    });
    for (let i = 0; i < 100; i++) {
      const reply = running.fake!.replies.get(replyToken);
      if (reply) return JSON.stringify(reply.messages);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no reply to ${text}`);
  };
  try {
    // The server has read the frameworks (a question from another agency).
    await ask(admin, "คะแนน ITA");
    const year = 2590;
    const doc = { ...shippedFrameworks().find((d) => d.year === 2569)!, year };
    await saveFramework(running.db, doc, { label: "bench:frameworks" }, "operator");
    const csv = `agency_code,agency_name,agency_type,province,district,fiscal_year,total\n${await demoRow(running.db)},${year},88.88\n`;
    const imported = await importResultsFile(running.db, new TextEncoder().encode(csv), "bench.csv", {
      label: "bench:frameworks",
    });
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const loadedAt = performance.now();
    let answer = "";
    while (!answer.includes("88.88")) {
      answer = await ask(editor, `คะแนนปี ${year}`);
      if (!answer.includes("88.88")) await new Promise((r) => setTimeout(r, 1000));
      if (performance.now() - loadedAt > 120_000) throw new Error("no answer with the new year in 120 s");
    }
    const ms = performance.now() - loadedAt;
    console.log(
      `a chat answer used the year loaded while the Node server ran after ${fmt(ms)} (the source's TTL: ${fmt(FRAMEWORKS_TTL_MS)}; target ≤ 60 s)`,
    );
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function demoRow(db: Awaited<ReturnType<typeof createDb>>["db"]): Promise<string> {
  const a = await db
    .selectFrom("agencies")
    .selectAll()
    .where("code", "=", "DEMO00001")
    .executeTakeFirstOrThrow();
  return [a.code, a.name_th, a.agency_type, a.province, a.district].join(",");
}

export async function runFrameworksBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { rounds: { type: "string", default: "20" }, freshness: { type: "string", default: "on" } },
  });
  await loadBench(Number(values.rounds));
  if (values.freshness !== "off") await freshnessBench();
}
