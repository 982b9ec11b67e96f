import { describe, expect, it } from "vitest";
import { createLineMessagingValidator } from "../../../../bot/dev/openapi/line-messaging.ts";
import {
  DEFAULT_MESSAGING_API_SPEC,
  loadOpenApiDocument,
} from "../../../../bot/dev/openapi/openapi-to-json-schema.ts";

describe("LINE's messaging-api.yml", () => {
  const validator = createLineMessagingValidator();
  const push = (...messages: unknown[]) => validator.validate("PushMessageRequest", { to: "U1", messages });
  const bubble = (...contents: unknown[]) => ({
    type: "flex",
    altText: "card",
    contents: { type: "bubble", body: { type: "box", layout: "vertical", contents } },
  });
  const scoreCard = {
    type: "flex",
    altText: "ผลคะแนน ITA: 87.50",
    contents: {
      type: "bubble",
      header: {
        type: "box",
        layout: "vertical",
        backgroundColor: "#1DB446",
        paddingAll: "20px",
        contents: [{ type: "text", text: "เทศบาลตำบลศรีสองรัก", color: "#FFFFFF", weight: "bold", size: "lg" }],
      },
      hero: {
        type: "image",
        url: "https://example.com/chart.png",
        size: "full",
        aspectRatio: "20:13",
        aspectMode: "cover",
      },
      body: {
        type: "box",
        layout: "vertical",
        spacing: "md",
        contents: [
          {
            type: "box",
            layout: "baseline",
            contents: [
              { type: "icon", url: "https://example.com/star.png", size: "sm" },
              { type: "text", text: "87.50", size: "32px", flex: 0, margin: "4px" },
            ],
          },
          { type: "separator", margin: "lg", color: "#EEEEEE" },
          {
            type: "box",
            layout: "horizontal",
            contents: [
              { type: "text", text: "IIT", size: "sm", color: "#555555" },
              { type: "filler" },
              { type: "text", text: "90.12", size: "sm", align: "end" },
            ],
          },
          {
            type: "text",
            contents: [
              { type: "span", text: "ระดับ " },
              { type: "span", text: "A", weight: "bold" },
            ],
          },
        ],
      },
      footer: {
        type: "box",
        layout: "vertical",
        contents: [
          {
            type: "button",
            style: "link",
            action: { type: "postback", label: "รายละเอียด", data: "score=2568" },
          },
        ],
      },
    },
    quickReply: {
      items: [{ type: "action", action: { type: "message", label: "ปีก่อน", text: "คะแนน 2567" } }],
    },
  };

  it("loads the spec vendored in the repository", () => {
    expect(DEFAULT_MESSAGING_API_SPEC.pathname).toMatch(/\/bot\/dev\/openapi\/spec\/messaging-api\.yml$/);
    const schemas = loadOpenApiDocument().components?.schemas ?? {};
    expect(Object.keys(schemas)).toContain("FlexComponent");
    expect(() => loadOpenApiDocument("/nonexistent.yml")).toThrow(/Cannot read the OpenAPI spec/);
  });

  it("transforms every discriminated family of the spec", () => {
    const defs = validator.document.$defs;
    for (const parent of [
      "Message",
      "FlexContainer",
      "FlexComponent",
      "Action",
      "Template",
      "ImagemapAction",
    ]) {
      expect(defs[`${parent}.base`], parent).toBeDefined();
      expect(
        defs[parent]?.allOf?.every((part) => part.if && part.then),
        parent,
      ).toBe(true);
    }
    expect(JSON.stringify(defs)).not.toContain('"discriminator"');
  });

  it("accepts a real-looking score card", () => {
    expect(push(scoreCard)).toEqual([]);
  });

  it("refuses an unknown message type and an unknown component type", () => {
    expect(push({ type: "poll", text: "x" })).toEqual([
      {
        property: "messages[0].type",
        message: expect.stringMatching(/^Must be one of the following values: \[text, textV2, sticker/),
      },
    ]);
    expect(push(bubble({ type: "chart" }))).toEqual([
      {
        property: "messages[0].contents.body.contents[0].type",
        message:
          "Must be one of the following values: [box, button, image, video, icon, text, span, separator, filler]",
      },
    ]);
  });

  it("refuses a text component without text, unless it is made of spans", () => {
    expect(push(bubble({ type: "text", size: "sm" }))).toEqual([
      { property: "messages[0].contents.body.contents[0].text", message: "must be specified" },
    ]);
    expect(push(bubble({ type: "text", contents: [{ type: "span", text: "a" }] }))).toEqual([]);
    expect(push(bubble({ type: "text", contents: [{ type: "span" }] }))).toEqual([
      { property: "messages[0].contents.body.contents[0].contents[0].text", message: "must be specified" },
    ]);
  });

  it("refuses size: huge but takes keywords and pixels", () => {
    expect(push(bubble({ type: "text", text: "a", size: "huge" }))).toEqual([
      {
        property: "messages[0].contents.body.contents[0].size",
        message: "Must be a FlexTextFontSize keyword or a value in pixels (e.g. 12px)",
      },
    ]);
    expect(
      push(bubble({ type: "text", text: "a", size: "5xl" }, { type: "text", text: "b", size: "18px" })),
    ).toEqual([]);
    expect(push(bubble({ type: "image", url: "https://example.com/a.png", size: "huge" }))[0]?.property).toBe(
      "messages[0].contents.body.contents[0].size",
    );
  });

  it("refuses a button without action, and an action without what its type needs", () => {
    expect(push(bubble({ type: "button", style: "primary" }))).toEqual([
      { property: "messages[0].contents.body.contents[0].action", message: "must be specified" },
    ]);
    expect(push(bubble({ type: "button", action: { type: "uri", label: "go" } }))).toEqual([
      { property: "messages[0].contents.body.contents[0].action.uri", message: "must be specified" },
    ]);
    expect(push(bubble({ type: "button", action: { type: "teleport", label: "go" } }))[0]?.property).toBe(
      "messages[0].contents.body.contents[0].action.type",
    );
  });

  it("checks enums, required fields and types from the spec", () => {
    expect(push(bubble({ type: "box", layout: "diagonal", contents: [] }))).toEqual([
      {
        property: "messages[0].contents.body.contents[0].layout",
        message: "Must be one of the following values: [horizontal, vertical, baseline]",
      },
    ]);
    expect(push(bubble({ type: "box", layout: "vertical" }))).toEqual([
      { property: "messages[0].contents.body.contents[0].contents", message: "must be specified" },
    ]);
    expect(push(bubble({ type: "text", text: "a", wrap: "yes" }))).toEqual([
      { property: "messages[0].contents.body.contents[0].wrap", message: "Must be a boolean" },
    ]);
    expect(validator.validate("PushMessageRequest", { messages: [] })).toEqual([
      { property: "to", message: "must be specified" },
      { property: "messages", message: "Size must be between 1 and 5" },
    ]);
  });

  it("enforces LINE's documented limits the spec leaves out", () => {
    expect(push({ type: "text", text: "ก".repeat(5001) })).toEqual([
      { property: "messages[0].text", message: "Length must be between 1 and 5000" },
    ]);
    expect(push({ type: "text", text: "" })).toEqual([
      { property: "messages[0].text", message: "Length must be between 1 and 5000" },
    ]);
    expect(push({ ...bubble({ type: "filler" }), altText: "x".repeat(1501) })).toEqual([
      { property: "messages[0].altText", message: "Length must be between 1 and 1500" },
    ]);
    const card = scoreCard.contents;
    expect(
      push({ type: "flex", altText: "many", contents: { type: "carousel", contents: Array(13).fill(card) } }),
    ).toEqual([{ property: "messages[0].contents.contents", message: "Size must be between 1 and 12" }]);
    expect(
      push({ type: "flex", altText: "x", contents: { ...card, hero: { type: "text", text: "no" } } }),
    ).toEqual([
      { property: "messages[0].contents.hero.type", message: "The hero block must be a box, image or video" },
    ]);
    expect(push(bubble({ type: "span", text: "loose" }))[0]).toEqual({
      property: "messages[0].contents.body.contents[0].type",
      message: "A span can only be in a text's contents",
    });
    expect(
      push({
        type: "image",
        originalContentUrl: "http://example.com/a.jpg",
        previewImageUrl: "https://e.com/p.jpg",
      }),
    ).toEqual([
      {
        property: "messages[0].originalContentUrl",
        message: "Must be an https URL of at most 2000 characters",
      },
    ]);
    expect(push(bubble({ type: "text", text: "a", color: "red" }))[0]?.property).toBe(
      "messages[0].contents.body.contents[0].color",
    );
  });

  it("checks quick replies: at most 13, each with a labelled action", () => {
    const item = (i: number) => ({
      type: "action",
      action: { type: "message", label: `L${i}`, text: `${i}` },
    });
    expect(
      push({ type: "text", text: "x", quickReply: { items: Array.from({ length: 13 }, (_, i) => item(i)) } }),
    ).toEqual([]);
    expect(
      push({ type: "text", text: "x", quickReply: { items: Array.from({ length: 14 }, (_, i) => item(i)) } }),
    ).toEqual([{ property: "messages[0].quickReply.items", message: "Size must be between 0 and 13" }]);
    expect(
      push({
        type: "text",
        text: "x",
        quickReply: { items: [{ type: "action", action: { type: "message", text: "x" } }] },
      }),
    ).toEqual([{ property: "messages[0].quickReply.items[0].action.label", message: "must be specified" }]);
  });

  it("pins a carousel's bubbles to type bubble", () => {
    expect(
      push({
        type: "flex",
        altText: "x",
        contents: { type: "carousel", contents: [{ type: "carousel", contents: [] }] },
      }),
    ).toEqual([
      {
        property: "messages[0].contents.contents[0].type",
        message: "Must be one of the following values: [bubble]",
      },
    ]);
  });

  it("validates the other request bodies the fake platform takes", () => {
    expect(
      validator.validate("MulticastRequest", {
        to: Array(501).fill("U1"),
        messages: [{ type: "text", text: "x" }],
      }),
    ).toEqual([{ property: "to", message: "Size must be between 1 and 500" }]);
    expect(
      validator.validate("ReplyMessageRequest", {
        replyToken: "t",
        messages: [{ type: "sticker", packageId: "1" }],
      }),
    ).toEqual([{ property: "messages[0].stickerId", message: "must be specified" }]);
    expect(validator.validate("ShowLoadingAnimationRequest", { chatId: "U1", loadingSeconds: 65 })).toEqual([
      { property: "loadingSeconds", message: "Must be less than or equal to 60" },
    ]);
  });
});
