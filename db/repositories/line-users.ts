import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import type { AgencyScope } from "../scope.ts";

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

/**
 * The LINE user ids the bot may push to among these members of the scope's agency: active, and not
 * known to have blocked the account; in member order.
 */
export async function reachableLineUserIds(
  db: Kysely<Database>,
  scope: AgencyScope,
  memberIds: readonly number[],
): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .selectFrom("members as m")
    .leftJoin("line_users as u", "u.line_user_id", "m.line_user_id")
    .select("m.line_user_id")
    .where("m.agency_id", "=", scope.agencyId)
    .where("m.id", "in", memberIds)
    .where("m.active", "=", true)
    .where((eb) => eb.or([eb("u.following", "is", null), eb("u.following", "=", true)]))
    .orderBy("m.id")
    .execute();
  return rows.map((r) => r.line_user_id);
}
