// A chart of the document model rasterised with resvg, which shapes Thai text (tone marks over
// vowels) with the report's own font files, so both formats embed the same image. The PNG is
// written as opaque RGB: pdfkit copies such a PNG's compressed data straight into the PDF,
// whereas an alpha channel makes it decode and split every pixel in JavaScript.
import { deflateSync } from "node:zlib";
import { Resvg } from "@resvg/resvg-js";
import type { BarChart } from "../../core/reports/chart.ts";
import { chartSvg } from "../../core/reports/chart.ts";
import type { Formatter } from "../../core/reports/format.ts";
import type { ReportFonts } from "./fonts.ts";

export interface ChartImage {
  png: Uint8Array;
  /** Pixels at the drawn size (1,400 wide: about 220 dpi when printed 16 cm wide). */
  width: number;
  height: number;
}

export function chartPng(chart: BarChart, fmt: Formatter, fonts: ReportFonts): ChartImage {
  const svg = chartSvg(chart, { fontFamily: fonts.family, fmt });
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [fonts.regular.path, fonts.bold.path],
      defaultFontFamily: fonts.family,
    },
  });
  const image = resvg.render();
  return { png: rgbPng(image.pixels, image.width, image.height), width: image.width, height: image.height };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels on a white background → an 8-bit RGB PNG (filter 0 on every row). */
export function rgbPng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const a = rgba[i + 3]! / 255;
      // resvg's pixels are premultiplied; composite over white.
      raw[o++] = Math.round(rgba[i]! + 255 * (1 - a));
      raw[o++] = Math.round(rgba[i + 1]! + 255 * (1 - a));
      raw[o++] = Math.round(rgba[i + 2]! + 255 * (1 - a));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([
      signature,
      chunk("IHDR", ihdr),
      chunk("IDAT", deflateSync(raw, { level: 6 })),
      chunk("IEND", new Uint8Array()),
    ]),
  );
}
