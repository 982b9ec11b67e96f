/**
 * The LIFF app's index.html with the server's settings written into it, so one build serves any
 * LINE channel: the LIFF ID comes from the server's LIFF_ID at request time, not from the build.
 * A <meta> tag rather than a config request keeps the phone's start-up at one round trip less.
 */
export interface LiffPageSettings {
  liffId?: string | undefined;
}

const MARKER = "</head>";

export function withLiffSettings(html: string, settings: LiffPageSettings): string {
  if (!settings.liffId || !html.includes(MARKER)) return html;
  const tag = `<meta name="liff-id" content="${escapeAttribute(settings.liffId)}" />`;
  return html.replace(MARKER, `    ${tag}\n  ${MARKER}`);
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
