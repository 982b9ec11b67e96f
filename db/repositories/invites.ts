import { type Kysely, sql } from "kysely";
import { recordChange } from "../audit.ts";
import type { Database } from "../schema.ts";
import type { Actor, Role } from "../scope.ts";

export const INVITE_TTL_HOURS = 72;
export const MAX_FAILED_ATTEMPTS_PER_HOUR = 5;

export interface NewInvite {
  code: string;
  expiresAt: Date;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function sixDigits(): string {
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return String(n! % 1_000_000).padStart(6, "0");
}

/** A fresh six-digit code for an agency; only its hash is stored. */
export async function createInvite(
  db: Kysely<Database>,
  agencyId: number,
  role: Role,
  actor: Actor,
  now: Date,
  options: { maxUses?: number; ttlHours?: number } = {},
): Promise<NewInvite> {
  const expiresAt = new Date(now.getTime() + (options.ttlHours ?? INVITE_TTL_HOURS) * 3600_000);
  for (let attempt = 0; attempt < 10; attempt++) {
    const code = sixDigits();
    const inserted = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("invites")
        .values({
          agency_id: agencyId,
          code_hash: await sha256(code),
          role,
          max_uses: options.maxUses ?? 1,
          expires_at: expiresAt,
          created_by: actor.label,
        })
        .onConflict((oc) => oc.column("code_hash").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (row) {
        await recordChange(trx, actor, {
          agencyId,
          action: "invite.create",
          entity: "invite",
          entityId: row.id,
          after: { role, maxUses: options.maxUses ?? 1, expiresAt: expiresAt.toISOString() },
        });
      }
      return row;
    });
    if (inserted) return { code, expiresAt };
  }
  throw new Error("could not find a free invite code");
}

export type RedeemOutcome =
  | { ok: true; agencyId: number; agencyName: string; role: Role; memberId: number; alreadyMember: boolean }
  | { ok: false; reason: "unknown" | "expired" | "used" | "locked" };

/** Advisory-lock class of invite attempts (the second key is the person's hashed LINE id). */
const INVITE_LOCK_CLASS = 72_077_002;

/**
 * Joins a LINE user to the agency of a valid code, in one transaction with the audit row.
 * Failed attempts are counted so a code cannot be guessed: five an hour, then "locked".
 */
export async function redeemInvite(
  db: Kysely<Database>,
  lineUserId: string,
  displayName: string | null,
  code: string,
  now: Date,
): Promise<RedeemOutcome> {
  const hourAgo = new Date(now.getTime() - 3600_000);
  const hash = await sha256(code);
  return db.transaction().execute(async (trx): Promise<RedeemOutcome> => {
    // One attempt of a person at a time, held to the commit: a batch of guesses sent at once
    // (one webhook delivery holds up to 100) is counted one by one, so the sixth is refused.
    await sql`select pg_advisory_xact_lock(${INVITE_LOCK_CLASS}, hashtext(${lineUserId}))`.execute(trx);
    const failures = await trx
      .selectFrom("invite_attempts")
      .select(trx.fn.countAll<number>().as("n"))
      .where("line_user_id", "=", lineUserId)
      .where("at", ">", hourAgo)
      .executeTakeFirst();
    if (Number(failures?.n ?? 0) >= MAX_FAILED_ATTEMPTS_PER_HOUR) return { ok: false, reason: "locked" };
    const outcome = await redeem(trx, lineUserId, displayName, hash, now);
    if (!outcome.ok && outcome.reason === "unknown") {
      await trx.insertInto("invite_attempts").values({ line_user_id: lineUserId, at: now }).execute();
    }
    return outcome;
  });
}

/** The invite named by `hash`, used by the person if it still may be (inside redeemInvite's transaction). */
async function redeem(
  trx: Kysely<Database>,
  lineUserId: string,
  displayName: string | null,
  hash: string,
  now: Date,
): Promise<RedeemOutcome> {
  const invite = await trx
    .selectFrom("invites as i")
    .innerJoin("agencies as g", "g.id", "i.agency_id")
    .select(["i.id", "i.agency_id", "i.role", "i.uses", "i.max_uses", "i.expires_at", "g.name_th"])
    .where("i.code_hash", "=", hash)
    .forUpdate()
    .executeTakeFirst();
  if (!invite) return { ok: false, reason: "unknown" };
  if (new Date(invite.expires_at).getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  const existing = await trx
    .selectFrom("members")
    .select(["id", "role", "active"])
    .where("agency_id", "=", invite.agency_id)
    .where("line_user_id", "=", lineUserId)
    .executeTakeFirst();
  if (existing?.active) {
    return {
      ok: true,
      agencyId: invite.agency_id,
      agencyName: invite.name_th,
      role: existing.role,
      memberId: existing.id,
      alreadyMember: true,
    };
  }
  if (invite.uses >= invite.max_uses) return { ok: false, reason: "used" };
  await trx.updateTable("invites").set({ uses: sql`uses + 1` }).where("id", "=", invite.id).execute();
  const member = await trx
    .insertInto("members")
    .values({
      agency_id: invite.agency_id,
      line_user_id: lineUserId,
      display_name: displayName,
      role: invite.role,
    })
    .onConflict((oc) =>
      oc
        .columns(["agency_id", "line_user_id"])
        .doUpdateSet({ active: true, role: invite.role, display_name: displayName }),
    )
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordChange(
    trx,
    { label: `line:${lineUserId}`, memberId: member.id },
    {
      agencyId: invite.agency_id,
      action: "member.join",
      entity: "member",
      entityId: member.id,
      before: existing ? { active: false, role: existing.role } : undefined,
      after: { role: invite.role, inviteId: invite.id, displayName },
    },
  );
  return {
    ok: true,
    agencyId: invite.agency_id,
    agencyName: invite.name_th,
    role: invite.role,
    memberId: member.id,
    alreadyMember: false,
  };
}
