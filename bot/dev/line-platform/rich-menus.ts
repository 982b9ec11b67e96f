/** Rich menus: create one, upload its image (api-data.line.me at LINE; served here too), set it as the default. */
import { randomBytes, randomUUID } from "node:crypto";
import type { messagingApi } from "@line/bot-sdk";
import type { Context, Hono } from "hono";
import { LINE_LIMITS } from "../../../core/line/limits.ts";
import { pngSize, richMenuIssues } from "./checks.ts";
import { error, invalid, type Outcome } from "./outcomes.ts";
import { type PlatformState, recordRequest } from "./state.ts";

export function richMenuRoutes(app: Hono, state: PlatformState): void {
  const guarded = (handle: (c: Context) => Promise<Outcome> | Outcome) => async (c: Context) => {
    const authorization = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(authorization);
    const outcome =
      match?.[1] === state.options.channelAccessToken
        ? await handle(c)
        : error(
            401,
            "Authentication failed. Confirm that the access token in the authorization header is valid.",
          );
    const url = new URL(c.req.url);
    recordRequest(state, {
      requestId: randomUUID(),
      method: c.req.method,
      path: url.pathname,
      query: url.search.replace(/^\?/, ""),
      headers: Object.fromEntries([...c.req.raw.headers].map(([k, v]) => [k.toLowerCase(), v])),
      body: undefined,
      rawBody: "",
      status: outcome.status,
      response: outcome.body,
      time: state.now(),
    });
    return c.json(outcome.body as object, outcome.status as 200);
  };
  app.post(
    "/v2/bot/richmenu",
    guarded(async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return error(400, "The request body could not be parsed as JSON");
      }
      const issues = [...state.validator.validate("RichMenuRequest", body), ...richMenuIssues(body)];
      if (issues.length > 0) return invalid(issues);
      const richMenuId = `richmenu-${randomBytes(16).toString("hex")}`;
      state.richMenus.set(richMenuId, { richMenuId, menu: body as messagingApi.RichMenuRequest });
      return { status: 200, body: { richMenuId } };
    }),
  );
  app.post(
    "/v2/bot/richmenu/:richMenuId/content",
    guarded(async (c) => {
      const menu = state.richMenus.get(c.req.param("richMenuId") ?? "");
      if (!menu) return error(404, "Not found");
      if (menu.image) return error(400, "An image has already been uploaded to the richmenu");
      const contentType = c.req.header("content-type") ?? "";
      if (!/^image\/(png|jpeg)$/.test(contentType)) return error(415, "The content type is not supported");
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length > LINE_LIMITS.richMenuImageBytes) return error(413, "Request Entity Too Large");
      const size = contentType === "image/png" ? pngSize(bytes) : undefined;
      if (contentType === "image/png" && !size) return error(400, "The image is not a PNG");
      const want = menu.menu.size;
      if (size && want && (size.width !== want.width || size.height !== want.height)) {
        return error(400, `The image size must be ${want.width}x${want.height}`);
      }
      menu.image = { contentType, bytes: bytes.length, ...size };
      return { status: 200, body: {} };
    }),
  );
  app.post(
    "/v2/bot/user/all/richmenu/:richMenuId",
    guarded((c) => {
      const menu = state.richMenus.get(c.req.param("richMenuId") ?? "");
      if (!menu) return error(404, "Not found");
      if (!menu.image) return error(400, "must upload richmenu image before applying it to user");
      state.defaultRichMenuId = menu.richMenuId;
      return { status: 200, body: {} };
    }),
  );
  app.get(
    "/v2/bot/user/all/richmenu",
    guarded(() =>
      state.defaultRichMenuId
        ? { status: 200, body: { richMenuId: state.defaultRichMenuId } }
        : error(404, "no default richmenu"),
    ),
  );
  app.delete(
    "/v2/bot/richmenu/:richMenuId",
    guarded((c) => {
      const id = c.req.param("richMenuId") ?? "";
      if (!state.richMenus.delete(id)) return error(404, "Not found");
      if (state.defaultRichMenuId === id) state.defaultRichMenuId = undefined;
      return { status: 200, body: {} };
    }),
  );
}
