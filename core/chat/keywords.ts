// Keyword tables the intent rules test a normalised message against (see normalise.ts for its form).

/** A Thai substring, or a pattern (Latin words need boundaries: "ita" is not in "capital"). */
export type Keyword = string | RegExp;

/** A Latin word that is not part of a longer Latin word; Thai letters and digits around it are fine. */
export function latin(...words: string[]): RegExp {
  return new RegExp(`(?<![a-z])(?:${words.join("|")})(?![a-z])`);
}

/** Where the first of the keywords occurs in the text, or -1. */
export function firstIndex(text: string, keys: readonly Keyword[]): number {
  let first = -1;
  for (const key of keys) {
    const at = typeof key === "string" ? text.indexOf(key) : text.search(key);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

export function hasAny(text: string, keys: readonly Keyword[]): boolean {
  return firstIndex(text, keys) >= 0;
}

/** Whole messages (fillers and punctuation aside) asking what the bot can do. */
export const HELP_WORDS: ReadonlySet<string> = new Set([
  "ช่วยเหลือ",
  "ช่วยด้วย",
  "วิธีใช้",
  "วิธีใช้งาน",
  "วิธีการใช้งาน",
  "ใช้ยังไง",
  "ใช้งานยังไง",
  "ใช้อย่างไร",
  "คู่มือ",
  "คำสั่ง",
  "เมนู",
  "ทำอะไรได้บ้าง",
  "ทำอะไรได้",
  "ถามอะไรได้บ้าง",
  "help",
  "help me",
  "menu",
  "?",
]);

export const COMPARE: readonly Keyword[] = [
  "เทียบ",
  "ต่างกัน",
  "แตกต่าง",
  "เพิ่มขึ้น",
  "มากขึ้น",
  "ดีขึ้น",
  "ลดลง",
  "น้อยลง",
  "แย่ลง",
  "คะแนนตก",
  "ขึ้นหรือลง",
  "เปลี่ยนแปลง",
  "พัฒนาการ",
  "พัฒนาขึ้น",
  latin("compare", "comparison", "versus"),
  /** "66 vs 67", "2566vs2567", "ปีนี้vsปีที่แล้ว": next to a number or a year, not any two letters. */
  /(?:(?<=[\d ])vs|(?<![a-z])vs(?=\.? ?(?:\d|ปี)))(?![a-z])/,
];

export const RANK: readonly Keyword[] = [
  "อันดับ",
  "ลำดับ",
  /ได้ที่(?!ไหน|นี่)/,
  /(?<!ชี้วัด|ข้อ)ที่เท่า(?:ไร|ไหร่|ใด)/,
  latin("rank", "ranking", "ranked"),
];

export const STRENGTHS: readonly Keyword[] = [
  "จุดแข็ง",
  "จุดเด่น",
  "ข้อเด่น",
  "ด้านที่ดี",
  "ทำได้ดี",
  "สูงสุด",
  "สูงที่สุด",
  "ดีที่สุด",
  "ไหนดี",
  /ไหน.{0,12}สูง/,
  latin("strengths?", "strong", "best"),
];

export const WEAKNESSES: readonly Keyword[] = [
  "จุดอ่อน",
  "จุดด้อย",
  "ข้อด้อย",
  "ต้องปรับปรุง",
  "ควรปรับปรุง",
  "ควรพัฒนา",
  "ต้องพัฒนา",
  "ควรแก้ไข",
  "ต้องแก้ไข",
  "ต่ำสุด",
  "ต่ำที่สุด",
  "น้อยที่สุด",
  "แย่ที่สุด",
  /ไหน.{0,12}(?:ต่ำ|น้อย)/,
  "ต่ำกว่าเกณฑ์",
  "ไม่ผ่านเกณฑ์",
  latin("weak", "weakness", "weaknesses", "worst", "improve"),
];

export const OVERALL: readonly Keyword[] = [
  "คะแนน",
  "ผลการประเมิน",
  "ประเมิน",
  "สรุปผล",
  "ภาพรวม",
  "เท่าไร",
  "เท่าไหร่",
  "ระดับ",
  "ผ่านไหม",
  "ผ่านมั้ย",
  "ผ่านหรือ",
  "ผ่านเกณฑ์",
  "ผ่านดี",
  "ตัวชี้วัด",
  "โปร่งใส",
  // "ผลล่าสุด": the latest year with results, which is what no year means anyway.
  "ล่าสุด",
  latin("ita", "itas", "scores?", "results?", "overall", "summary", "latest"),
];

/** What is left of a message that asks for the overall result when it also gives a year ("ขอผลปี67ครับ"). */
export const OVERALL_WORDS: ReadonlySet<string> = new Set(["", "ผล", "ผลลัพธ์", "ผลคะแนน"]);
