export { comparisonCard } from "./comparison-card.ts";
export { messageToHtml, quickRepliesOf } from "./html.ts";
export { indicatorCard } from "./indicator-card.ts";
export { itemCard } from "./item-card.ts";
export { checkMessage, checkReply } from "./limits.ts";
export { rankCard } from "./rank-card.ts";
export { scoreCard } from "./score-card.ts";
export { strengthsCard } from "./strengths-card.ts";
export { helpMessage, textAnswer } from "./text.ts";
