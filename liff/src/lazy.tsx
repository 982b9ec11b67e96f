import type { ComponentType, FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Pending } from "./Pending.tsx";

/**
 * A page whose code (and, for forms, the shared zod schemas) is fetched the first time it is
 * shown, so the dashboard that the rich menu opens downloads and parses only what it needs.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let cached: ComponentType<P> | undefined;
  return function LazyPage(props: P) {
    const [component, setComponent] = useState<{ page?: ComponentType<P> }>({ page: cached });
    const [attempt, setAttempt] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (component.page) return;
      let current = true;
      setFailed(false);
      load().then(
        (page) => {
          cached = page;
          if (current) setComponent({ page });
        },
        () => current && setFailed(true),
      );
      return () => {
        current = false;
      };
    }, [attempt]);
    const Page = component.page;
    if (Page) return <Page {...props} />;
    return (
      <Pending
        loaded={
          failed
            ? {
                state: "failed",
                message: "โหลดหน้านี้ไม่สำเร็จ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง",
                retry: () => setAttempt((n) => n + 1),
              }
            : { state: "loading" }
        }
      />
    );
  };
}
