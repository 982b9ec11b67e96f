import { type Command, defineCommand, UsageError, usageOf } from "../command.ts";

/** `ita help [command]`: every command's help, or one command's. */
export function helpCommand(table: () => readonly Command[]): Command {
  return defineCommand({
    name: "help",
    help: "  help [คำสั่ง]                      วิธีใช้ทุกคำสั่ง หรือเฉพาะคำสั่งนั้น",
    options: {},
    async run({ positionals }, deps) {
      const [name] = positionals;
      if (name === undefined) {
        deps.out(usageOf(table()));
        return 0;
      }
      const command = table().find((c) => c.name === name);
      if (!command) throw new UsageError(`ไม่รู้จักคำสั่ง ${name}\n${usageOf(table())}`);
      deps.out(command.help);
      return 0;
    },
  });
}
