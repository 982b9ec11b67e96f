import type { Kysely } from "kysely";
import type { FrameworkCatalog } from "../../core/ita/catalog.ts";
import type { ReadResults } from "../../db/import/read-results.ts";
import type { FrameworkSource } from "../../db/repositories/frameworks.ts";
import type { Membership } from "../../db/repositories/members.ts";
import type { Database } from "../../db/schema.ts";
import type { ReportLinker } from "../downloads/links.ts";
import type { LineIdentity } from "../line/id-token.ts";
import type { Logger } from "../log.ts";

export interface ApiDeps {
  db: (c: { env: unknown }) => Kysely<Database>;
  verifyIdToken: (token: string | undefined) => Promise<LineIdentity>;
  now: () => Date;
  log: Logger;
  /** Signed report download links; absent where reports are not served (Workers). */
  reports?: ReportLinker;
  /** The frameworks of the years, as loaded (an operator's new year shows within the source's TTL). */
  frameworks: FrameworkSource;
  /** How an uploaded results file is read and checked (Node: off the event loop); default here. */
  readResults?: ReadResults;
}

/** What every /api handler knows about the caller once the ID token is verified. */
export interface ApiEnv {
  Variables: {
    identity: LineIdentity;
    memberships: Membership[];
    db: Kysely<Database>;
    /** The frameworks of the years; read on first use in a request. */
    frameworks: () => Promise<FrameworkCatalog>;
  };
}
