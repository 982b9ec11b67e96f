import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type FormResult } from "./api/call.ts";

// What the measure and step-plan forms share: their values live in localStorage as a draft until
// the server accepts them (so a reload, a closed LIFF window or a failed submit loses nothing),
// field messages sit next to their fields, and the first wrong field gets the focus. Storage can
// be unavailable (private mode, full): then the forms simply work without drafts.

const keyOf = (name: string) => `prongsai.draft.${name}`;

export function loadDraft<T>(name: string, valid: (value: unknown) => value is T): T | undefined {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(keyOf(name)) ?? "null");
    return valid(saved) ? saved : undefined;
  } catch {
    return undefined;
  }
}

function store(name: string, values: unknown): void {
  try {
    if (values === undefined) localStorage.removeItem(keyOf(name));
    else localStorage.setItem(keyOf(name), JSON.stringify(values));
  } catch {
    // no storage: nothing to keep
  }
}

export const FIX_FIELDS = "กรุณาแก้ข้อมูลที่ระบุ";

interface Options<V> {
  /** The draft's name in storage. */
  name: string;
  initial: () => V;
  valid: (value: unknown) => value is V;
  read: (form: HTMLFormElement) => V;
  /** Put before every field name the errors use ("plan-12." → "plan-12.title"). */
  prefix?: string;
  /** After a save, show the form empty again (a form that adds one more). */
  resetOnSave?: boolean;
}

export function useDraftForm<V>({ name, initial, valid, read, prefix = "", resetOnSave }: Options<V>) {
  const [start, setStart] = useState(() => {
    const draft = loadDraft(name, valid);
    return { values: draft ?? initial(), fromDraft: draft !== undefined, version: 0 };
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState("");
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const first = Object.keys(errors)[0];
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }, [errors]);

  const showErrors = (found: Record<string, string>, message: string) => {
    setErrors(Object.fromEntries(Object.entries(found).map(([k, v]) => [prefix + k, v])));
    setProblem(message);
  };

  return {
    form,
    start,
    errors,
    problem,
    saving,
    /** The form's values now, kept as the draft. */
    remember(): V | undefined {
      const values = form.current ? read(form.current) : undefined;
      if (values !== undefined) store(name, values);
      return values;
    },
    /** Sends what the schema accepted, or shows what it refused; the draft goes once the server accepts. */
    async submit<T>(
      check: (() => Promise<FormResult<T>>) | Record<string, string>,
      done: (value: T) => void,
    ) {
      if (saving) return;
      setProblem("");
      if (typeof check !== "function") return showErrors(check, check.steps ?? FIX_FIELDS);
      setErrors({});
      setSaving(true);
      try {
        const result = await check();
        if (!result.ok) return showErrors(result.fields, result.message);
        store(name, undefined);
        setStart((s) =>
          resetOnSave
            ? { values: initial(), fromDraft: false, version: s.version + 1 }
            : { ...s, fromDraft: false },
        );
        done(result.value);
      } catch (error) {
        const reason = error instanceof ApiError ? error.message : "บันทึกไม่สำเร็จ";
        setProblem(`${reason} (ข้อมูลที่กรอกยังเก็บไว้ในเครื่องนี้)`);
      } finally {
        setSaving(false);
      }
    },
    clearErrors: () => setErrors({}),
    /** Drops the draft and shows the stored values again. */
    discard() {
      store(name, undefined);
      setErrors({});
      setProblem("");
      setStart((s) => ({ values: initial(), fromDraft: false, version: s.version + 1 }));
    },
  };
}
