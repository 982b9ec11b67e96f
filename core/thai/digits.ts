const THAI_ZERO = 0x0e50;

/** "๙๘.๕" -> "98.5"; other characters are kept. */
export function toArabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

/** "97.15" -> "๙๗.๑๕". */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}
