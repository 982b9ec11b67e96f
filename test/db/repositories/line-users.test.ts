import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/client.ts";
import { reachableLineUserIds, setFollowing } from "../../../db/repositories/line-users.ts";
import { systemScope } from "../../../db/scope.ts";
import { DIALECTS, openTestDb } from "../harness.ts";

describe.each(DIALECTS)("LINE users on %s", (dialect) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDb(dialect);
  });
  afterAll(async () => {
    await h.close();
  });

  it("reaches the agency's active members who have not blocked the account", async () => {
    const agency = async (code: string) =>
      (
        await h.db
          .insertInto("agencies")
          .values({ code, name_th: code, agency_type: "เทศบาลตำบล", province: "เลย", district: "ด่านซ้าย" })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const a = await agency("LINE-A");
    const b = await agency("LINE-B");
    const member = async (agencyId: number, lineUserId: string, active = true) =>
      (
        await h.db
          .insertInto("members")
          .values({ agency_id: agencyId, line_user_id: lineUserId, role: "editor", active })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const unknown = await member(a, "Uunknown");
    const following = await member(a, "Ufollowing");
    const blocked = await member(a, "Ublocked");
    const left = await member(a, "Uleft", false);
    const elsewhere = await member(b, "Uelsewhere");
    await setFollowing(h.db, "Ufollowing", true);
    await setFollowing(h.db, "Ublocked", false);

    const ids = [elsewhere, left, blocked, following, unknown];
    expect(await reachableLineUserIds(h.db, systemScope(a), ids)).toEqual(["Uunknown", "Ufollowing"]);
    expect(await reachableLineUserIds(h.db, systemScope(b), ids)).toEqual(["Uelsewhere"]);
    expect(await reachableLineUserIds(h.db, systemScope(a), [])).toEqual([]);
  });
});
