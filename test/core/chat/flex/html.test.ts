import type { messagingApi } from "@line/bot-sdk";
import { describe, expect, it } from "vitest";
import { comparisonCard } from "../../../../core/chat/flex/comparison-card.ts";
import { messageToHtml, quickRepliesOf } from "../../../../core/chat/flex/html.ts";
import { scoreCard } from "../../../../core/chat/flex/score-card.ts";
import { helpMessage, textAnswer } from "../../../../core/chat/flex/text.ts";
import { sriSongRak2566to2567, sriSongRak2567 } from "./views.ts";

const XSS = `<script>alert("x")</script>`;

const flexWith = (component: messagingApi.FlexComponent): messagingApi.FlexMessage => ({
  type: "flex",
  altText: XSS,
  contents: { type: "bubble", body: { type: "box", layout: "vertical", contents: [component] } },
});

describe("messageToHtml", () => {
  it("renders the seed 000 score card", () => {
    expect(messageToHtml(scoreCard(sriSongRak2567()))).toMatchSnapshot();
  });

  it("shows the total, the agency and the level chip in its colour", () => {
    const html = messageToHtml(scoreCard(sriSongRak2567()));
    expect(html).toContain(">97.15</div>");
    expect(html).toContain(">เทศบาลตำบลศรีสองรัก</div>");
    expect(html).toContain("background:#2E7D32");
    expect(html).toContain("font-size:35px");
  });

  it("draws bars as boxes as wide as their percent", () => {
    const html = messageToHtml(scoreCard(sriSongRak2567()));
    expect(html).toContain("width:67%;height:6px;background:#C62828");
    expect(html).toContain("width:93%;height:6px;background:#1565C0");
  });

  it("lays out horizontal boxes as rows with flex weights, vertical ones as columns", () => {
    const html = messageToHtml(comparisonCard(sriSongRak2566to2567()));
    expect(html).toContain("flex-direction:row");
    expect(html).toContain("flex-direction:column");
    expect(html).toContain("flex:4 1 0");
    expect(html).toContain(">▲ +8.87</div>");
  });

  it("escapes <script> in a text message and keeps its line breaks as text", () => {
    const html = messageToHtml(textAnswer(`${XSS}\nบรรทัดสอง`));
    expect(html).not.toContain("<script>");
    expect(html).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;\nบรรทัดสอง");
    expect(html).toContain("white-space:pre-wrap");
  });

  it("escapes every text of a Flex message: texts, spans, alt text, button labels and sent texts", () => {
    const html = [
      messageToHtml(flexWith({ type: "text", text: XSS })),
      messageToHtml(flexWith({ type: "text", contents: [{ type: "span", text: XSS }] })),
      messageToHtml(flexWith({ type: "button", action: { type: "message", label: XSS, text: XSS } })),
    ].join("");
    expect(html).not.toMatch(/<script|"x"|alert\("/);
  });

  it("drops styles and URLs that are not plain colours, lengths or https addresses", () => {
    const html = [
      messageToHtml(flexWith({ type: "text", text: "x", color: `red;background:url(javascript:alert(1))` })),
      messageToHtml(
        flexWith({ type: "box", layout: "vertical", contents: [], width: `1px" onmouseover="alert(1)` }),
      ),
      messageToHtml(flexWith({ type: "image", url: "javascript:alert(1)" })),
    ].join("");
    expect(html).not.toContain("javascript");
    expect(html).not.toContain("onmouseover");
    expect(messageToHtml(flexWith({ type: "image", url: "https://example.com/a.png" }))).toContain(
      `<img src="https://example.com/a.png"`,
    );
  });

  it("renders a link button as a link to its address, and never a javascript: one", () => {
    const link = (uri: string) =>
      messageToHtml(flexWith({ type: "button", action: { type: "uri", label: "ดาวน์โหลด PDF", uri } }));
    expect(link("http://localhost:3000/r/abc.def")).toContain(
      `<a href="http://localhost:3000/r/abc.def" target="_blank" rel="noopener"`,
    );
    expect(link("javascript:alert(1)")).not.toContain("javascript");
    expect(link(`https://x.test/"><script>`)).not.toContain("<script>");
  });

  it("renders a carousel as bubbles side by side", () => {
    const card = scoreCard(sriSongRak2567());
    const bubble = card.contents.type === "bubble" ? card.contents : undefined;
    if (!bubble) throw new Error("bubble expected");
    const html = messageToHtml({ ...card, contents: { type: "carousel", contents: [bubble, bubble] } });
    expect(html.match(/data-flex="bubble"/g)).toHaveLength(2);
    expect(html).toContain(`data-flex="carousel"`);
  });

  it("shows other message types as a placeholder", () => {
    expect(messageToHtml({ type: "sticker", packageId: "1", stickerId: "1" })).toContain("[sticker]");
  });
});

describe("quickRepliesOf", () => {
  it("gives each quick reply's label and the text it sends", () => {
    expect(quickRepliesOf(scoreCard(sriSongRak2567())).slice(0, 2)).toEqual([
      { label: "ตัวชี้วัดที่ 4", text: "ตัวชี้วัดที่ 4 ปี 2567" },
      { label: "จุดอ่อน", text: "จุดอ่อน ปี 2567" },
    ]);
    expect(quickRepliesOf(helpMessage()).map((q) => q.label)).toContain("เทียบ 2566 กับ 2567");
  });

  it("is empty for a message without quick replies", () => {
    expect(quickRepliesOf(textAnswer("ok"))).toEqual([]);
  });
});
