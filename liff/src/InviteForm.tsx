import type { TargetedSubmitEvent } from "preact";
import { useState } from "preact/hooks";
import { ROLE_TH, ROLES } from "../../core/members/roles.ts";
import { type Invite, inviteSchema } from "../../core/schemas/members.ts";
import { fieldErrors } from "../../core/schemas/step-status.ts";
import { ApiError } from "./api/call.ts";
import { useApp } from "./Context.tsx";
import { Field, fieldInput } from "./Field.tsx";
import { InviteCode } from "./InviteCode.tsx";

/** "สร้างรหัสเชิญ": role, uses and hours, checked with the API's own schema; the code is shown once. */
export function InviteForm({ agencyId }: { agencyId: number }) {
  const { api } = useApp();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);
  const [invite, setInvite] = useState<{ code: string; expiresAt: string; role: Invite["role"] } | null>(
    null,
  );

  const submit = async (e: TargetedSubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    setProblem("");
    const parsed = inviteSchema.safeParse(Object.fromEntries(new FormData(e.currentTarget)));
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await api.createInvite(agencyId, parsed.data);
      if (result.ok) setInvite({ ...result.value, role: parsed.data.role });
      else {
        setErrors(result.fields);
        setProblem(result.message);
      }
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "สร้างรหัสไม่สำเร็จ กรุณาลองอีกครั้ง");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="invite" aria-labelledby="invite-title">
      <h2 id="invite-title">เชิญสมาชิกใหม่</h2>
      {invite ? (
        <>
          <InviteCode code={invite.code} expiresAt={invite.expiresAt} role={invite.role} />
          <button type="button" class="button" onClick={() => setInvite(null)}>
            สร้างรหัสอีกชุด
          </button>
        </>
      ) : (
        <form class="step-form" aria-label="สร้างรหัสเชิญ" noValidate onSubmit={submit}>
          <Field name="role" label="บทบาทของผู้ที่จะเข้าร่วม" error={errors.role}>
            <select {...fieldInput("role", errors.role)}>
              {ROLES.map((r) => (
                <option key={r} value={r} selected={r === "editor"}>
                  {ROLE_TH[r]}
                </option>
              ))}
            </select>
          </Field>
          <Field name="maxUses" label="ใช้ได้กี่คน (1–50)" error={errors.maxUses}>
            <input
              {...fieldInput("maxUses", errors.maxUses)}
              type="number"
              inputMode="numeric"
              min={1}
              max={50}
              step={1}
              defaultValue="1"
            />
          </Field>
          <Field name="hours" label="อายุรหัส (ชั่วโมง, 1–720)" error={errors.hours}>
            <input
              {...fieldInput("hours", errors.hours)}
              type="number"
              inputMode="numeric"
              min={1}
              max={720}
              step={1}
              defaultValue="72"
            />
          </Field>
          <p class="form-error" role="alert">
            {problem}
          </p>
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? "กำลังสร้าง…" : "สร้างรหัสเชิญ"}
          </button>
        </form>
      )}
    </section>
  );
}
