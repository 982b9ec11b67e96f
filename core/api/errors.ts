// The answers of /api that the server and the LIFF app both name: pure types, no code, so the app
// reads the server's contract without importing the server or the database.

/**
 * Every error answer has this shape: a Thai sentence for the person, and for a form the Thai
 * message of each field that needs fixing (named as the form names it).
 */
export interface ErrorBody {
  error: string;
  fields?: Record<string, string>;
  /** 401: why the sign-in was refused ("expired", …), so the app can open LINE's login again. */
  reason?: string;
  /** 429: seconds to wait. */
  retryAfter?: number;
}
