// `npm run ita -- richmenu`: the OA's rich menu — three buttons under the chat — created through
// LINE's API with the SDK (or against the fake LINE platform), its image drawn here.
import { messagingApi } from "@line/bot-sdk";
import { Resvg } from "@resvg/resvg-js";
import { bundledFonts } from "../../reports/fonts.ts";
import { defineCommand, UsageError } from "../command.ts";

export const RICH_MENU_SIZE = { width: 2500, height: 843 } as const;

interface Button {
  label: string;
  hint: string;
  colour: string;
  action: messagingApi.Action;
}

/** What each button says and does; the app button needs the LIFF id, else it lists the measures. */
export function richMenuButtons(liffId?: string): Button[] {
  return [
    {
      label: "คะแนน ITA",
      hint: "ผลการประเมินล่าสุด",
      colour: "#0b6e4f",
      action: { type: "message", label: "คะแนน ITA", text: "คะแนน ITA" },
    },
    {
      label: "งานของฉัน",
      hint: "ขั้นตอนที่ต้องทำ",
      colour: "#1565c0",
      action: { type: "message", label: "งานของฉัน", text: "งานของฉัน" },
    },
    liffId
      ? {
          label: "เปิดแอป",
          hint: "มาตรการและการตั้งค่า",
          colour: "#6a1b9a",
          action: { type: "uri", label: "เปิดแอป", uri: `https://liff.line.me/${liffId}` },
        }
      : {
          label: "มาตรการ",
          hint: "มาตรการของปีนี้",
          colour: "#6a1b9a",
          action: { type: "message", label: "มาตรการ", text: "มาตรการ" },
        },
  ];
}

function columns(count: number): { x: number; width: number }[] {
  const base = Math.floor(RICH_MENU_SIZE.width / count);
  return Array.from({ length: count }, (_, i) => ({
    x: i * base,
    width: i === count - 1 ? RICH_MENU_SIZE.width - i * base : base,
  }));
}

export function richMenuRequest(liffId?: string): messagingApi.RichMenuRequest {
  const buttons = richMenuButtons(liffId);
  return {
    size: { ...RICH_MENU_SIZE },
    selected: true,
    name: "prongsai-main",
    chatBarText: "เมนูโปร่งใส",
    areas: columns(buttons.length).map((col, i) => ({
      bounds: { x: col.x, y: 0, width: col.width, height: RICH_MENU_SIZE.height },
      action: buttons[i]!.action,
    })),
  };
}

const xml = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function richMenuSvg(liffId?: string, fontFamily = "Sarabun"): string {
  const { width, height } = RICH_MENU_SIZE;
  const buttons = richMenuButtons(liffId);
  const panels = columns(buttons.length)
    .map((col, i) => {
      const b = buttons[i]!;
      const cx = col.x + col.width / 2;
      return `<rect x="${col.x + 12}" y="12" width="${col.width - 24}" height="${height - 24}" rx="48" fill="${b.colour}"/>
<text x="${cx}" y="${height / 2 + 10}" font-family="${fontFamily}" font-weight="bold" font-size="150" fill="#fff" text-anchor="middle">${xml(b.label)}</text>
<text x="${cx}" y="${height / 2 + 160}" font-family="${fontFamily}" font-size="80" fill="#fff" fill-opacity="0.85" text-anchor="middle">${xml(b.hint)}</text>`;
    })
    .join("\n");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="${width}" height="${height}" fill="#f4f6f5"/>
${panels}
</svg>`;
}

/** The image LINE shows, 2500×843 PNG with Thai text shaped by resvg in Sarabun. */
export async function richMenuPng(liffId?: string): Promise<Uint8Array<ArrayBuffer>> {
  const fonts = await bundledFonts();
  const resvg = new Resvg(richMenuSvg(liffId, fonts.family), {
    font: {
      loadSystemFonts: false,
      fontFiles: [fonts.regular.path, fonts.bold.path],
      defaultFontFamily: fonts.family,
    },
  });
  return new Uint8Array(resvg.render().asPng()) as Uint8Array<ArrayBuffer>;
}

/** api.line.me's binary uploads go to api-data.line.me; other hosts (the fake platform) take both. */
export function dataBaseUrlOf(apiBaseUrl: string): string {
  return apiBaseUrl.replace(/^https:\/\/api\.line\.me\/?$/, "https://api-data.line.me");
}

export interface RichMenuOutcome {
  richMenuId: string;
  /** The default rich menu before this one; left in place on LINE (delete it in the console or keep it). */
  previousDefault?: string;
}

/** Creates the rich menu, uploads its image and makes it every user's default. */
export async function installRichMenu(options: {
  channelAccessToken: string;
  apiBaseUrl: string;
  liffId?: string;
}): Promise<RichMenuOutcome> {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.apiBaseUrl,
  });
  const blob = new messagingApi.MessagingApiBlobClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: dataBaseUrlOf(options.apiBaseUrl),
  });
  let previousDefault: string | undefined;
  try {
    previousDefault = (await client.getDefaultRichMenuId()).richMenuId;
  } catch {
    // 404: no default rich menu yet.
  }
  const { richMenuId } = await client.createRichMenu(richMenuRequest(options.liffId));
  const png = await richMenuPng(options.liffId);
  await blob.setRichMenuImage(richMenuId, new Blob([png], { type: "image/png" }));
  await client.setDefaultRichMenu(richMenuId);
  return { richMenuId, ...(previousDefault ? { previousDefault } : {}) };
}

export const richmenuCommand = defineCommand({
  name: "richmenu",
  help: "  richmenu                         สร้างริชเมนูของบัญชี LINE และตั้งเป็นค่าเริ่มต้น (ใช้ LINE_CHANNEL_ACCESS_TOKEN, LIFF_ID)",
  options: {},
  async run(_args, deps) {
    const config = deps.config();
    if (config.line.mode !== "real") {
      throw new UsageError("ต้องตั้ง LINE_CHANNEL_SECRET และ LINE_CHANNEL_ACCESS_TOKEN ของช่อง Messaging API");
    }
    const outcome = await installRichMenu({
      channelAccessToken: config.line.channelAccessToken,
      apiBaseUrl: config.line.apiBaseUrl,
      ...(config.LIFF_ID ? { liffId: config.LIFF_ID } : {}),
    });
    deps.out(`สร้างริชเมนู ${outcome.richMenuId} และตั้งเป็นเมนูเริ่มต้นแล้ว`);
    if (!config.LIFF_ID) deps.out('ไม่มี LIFF_ID: ปุ่มที่สามเป็น "มาตรการ" แทนการเปิดแอป');
    if (outcome.previousDefault) {
      deps.out(`เมนูเดิม ${outcome.previousDefault} ยังอยู่ (ลบได้ใน LINE Official Account Manager หรือ API)`);
    }
    return 0;
  },
});
