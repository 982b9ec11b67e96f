/** LINE's rules that are not schema keywords: sizes of Flex JSON, a rich menu's size and areas, its image. */
import { LINE_LIMITS } from "../../../core/line/limits.ts";
import type { ValidationIssue } from "../openapi/json-schema.ts";

const kb = (bytes: number) => `${bytes / 1024} KB`;

/** LINE's rules for a rich menu beyond its schema: its size, how many areas, areas inside the image. */
export function richMenuIssues(body: unknown): ValidationIssue[] {
  if (!isRecord(body)) return [];
  const issues: ValidationIssue[] = [];
  const size = isRecord(body.size) ? body.size : {};
  const width = Number(size.width);
  const height = Number(size.height);
  if (
    width < LINE_LIMITS.richMenuMinWidth ||
    width > LINE_LIMITS.richMenuMaxWidth ||
    height < LINE_LIMITS.richMenuMinHeight ||
    width / height < LINE_LIMITS.richMenuMinAspectRatio
  ) {
    issues.push({
      property: "size",
      message: `width must be ${LINE_LIMITS.richMenuMinWidth}–${LINE_LIMITS.richMenuMaxWidth} and width/height at least ${LINE_LIMITS.richMenuMinAspectRatio}`,
    });
  }
  for (const key of ["size", "selected", "name", "chatBarText", "areas"]) {
    if (body[key] === undefined) issues.push({ property: key, message: "Must be specified" });
  }
  const areas = Array.isArray(body.areas) ? body.areas : [];
  if (areas.length > LINE_LIMITS.richMenuAreas) {
    issues.push({ property: "areas", message: `Size must be between 0 and ${LINE_LIMITS.richMenuAreas}` });
  }
  areas.forEach((area: unknown, i) => {
    const b = isRecord(area) && isRecord(area.bounds) ? area.bounds : {};
    const [x, y, w, h] = [b.x, b.y, b.width, b.height].map(Number) as [number, number, number, number];
    if (!(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= width && y + h <= height)) {
      issues.push({ property: `areas[${i}].bounds`, message: "The area must lie inside the rich menu" });
    }
  });
  return issues;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A bubble and a carousel (and each of its bubbles) within LINE's sizes, as JSON in UTF-8. */
export function flexSizeIssues(body: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const messages = isRecord(body) && Array.isArray(body.messages) ? body.messages : [];
  messages.forEach((message: unknown, i) => {
    if (!isRecord(message) || message.type !== "flex" || !isRecord(message.contents)) return;
    const contents = message.contents;
    const path = `messages[${i}].contents`;
    const bytes = jsonBytes(contents);
    if (contents.type === "bubble" && bytes > LINE_LIMITS.bubbleBytes) {
      issues.push({
        property: path,
        message: `A bubble must be at most ${kb(LINE_LIMITS.bubbleBytes)} as JSON (is ${bytes} bytes)`,
      });
    }
    if (contents.type === "carousel") {
      if (bytes > LINE_LIMITS.carouselBytes) {
        issues.push({
          property: path,
          message: `A carousel must be at most ${kb(LINE_LIMITS.carouselBytes)} as JSON (is ${bytes} bytes)`,
        });
      }
      const bubbles = Array.isArray(contents.contents) ? contents.contents : [];
      bubbles.forEach((bubble: unknown, j) => {
        const size = jsonBytes(bubble);
        if (size > LINE_LIMITS.bubbleBytes) {
          issues.push({
            property: `${path}.contents[${j}]`,
            message: `A bubble must be at most ${kb(LINE_LIMITS.bubbleBytes)} as JSON (is ${size} bytes)`,
          });
        }
      });
    }
  });
  return issues;
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
