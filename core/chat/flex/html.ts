// An approximate HTML picture of LINE messages for the local chat console. Every text is escaped, and
// only values that look like colours, lengths or https URLs reach an attribute.
import type { messagingApi } from "@line/bot-sdk";

type Layout = messagingApi.FlexBox.LayoutEnum;
type Style = Record<string, string | undefined>;

const FONT_PX: Record<string, number> = {
  xxs: 11,
  xs: 13,
  sm: 14,
  md: 16,
  lg: 19,
  xl: 22,
  xxl: 29,
  "3xl": 35,
  "4xl": 48,
  "5xl": 74,
};
const SPACE_PX: Record<string, number> = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
const BUBBLE_PX: Record<string, number> = {
  nano: 120,
  micro: 160,
  deca: 220,
  hecto: 241,
  kilo: 260,
  mega: 300,
  giga: 386,
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The message as HTML; unknown message types show as a labelled placeholder. */
export function messageToHtml(m: messagingApi.Message): string {
  if (m.type === "flex") {
    return `<div data-type="flex" title="${escapeHtml(m.altText)}">${container(m.contents)}</div>`;
  }
  if (m.type === "text" || m.type === "textV2") {
    const style = css({
      display: "inline-block",
      "max-width": "300px",
      padding: "8px 12px",
      "border-radius": "16px",
      background: "#FFFFFF",
      color: "#111111",
      "white-space": "pre-wrap",
      "overflow-wrap": "anywhere",
    });
    return `<div data-type="text" style="${style}">${escapeHtml(m.text)}</div>`;
  }
  return `<div data-type="${escapeHtml(m.type)}" style="color:#757575">[${escapeHtml(m.type)}]</div>`;
}

/** The quick reply buttons that send a text: what the console shows under the last answer. */
export function quickRepliesOf(m: messagingApi.Message): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  for (const item of m.quickReply?.items ?? []) {
    const a = item.action;
    if (a?.type === "message" && a.text) out.push({ label: a.label ?? a.text, text: a.text });
  }
  return out;
}

function container(c: messagingApi.FlexContainer): string {
  if (c.type === "carousel") {
    const style = css({ display: "flex", gap: "8px", "overflow-x": "auto", "align-items": "flex-start" });
    return `<div data-flex="carousel" style="${style}">${c.contents.map(bubble).join("")}</div>`;
  }
  return bubble(c);
}

function bubble(b: messagingApi.FlexBubble): string {
  const width = BUBBLE_PX[b.size ?? "mega"] ?? 300;
  const style = css({
    width: `${width}px`,
    "max-width": "100%",
    flex: "none",
    background: "#FFFFFF",
    color: "#111111",
    "border-radius": "12px",
    overflow: "hidden",
    "box-shadow": "0 1px 3px rgba(0,0,0,.2)",
    direction: b.direction === "rtl" ? "rtl" : undefined,
  });
  const sections: [string, messagingApi.FlexComponent | undefined][] = [
    ["header", b.header],
    ["hero", b.hero],
    ["body", b.body],
    ["footer", b.footer],
  ];
  const inner = sections
    .filter((s): s is [string, messagingApi.FlexComponent] => s[1] !== undefined)
    .map(([name, c]) => {
      const bg = color(b.styles?.[name as "header"]?.backgroundColor);
      const padding = name === "hero" ? "0" : "16px";
      const body = component(c, "vertical");
      return `<div data-section="${name}" style="${css({ padding, background: bg })}">${body}</div>`;
    })
    .join("");
  return `<div data-flex="bubble" style="${style}">${inner}</div>`;
}

function component(c: messagingApi.FlexComponent, parent: Layout): string {
  switch (c.type) {
    case "box":
      return box(c, parent);
    case "text":
      return textHtml(c, parent);
    case "separator":
      return separator(c, parent);
    case "filler":
      return `<div style="${css({ flex: `${c.flex ?? 1} 1 0` })}"></div>`;
    case "button":
      return button(c, parent);
    case "image":
    case "icon": {
      const src = httpsUrl(c.url);
      if (!src) return "";
      const width = c.type === "icon" ? "1em" : "100%";
      return `<img src="${escapeHtml(src)}" alt="" style="${css({ width, ...common(c, parent) })}">`;
    }
    case "span":
      return `<span>${escapeHtml(c.text ?? "")}</span>`;
    default:
      return `<div style="color:#757575">[${escapeHtml(c.type)}]</div>`;
  }
}

function box(b: messagingApi.FlexBox, parent: Layout): string {
  const style = css({
    display: "flex",
    "flex-direction": b.layout === "vertical" ? "column" : "row",
    "align-items": b.layout === "baseline" ? "baseline" : b.alignItems,
    "justify-content": b.justifyContent,
    gap: length(b.spacing),
    "min-width": "0",
    ...common(b, parent),
    width: length(b.width),
    "max-width": length(b.maxWidth),
    height: length(b.height),
    "max-height": length(b.maxHeight),
    background: color(b.backgroundColor),
    border: b.borderColor
      ? `${length(b.borderWidth) ?? "1px"} solid ${color(b.borderColor) ?? "#000"}`
      : undefined,
    "border-radius": length(b.cornerRadius),
    padding: length(b.paddingAll),
    "padding-top": length(b.paddingTop),
    "padding-bottom": length(b.paddingBottom),
    "padding-left": length(b.paddingStart),
    "padding-right": length(b.paddingEnd),
    overflow: b.cornerRadius ? "hidden" : undefined,
  });
  return `<div style="${style}">${b.contents.map((c) => component(c, b.layout)).join("")}</div>`;
}

function textHtml(t: messagingApi.FlexText, parent: Layout): string {
  const wrap = t.wrap === true;
  const style = css({
    ...common(t, parent),
    "font-size": fontSize(t.size),
    "font-weight": t.weight === "bold" ? "bold" : undefined,
    "font-style": t.style === "italic" ? "italic" : undefined,
    "text-decoration": t.decoration && t.decoration !== "none" ? t.decoration : undefined,
    color: color(t.color),
    "text-align": t.align === "end" ? "right" : t.align === "center" ? "center" : undefined,
    "white-space": wrap ? "pre-wrap" : "nowrap",
    overflow: wrap ? undefined : "hidden",
    "text-overflow": wrap ? undefined : "ellipsis",
    "overflow-wrap": wrap ? "anywhere" : undefined,
    "min-width": "0",
  });
  const inner = t.contents?.length ? t.contents.map(span).join("") : escapeHtml(t.text ?? "");
  return `<div style="${style}">${inner}</div>`;
}

function span(s: messagingApi.FlexSpan): string {
  const style = css({
    "font-size": fontSize(s.size),
    "font-weight": s.weight === "bold" ? "bold" : undefined,
    "font-style": s.style === "italic" ? "italic" : undefined,
    "text-decoration": s.decoration && s.decoration !== "none" ? s.decoration : undefined,
    color: color(s.color),
  });
  return `<span style="${style}">${escapeHtml(s.text ?? "")}</span>`;
}

function separator(s: messagingApi.FlexSeparator, parent: Layout): string {
  const line = `1px solid ${color(s.color) ?? "#E0E0E0"}`;
  const style =
    parent === "vertical"
      ? css({ "border-top": line, "margin-top": length(s.margin), "align-self": "stretch" })
      : css({ "border-left": line, "margin-left": length(s.margin), "align-self": "stretch" });
  return `<div style="${style}"></div>`;
}

function button(b: messagingApi.FlexButton, parent: Layout): string {
  const a = b.action;
  const label = a?.label ?? "";
  const sent = a?.type === "message" ? a.text : undefined;
  const primary = b.style === "primary";
  const style = css({
    ...common(b, parent),
    padding: b.height === "sm" ? "6px" : "10px",
    border: "none",
    "border-radius": "6px",
    background: primary ? (color(b.color) ?? "#17C950") : b.style === "secondary" ? "#DCDFE5" : "transparent",
    color: primary ? "#FFFFFF" : b.style === "secondary" ? "#111111" : (color(b.color) ?? "#42659A"),
    "font-size": "16px",
  });
  // A link button opens its address, as LINE's in-app browser would (report downloads).
  if (a?.type === "uri" && /^https?:\/\//.test(a.uri ?? "")) {
    const linkStyle = `${style};display:block;text-align:center;text-decoration:none`;
    return `<a href="${escapeHtml(a.uri!)}" target="_blank" rel="noopener" style="${linkStyle}">${escapeHtml(label)}</a>`;
  }
  const data = sent !== undefined ? ` data-text="${escapeHtml(sent)}"` : "";
  return `<button type="button"${data} style="${style}">${escapeHtml(label)}</button>`;
}

/** flex, margin and position, which depend on the parent box. */
function common(
  c: {
    flex?: number;
    margin?: string;
    position?: string;
    offsetTop?: string;
    offsetBottom?: string;
    offsetStart?: string;
    offsetEnd?: string;
  },
  parent: Layout,
): Style {
  const across = parent !== "vertical";
  const flex = c.flex ?? (across ? 1 : 0);
  return {
    flex: flex > 0 ? `${flex} 1 ${across ? "0" : "auto"}` : "0 0 auto",
    [across ? "margin-left" : "margin-top"]: length(c.margin),
    position: c.position === "absolute" ? "absolute" : undefined,
    top: length(c.offsetTop),
    bottom: length(c.offsetBottom),
    left: length(c.offsetStart),
    right: length(c.offsetEnd),
  };
}

function css(style: Style): string {
  return escapeHtml(
    Object.entries(style)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}:${v}`)
      .join(";"),
  );
}

function color(c: string | undefined): string | undefined {
  return c && /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(c) ? c : undefined;
}

function length(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (/^\d+(?:\.\d+)?(?:px|%)$/.test(v)) return v;
  const px = SPACE_PX[v];
  return px === undefined ? undefined : `${px}px`;
}

function fontSize(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (/^\d+(?:\.\d+)?px$/.test(v)) return v;
  const px = FONT_PX[v];
  return px === undefined ? undefined : `${px}px`;
}

function httpsUrl(u: string | undefined): string | undefined {
  return u && /^https:\/\/[^\s"'<>\\]+$/.test(u) ? u : undefined;
}
