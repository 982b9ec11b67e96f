// LINE Official Account plans in Thailand and what a month of pushes costs on each. LINE counts a
// push or a multicast once per recipient; replies are free. Money is integer satang throughout so
// that 8,300 agencies' costs add up exactly.

export type LinePlanId = "free" | "basic" | "pro";

export interface LinePlan {
  id: LinePlanId;
  nameTh: string;
  /** Monthly fee, satang. */
  feeSatang: number;
  /** Pushes included in the fee each month. */
  included: number;
  /** Satang per push beyond `included`; undefined: sending stops at the limit. */
  extraSatang?: number;
}

export const LINE_PLANS: readonly LinePlan[] = [
  { id: "free", nameTh: "ฟรี", feeSatang: 0, included: 300 },
  { id: "basic", nameTh: "เบสิก", feeSatang: 128_000, included: 15_000, extraSatang: 10 },
  { id: "pro", nameTh: "โปร", feeSatang: 178_000, included: 35_000, extraSatang: 6 },
];

/** What `pushes` in one month cost on `plan`, in satang; undefined when the plan cannot send them. */
export function monthlyCostSatang(plan: LinePlan, pushes: number): number | undefined {
  const extra = Math.max(0, pushes - plan.included);
  if (extra === 0) return plan.feeSatang;
  if (plan.extraSatang === undefined) return undefined;
  return plan.feeSatang + extra * plan.extraSatang;
}

/** The plan that sends `pushes` in a month for the least money (the smaller plan on a tie). */
export function cheapestPlan(pushes: number): { plan: LinePlan; costSatang: number } {
  let best: { plan: LinePlan; costSatang: number } | undefined;
  for (const plan of LINE_PLANS) {
    const cost = monthlyCostSatang(plan, pushes);
    if (cost !== undefined && (best === undefined || cost < best.costSatang))
      best = { plan, costSatang: cost };
  }
  // Pro always has a price, so there is a best plan.
  return best!;
}

/** "฿1,280" or "฿29,560.40": whole baht without decimals, otherwise two, from integer satang. */
export function formatBaht(satang: number): string {
  const sign = satang < 0 ? "-" : "";
  const abs = Math.abs(satang);
  const baht = Math.floor(abs / 100);
  const rest = abs % 100;
  const grouped = String(baht).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}฿${grouped}${rest === 0 ? "" : `.${String(rest).padStart(2, "0")}`}`;
}
