import { type ComponentChildren, createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Api } from "./api/client.ts";

/** What the pages need from outside: the API client and the clock (main.tsx supplies both; tests their own). */
export interface AppValues {
  api: Api;
  now: () => Date;
}

const AppContext = createContext<AppValues | null>(null);

export function AppProvider({ value, children }: { value: AppValues; children: ComponentChildren }) {
  return <AppContext value={value}>{children}</AppContext>;
}

export function useApp(): AppValues {
  const values = useContext(AppContext);
  if (!values) throw new Error("useApp() outside <AppProvider>");
  return values;
}
