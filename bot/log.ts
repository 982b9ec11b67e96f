/** Structured JSON logs: one line per entry, never secrets or message bodies. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function jsonLogger(write: (line: string) => void = (l) => console.log(l)): Logger {
  const emit = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
    write(JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields }));
  return { info: emit("info"), warn: emit("warn"), error: emit("error") };
}

/** Collects entries in memory (tests, benchmarks). */
export function memoryLogger(): Logger & {
  entries: { level: string; msg: string; fields?: Record<string, unknown> }[];
} {
  const entries: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const push = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
    entries.push({ level, msg, ...(fields ? { fields } : {}) });
  };
  return { entries, info: push("info"), warn: push("warn"), error: push("error") };
}
