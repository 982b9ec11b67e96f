import type { Loaded } from "./load.ts";

/** The loading line or the failure with a retry button, in the space the page will take. */
export function Pending({ loaded }: { loaded: Exclude<Loaded<unknown>, { state: "ready" }> }) {
  if (loaded.state === "loading") {
    return (
      <p class="pending" role="status">
        กำลังโหลด…
      </p>
    );
  }
  return (
    <div class="problem" role="alert">
      <p>{loaded.message}</p>
      <button type="button" class="button" onClick={loaded.retry}>
        ลองอีกครั้ง
      </button>
    </div>
  );
}
