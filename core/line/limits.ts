/**
 * LINE's limits, defined once for everything that builds, sends, checks or fakes a LINE request: the message
 * builders (core/chat/flex), the reminder sender (bot/jobs), the webhook's checks (bot/webhook) and the fake LINE
 * platform (bot/dev). Figures are from LINE's Messaging API reference
 * (https://developers.line.biz/en/reference/messaging-api/); where LINE's OpenAPI file (bot/dev/openapi/spec)
 * states one too, the comment says so. A builder that keeps a margin below one derives it from here, visibly.
 */

/**
 * LINE writes sizes in KB without saying whether it means 1,000 or 1,024 bytes. The table takes 1,024 (the fake
 * platform refuses only what LINE surely would); the message builders keep to 1,000 (core/chat/flex/limits.ts).
 */
const KB = 1024;
const MB = 1024 * KB;

export const LINE_LIMITS = {
  /** A Messaging API request body ("Request body": max 2 MB); the fake platform answers 413 above it. */
  requestBodyBytes: 2 * MB,
  /** Messages in one reply, push or multicast ("messages: Max: 5"; the OpenAPI file's maxItems too). */
  messagesPerRequest: 5,
  /** Recipients of one multicast ("to: Max: 500 user IDs"; the OpenAPI file's maxItems too). */
  multicastRecipients: 500,
  /** A text message ("text: Max character limit: 5000"). */
  textChars: 5000,
  /**
   * The alternative text of a Flex, template or imagemap message, shown in notifications and the chat list
   * ("altText: Max character limit: 1500"; it was 400 before LINE raised it).
   */
  altTextChars: 1500,
  /** A Flex bubble as JSON ("Flex Message elements › Bubble": the maximum size is 30 KB). */
  bubbleBytes: 30 * KB,
  /** A Flex carousel as JSON ("Carousel": the maximum size is 50 KB). */
  carouselBytes: 50 * KB,
  /** Bubbles in a carousel ("contents: Max: 12 bubbles"). */
  carouselBubbles: 12,
  /** Quick reply buttons on a message ("items: Max: 13"; the OpenAPI file's maxItems too). */
  quickReplyItems: 13,
  /** A quick reply button's action label ("label: Max character limit: 20"). */
  quickReplyLabelChars: 20,
  /** A message action's text, and a postback action's displayText, text and fillInText ("Max: 300"). */
  actionTextChars: 300,
  /** A postback action's data, which comes back in the postback event ("data: Max: 300"; OpenAPI too). */
  postbackDataChars: 300,
  /** A URI action's uri ("uri: Max character limit: 1000"). */
  uriChars: 1000,
  /** Image, video and audio URLs, and Flex image, icon and video URLs ("Max character limit: 2000"). */
  mediaUrlChars: 2000,
  /** The loading animation runs 5 to 60 seconds in steps of 5 ("loadingSeconds"; the range is in OpenAPI). */
  loadingSecondsStep: 5,
  /** A reply token is usable once, within a minute of the webhook event ("Reply token"). */
  replyTokenTtlMs: 60_000,
  /** A push or multicast repeated with the same X-Line-Retry-Key within 24 hours is not sent again (409). */
  retryKeyWindowMs: 24 * 60 * 60 * 1000,
  /** Tappable areas of a rich menu ("areas: Max: 20"; the OpenAPI file's maxItems too). */
  richMenuAreas: 20,
  /** The rich menu's chat bar text ("chatBarText: Max character limit: 14"; OpenAPI too). */
  richMenuChatBarTextChars: 14,
  /** A rich menu image is 800 to 2500 px wide, at least 250 px high, width/height at least 1.45. */
  richMenuMinWidth: 800,
  richMenuMaxWidth: 2500,
  richMenuMinHeight: 250,
  richMenuMinAspectRatio: 1.45,
  /** A rich menu image file ("Max file size: 1 MB"). */
  richMenuImageBytes: 1 * MB,
} as const;
