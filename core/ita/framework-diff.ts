// What changed between two versions of a year's framework, as short lines for the history and
// the audit log: "items[O25].titleTh: 'x' → 'y'", "+ items[O27]", "- indicators[10]".
import type { FrameworkDocument } from "./framework.ts";

/** Lists of these keys are matched by an identifying field, not by position. */
const IDS: Record<string, string> = {
  tools: "code",
  parts: "code",
  indicators: "no",
  subIndicators: "code",
  items: "code",
  levels: "code",
};

const MAX_LINES = 200;

export function frameworkChanges(before: FrameworkDocument | undefined, after: FrameworkDocument): string[] {
  if (!before) return [`+ year ${after.year}`];
  const out: string[] = [];
  diff(before, after, "", undefined, out);
  if (out.length > MAX_LINES) return [...out.slice(0, MAX_LINES), `… ${out.length - MAX_LINES} more`];
  return out;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function diff(a: unknown, b: unknown, path: string, listKey: string | undefined, out: string[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const id = listKey ? IDS[listKey] : undefined;
    const keyed = id && [...a, ...b].every((e) => e && typeof e === "object" && id in e);
    if (keyed) {
      const key = (e: Record<string, unknown>) => String(e[id]);
      const before = new Map(a.map((e) => [key(e), e]));
      const after = new Map(b.map((e) => [key(e), e]));
      for (const k of before.keys()) if (!after.has(k)) out.push(`- ${path}[${k}]`);
      for (const [k, e] of after) {
        const old = before.get(k);
        if (old === undefined) out.push(`+ ${path}[${k}]`);
        else diff(old, e, `${path}[${k}]`, undefined, out);
      }
      const order = (m: Map<string, unknown>, other: Map<string, unknown>) =>
        [...m.keys()].filter((k) => other.has(k)).join(",");
      if (order(before, after) !== order(after, before)) out.push(`~ ${path}: order`);
      return;
    }
    out.push(`${path}: ${show(a)} → ${show(b)}`);
    return;
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const va = (a as Record<string, unknown>)[k];
      const vb = (b as Record<string, unknown>)[k];
      diff(va, vb, path ? `${path}.${k}` : k, k, out);
    }
    return;
  }
  out.push(`${path}: ${show(a)} → ${show(b)}`);
}
