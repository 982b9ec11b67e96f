/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The LIFF app's ID when the server does not write one into the page (LIFF_ID). */
  readonly VITE_LIFF_ID?: string;
  /** "1": run outside LINE with @line/liff-mock and a test ID token from /dev/liff-token. */
  readonly VITE_LIFF_MOCK?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
