import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** Follow/unfollow state: reminders are never pushed to someone who blocked the account. */
export async function setFollowing(
  db: Kysely<Database>,
  lineUserId: string,
  following: boolean,
  displayName?: string,
): Promise<void> {
  await db
    .insertInto("line_users")
    .values({ line_user_id: lineUserId, following, display_name: displayName ?? null })
    .onConflict((oc) =>
      oc.column("line_user_id").doUpdateSet({
        following,
        updated_at: new Date(),
        ...(displayName !== undefined ? { display_name: displayName } : {}),
      }),
    )
    .execute();
}
