import { apiApp } from "../../../bot/api/index.ts";
import { createIdTokenVerifier } from "../../../bot/line/id-token.ts";
import { type Logger, memoryLogger } from "../../../bot/log.ts";
import { findAgencyByCode } from "../../../db/repositories/agencies.ts";
import { freshFrameworks } from "../../fixtures/frameworks.ts";
import { NOW, REPORT_LINKER, type World } from "../world.ts";

/** The LINE Login channel the test ID tokens are issued for. */
export const API_CHANNEL = "1650000001";

/** The LIFF API over a test world, verifying ID tokens signed by its fake LINE platform. */
export function apiFor(w: World, options: { log?: Logger } = {}) {
  return apiApp({
    db: () => w.db,
    frameworks: freshFrameworks(),
    log: options.log ?? memoryLogger(),
    now: () => NOW,
    reports: REPORT_LINKER,
    verifyIdToken: createIdTokenVerifier({
      channelId: API_CHANNEL,
      jwksUrl: `${w.fake.url}/oauth2/v2.1/certs`,
    }),
  });
}

/** Ids of the demo agencies: ศรีสองรัก (admin สมชาย), บ้านแลง (viewer สมหญิง), the generated one (editor วิไล). */
export async function demoAgencyIds(w: World): Promise<{ sri: number; laeng: number; demo: number }> {
  const id = async (code: string) => (await findAgencyByCode(w.db, code))!.id;
  return { sri: await id("SEED000"), laeng: await id("SEED001"), demo: await id("DEMO00001") };
}

/**
 * Calls the API as `userId` with a fresh test ID token (named `name` when given), a JSON body
 * when one is passed; gives back the status and the parsed answer.
 */
export function apiCaller<T = Record<string, unknown>>(
  w: World,
  api: ReturnType<typeof apiFor>,
  options: { name?: string } = {},
) {
  return async (userId: string, method: string, path: string, body?: unknown) => {
    const token = await w.fake.issueIdToken(userId, {
      channelId: API_CHANNEL,
      ...(options.name ? { name: options.name } : {}),
    });
    const res = await api.request(path, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as T };
  };
}
