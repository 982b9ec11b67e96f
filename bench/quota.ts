// `npm run bench -- quota`: how many pushes a typical agency's reminders cost in each month of a
// fiscal year, with the real planner run as the tick runs it (core/measures/push-forecast.ts), and
// what that costs on LINE's Thai plans for 1, 100 and 8,300 agencies.
//
// Peers, in the same run: the same agency with every member on daily digests, and one push per
// notice (no digests at all). The sample of agencies gives the national figure: their months add
// up as they fall, rather than one agency's peak times 8,300.
import { parseArgs } from "node:util";
import { formatBaht, LINE_PLANS, type LinePlan, monthlyCostSatang } from "../core/line/plans.ts";
import { DEFAULT_PREFS } from "../core/measures/model.ts";
import { boundaryTicks, type MonthPushes } from "../core/measures/push-forecast.ts";
import { simulateYear, typicalAgency } from "../core/measures/typical-agency.ts";
import { fmt } from "./stats.ts";

const FREE_LIMIT = LINE_PLANS.find((p) => p.id === "free")!.included;
const NATIONAL = 8300;

export async function runQuotaBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      year: { type: "string", default: "2569" },
      seed: { type: "string", default: "1" },
      agencies: { type: "string", default: "100" },
      oit: { type: "string", default: "26" },
    },
  });
  const fiscalYear = Number(values.year);
  const seed = Number(values.seed);
  const sample = Math.max(1, Number(values.agencies));
  const oit = Number(values.oit);
  const t0 = performance.now();

  const agency = typicalAgency({ fiscalYear, seed });
  const defaults = simulateYear(agency, fiscalYear).months;
  const daily = simulateYear(
    typicalAgency({ fiscalYear, seed, prefs: { frequency: "daily" } }),
    fiscalYear,
  ).months;
  const withOit = simulateYear(typicalAgency({ fiscalYear, seed, oitItems: oit }), fiscalYear).months;
  // The national sample: seeds seed … seed + sample − 1, each its own agency.
  const national = defaults.map((m) => ({ month: m.month, pushes: 0, peak: 0 }));
  let agenciesOver = 0;
  for (let k = 0; k < sample; k++) {
    const months =
      k === 0 ? defaults : simulateYear(typicalAgency({ fiscalYear, seed: seed + k }), fiscalYear).months;
    months.forEach((m, i) => {
      national[i]!.pushes += m.pushes;
      national[i]!.peak = Math.max(national[i]!.peak, m.pushes);
    });
    if (months.some((m) => m.pushes > FREE_LIMIT)) agenciesOver++;
  }
  const ms = performance.now() - t0;

  const counts = agency.members.reduce(
    (acc, m) => {
      const role = agency.roles.get(m.memberId)!;
      acc[role]++;
      return acc;
    },
    { admin: 0, editor: 0, viewer: 0 },
  );
  const steps = agency.items.filter((i) => i.key.startsWith("step:")).length;
  const dates = agency.items.filter((i) => i.key.startsWith("milestone:")).length;
  const ticks = boundaryTicks(agency.members).map(clock).join(", ");
  console.log(`quota: a typical agency over fiscal year ${fiscalYear} (1 Oct – 30 Sep), seed ${seed}`);
  console.log(
    `  ${agency.members.length} members (${counts.admin} admins, ${counts.editor} editors, ${counts.viewer} viewers), ` +
      `${steps} steps (7 measures × 4, due dates drawn from seed 000's plan), ${dates} national calendar dates to the admins`,
  );
  console.log(
    `  default settings (${DEFAULT_PREFS.frequency}, lead days ${DEFAULT_PREFS.leadDays.join("/")}, quiet ${DEFAULT_PREFS.quietStart}–${DEFAULT_PREFS.quietEnd}); ` +
      `planner run at ${ticks} Bangkok each day (what a run every minute sends); steps done around their due dates ` +
      "(25 % early, 40 % on the day, 20 % ≤ 7 days late, 10 % ≤ 30, 5 % ≤ 75); status notices to co-owners counted",
  );
  console.log(
    `  OIT items with owners: not in the product yet (a later issue); hook typicalAgency({ oitItems }), column "+${oit} OIT"`,
  );
  console.log("");
  console.log(
    `| month | digests | status notices | **pushes** | all daily | one push per notice | +${oit} OIT (hook) | ${sample} agencies | busiest of them |`,
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  const total = (rows: MonthPushes[], f: (m: MonthPushes) => number) => rows.reduce((s, m) => s + f(m), 0);
  defaults.forEach((m, i) => {
    console.log(
      `| ${m.month} | ${m.digests} | ${m.statusNotices} | **${m.pushes}** | ${daily[i]!.pushes} | ${perNotice(m)} | ${withOit[i]!.pushes} | ${national[i]!.pushes} | ${national[i]!.peak} |`,
    );
  });
  console.log(
    `| year | ${total(defaults, (m) => m.digests)} | ${total(defaults, (m) => m.statusNotices)} | **${total(defaults, (m) => m.pushes)}** | ${total(daily, (m) => m.pushes)} | ${total(defaults, perNotice)} | ${total(withOit, (m) => m.pushes)} | ${national.reduce((s, m) => s + m.pushes, 0)} | ${Math.max(...national.map((m) => m.peak))} |`,
  );
  console.log("");

  const year = total(defaults, (m) => m.pushes);
  const max = Math.max(...defaults.map((m) => m.pushes));
  console.log(
    `ratio, defaults ÷ every member on daily digests: ${ratio(
      year,
      total(daily, (m) => m.pushes),
    )} (${year} / ${total(daily, (m) => m.pushes)} pushes a year)`,
  );
  console.log(
    `ratio, defaults ÷ one push per notice (no digests): ${ratio(year, total(defaults, perNotice))} (${year} / ${total(defaults, perNotice)})`,
  );
  const oitYear = total(withOit, (m) => m.pushes);
  // The OIT submission date is 30 April.
  const april = withOit.find((m) => m.month.endsWith("-04"))!;
  console.log(
    `ratio, with ${oit} OIT items, defaults ÷ one push per notice: ${ratio(oitYear, total(withOit, perNotice))} (${oitYear} / ${total(withOit, perNotice)}; April ${april.pushes} / ${perNotice(april)})`,
  );
  console.log(
    `free plan (${FREE_LIMIT} a month): busiest month ${max} (${Math.round((max * 100) / FREE_LIMIT)} %); with ${oit} OIT items ${Math.max(...withOit.map((m) => m.pushes))}; ` +
      `agencies of the sample over ${FREE_LIMIT} in some month: ${agenciesOver} of ${sample}`,
  );
  console.log("");

  // Costs in the busiest month of each size; 8,300 from the sample scaled, month by month.
  const sizes: { n: number; pushes: number }[] = [
    { n: 1, pushes: max },
    { n: sample, pushes: Math.max(...national.map((m) => m.pushes)) },
    { n: NATIONAL, pushes: Math.max(...national.map((m) => Math.round((m.pushes * NATIONAL) / sample))) },
  ];
  console.log("| agencies | busiest month | own free OA each | shared Basic | shared Pro |");
  console.log("|---|---|---|---|---|");
  for (const { n, pushes } of sizes) {
    const own = agenciesOver === 0 || n === 1 ? `฿0 × ${n.toLocaleString("en")} = ฿0` : "some stop";
    console.log(
      `| ${n.toLocaleString("en")} | ${pushes.toLocaleString("en")} | ${n === 1 && max > FREE_LIMIT ? "stops" : own} | ${costText(plan("basic"), pushes)} | ${costText(plan("pro"), pushes)} |`,
    );
  }
  // A year's bill is each month's own: the quiet months cost the fee only.
  const yearly = (p: LinePlan) =>
    national.reduce((sum, m) => sum + monthlyCostSatang(p, Math.round((m.pushes * NATIONAL) / sample))!, 0);
  console.log(
    `a year for ${NATIONAL.toLocaleString("en")} agencies, month by month: shared Basic ${formatBaht(yearly(plan("basic")))}, shared Pro ${formatBaht(yearly(plan("pro")))}`,
  );
  console.log("");
  console.log(`simulated ${sample + 2} agency-years in ${fmt(ms)}`);
  console.log(`max pushes in a month: ${max}`);
}

const perNotice = (m: MonthPushes) => m.notices + m.statusNotices;

function ratio(a: number, b: number): string {
  return b === 0 ? "n/a" : `${(a / b).toFixed(2)}×`;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function plan(id: LinePlan["id"]): LinePlan {
  return LINE_PLANS.find((p) => p.id === id)!;
}

/** "฿1,280 + (20,000 − 15,000) × ฿0.10 = ฿1,780". */
function costText(p: LinePlan, pushes: number): string {
  const cost = monthlyCostSatang(p, pushes)!;
  const extra = pushes - p.included;
  if (extra <= 0) return `${formatBaht(p.feeSatang)} (≤ ${p.included.toLocaleString("en")} included)`;
  return `${formatBaht(p.feeSatang)} + (${pushes.toLocaleString("en")} − ${p.included.toLocaleString("en")}) × ${formatBaht(p.extraSatang!)} = **${formatBaht(cost)}**`;
}
