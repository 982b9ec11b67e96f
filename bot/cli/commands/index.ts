// The commands of `npm run ita -- <command>`, in the order `ita help` lists them.
import type { Command } from "../command.ts";
import { demoCommand } from "./demo.ts";
import { frameworkCommand } from "./framework.ts";
import { helpCommand } from "./help.ts";
import { importCommand } from "./import.ts";
import { inviteCommand } from "./invite.ts";
import { migrateCommand } from "./migrate.ts";
import { milestoneCommand } from "./milestone.ts";
import { milestonesCommand } from "./milestones.ts";
import { recommendationCommand } from "./recommendation.ts";
import { remindersCommand } from "./reminders.ts";
import { reportCommand } from "./report.ts";
import { richmenuCommand } from "./richmenu.ts";
import { scoreCommand } from "./score.ts";
import { showCommand } from "./show.ts";
import { tickCommand } from "./tick.ts";

export const COMMANDS: readonly Command[] = [
  migrateCommand,
  importCommand,
  scoreCommand,
  showCommand,
  inviteCommand,
  demoCommand,
  milestoneCommand,
  milestonesCommand,
  remindersCommand,
  tickCommand,
  richmenuCommand,
  frameworkCommand,
  reportCommand,
  recommendationCommand,
  helpCommand(() => COMMANDS),
];
