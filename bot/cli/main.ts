// `npm run ita -- <command> [options]`: finds the command in the table (bot/cli/commands/), reads
// its options, runs it, and turns what happened into the exit code.
import { DataDirBusyError } from "../../db/data-dir-lock.ts";
import { type CliDeps, parseCommandArgs, UsageError, usageOf } from "./command.ts";
import { COMMANDS } from "./commands/index.ts";
import { cliDeps } from "./deps.ts";

async function main(argv: string[], deps: CliDeps): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name.startsWith("-")) {
    deps.out(usageOf(COMMANDS));
    return 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`ไม่รู้จักคำสั่ง ${name}\n${usageOf(COMMANDS)}`);
  const parsed = parseCommandArgs(command, args);
  if (parsed.help) {
    deps.out(command.help);
    return 0;
  }
  return command.run(parsed, deps);
}

main(process.argv.slice(2), cliDeps(process.env)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    if (error instanceof DataDirBusyError) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  },
);
