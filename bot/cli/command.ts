// What a command of `npm run ita -- <command>` is: its name, its options, its Thai help and what it
// runs; and what it is given to run with (bot/cli/deps.ts builds that, once).
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { Kysely } from "kysely";
import { parseYear } from "../../core/thai/year.ts";
import type { Database } from "../../db/schema.ts";
import type { Config } from "../config.ts";
import type { LineClient } from "../line/client.ts";
import type { Logger } from "../log.ts";

/** A mistake in how the command was called: its message goes to stderr and the exit code is 2. */
export class UsageError extends Error {}

export type WithDb = <T>(fn: (db: Kysely<Database>) => Promise<T>) => Promise<T>;

export interface CliDeps {
  /** Opens the database, migrated, for one piece of work and closes it after. */
  withDb: WithDb;
  config(): Config;
  /** The server's clock: the development clock when NOW is set. */
  now(): Date;
  log: Logger;
  /** LINE's API when the channel's credentials are set; without them, undefined. */
  line(): LineClient | undefined;
  out(line: string): void;
  err(line: string): void;
  stdin(): Promise<string>;
}

export type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Parsed<O extends Options> {
  values: { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string };
  /** The words after the command's name that are not options. */
  positionals: string[];
}

export interface Command<O extends Options = Options> {
  name: string;
  /** The command's lines in `ita help`: how to call it and what it does, in Thai. */
  help: string;
  /** node:util parseArgs options; `--help` is added to every command. */
  options: O;
  /** The exit code: 0 done, 1 refused (nothing written); a UsageError is 2. */
  run(args: Parsed<O>, deps: CliDeps): Promise<number>;
}

/** Types `run`'s values from the command's own options. */
export function defineCommand<const O extends Options>(command: Command<O>): Command<O> {
  return command;
}

/** The words after the command's name, read with its options; a wrong option is a UsageError. */
export function parseCommandArgs<O extends Options>(
  command: Command<O>,
  args: readonly string[],
): Parsed<O> & { help: boolean } {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
    });
    const { help, ...own } = values as Record<string, unknown>;
    return { values: own as Parsed<O>["values"], positionals, help: help === true };
  } catch (error) {
    if (
      error instanceof TypeError &&
      String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")
    ) {
      throw new UsageError(`ตัวเลือกไม่ถูกต้อง: ${error.message}\n${command.help}`);
    }
    throw error;
  }
}

/** Every command's help under one heading: `ita help`, and no or an unknown command. */
export function usageOf(commands: readonly Command[]): string {
  return ["ใช้: npm run ita -- <คำสั่ง>", ...commands.map((c) => c.help)].join("\n");
}

/** A year as people type it (2567, ๒๕๖๗ or 67) as พ.ศ.; undefined when not given. */
export function yearOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const y = parseYear(value);
  if (!y) throw new UsageError(`ปีไม่ถูกต้อง: ${value} (ใช้ 2567, ๒๕๖๗ หรือ 67)`);
  return y.be;
}
