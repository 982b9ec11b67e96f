import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "./api/call.ts";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "failed"; message: string; retry: () => void }
  | { state: "ready"; data: T };

/** Runs `load` whenever `key` changes (and on retry); the latest answer wins. */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const loader = useRef(load);
  loader.current = load;
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Loaded<T>>({ state: "loading" });
  useEffect(() => {
    let current = true;
    setResult({ state: "loading" });
    loader.current().then(
      (data) => current && setResult({ state: "ready", data }),
      (error: unknown) =>
        current &&
        setResult({
          state: "failed",
          message: error instanceof ApiError ? error.message : "เกิดข้อผิดพลาด กรุณาลองอีกครั้ง",
          retry: () => setAttempt((n) => n + 1),
        }),
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);
  return result;
}
