import liff from "@line/liff/core";
import GetIDToken from "@line/liff/get-id-token";
import IsInClient from "@line/liff/is-in-client";
import type { LiffMockApi } from "@line/liff-mock";

// The pluggable SDK with only what the app calls; IsInClient must come before the mock plugin.
liff.use(new IsInClient());
liff.use(new GetIDToken());

export interface Session {
  inClient: boolean;
  idToken: () => string | null;
}

export async function startLiff(liffId: string): Promise<Session> {
  await liff.init({ liffId });
  return { inClient: liff.isInClient(), idToken: () => liff.getIDToken() };
}

/**
 * Outside LINE, for development and browser tests: @line/liff-mock (loaded only here, its own chunk)
 * answers the SDK calls, and the local server's /dev/liff-token signs a real test ID token for `user`.
 */
export async function startMockLiff(liffId: string, user: string | null): Promise<Session> {
  // The mock's code and the test token are fetched side by side: one round trip, not two.
  const token = fetch(`/dev/liff-token${user ? `?user=${encodeURIComponent(user)}` : ""}`).then(
    async (res) => {
      if (!res.ok) throw new Error(`/dev/liff-token answered ${res.status}`);
      return ((await res.json()) as { idToken: string }).idToken;
    },
  );
  token.catch(() => {});
  const { LiffMockPlugin } = await import("@line/liff-mock");
  liff.use(new LiffMockPlugin() as unknown as Parameters<typeof liff.use>[0]);
  await liff.init({ liffId, mock: true } as Parameters<typeof liff.init>[0]);
  const idToken = await token;
  (liff as unknown as { $mock: LiffMockApi }).$mock.set((p) => ({ ...p, getIDToken: idToken }));
  return { inClient: true, idToken: () => liff.getIDToken() };
}
