import { useEffect, useState } from "preact/hooks";
import type { MeasureFilter } from "./api/types.ts";

export type Route =
  | { page: "agencies" }
  | { page: "dashboard"; agencyId: number; year?: number }
  | { page: "measures"; agencyId: number; filter: MeasureFilter; indicator?: number }
  | { page: "measure"; agencyId: number; measureId: number }
  | { page: "measure-new"; agencyId: number }
  | { page: "measure-edit"; agencyId: number; measureId: number }
  | { page: "step"; agencyId: number; measureId: number; stepId: number }
  | { page: "members"; agencyId: number }
  | { page: "settings"; agencyId: number }
  | { page: "calendar"; agencyId: number }
  | { page: "audit"; agencyId: number }
  | { page: "import"; agencyId: number }
  | { page: "reports"; agencyId: number }
  | { page: "advice"; agencyId: number };

const FILTERS: readonly string[] = ["all", "mine", "overdue"] satisfies MeasureFilter[];

/** "#/a/3/measures?filter=mine" → route; undefined for an empty or unknown hash. */
export function parseRoute(hash: string): Route | undefined {
  const [path = "", search = ""] = hash.replace(/^#/, "").split("?");
  const query = new URLSearchParams(search);
  const [root, agency, section, measure, sub, step] = path.split("/").filter(Boolean);
  if (root === "agencies" && agency === undefined) return { page: "agencies" };
  const agencyId = idOf(agency);
  if (root !== "a" || !agencyId) return undefined;
  if (section === undefined) {
    const year = idOf(query.get("year") ?? undefined);
    return year ? { page: "dashboard", agencyId, year } : { page: "dashboard", agencyId };
  }
  if ((section === "members" || section === "settings" || section === "calendar") && measure === undefined) {
    return { page: section, agencyId };
  }
  if ((section === "audit" || section === "import" || section === "reports") && measure === undefined) {
    return { page: section, agencyId };
  }
  if (section === "reports" && measure === "advice" && sub === undefined) return { page: "advice", agencyId };
  if (section !== "measures") return undefined;
  if (measure === undefined) {
    const filter = query.get("filter") ?? "all";
    const indicator = idOf(query.get("indicator") ?? undefined);
    return {
      page: "measures",
      agencyId,
      filter: FILTERS.includes(filter) ? (filter as MeasureFilter) : "all",
      ...(indicator && indicator <= 99 ? { indicator } : {}),
    };
  }
  if (measure === "new" && sub === undefined) return { page: "measure-new", agencyId };
  const measureId = idOf(measure);
  if (!measureId) return undefined;
  if (sub === undefined) return { page: "measure", agencyId, measureId };
  if (sub === "edit" && step === undefined) return { page: "measure-edit", agencyId, measureId };
  const stepId = idOf(step);
  return sub === "steps" && stepId ? { page: "step", agencyId, measureId, stepId } : undefined;
}

export function href(route: Route): string {
  switch (route.page) {
    case "agencies":
      return "#/agencies";
    case "dashboard":
      return `#/a/${route.agencyId}${route.year ? `?year=${route.year}` : ""}`;
    case "measures": {
      const query = new URLSearchParams();
      if (route.filter !== "all") query.set("filter", route.filter);
      if (route.indicator) query.set("indicator", String(route.indicator));
      const search = query.toString();
      return `#/a/${route.agencyId}/measures${search ? `?${search}` : ""}`;
    }
    case "measure":
      return `#/a/${route.agencyId}/measures/${route.measureId}`;
    case "step":
      return `#/a/${route.agencyId}/measures/${route.measureId}/steps/${route.stepId}`;
    case "measure-new":
      return `#/a/${route.agencyId}/measures/new`;
    case "measure-edit":
      return `#/a/${route.agencyId}/measures/${route.measureId}/edit`;
    case "members":
      return `#/a/${route.agencyId}/members`;
    case "settings":
      return `#/a/${route.agencyId}/settings`;
    case "calendar":
      return `#/a/${route.agencyId}/calendar`;
    case "audit":
      return `#/a/${route.agencyId}/audit`;
    case "import":
      return `#/a/${route.agencyId}/import`;
    case "reports":
      return `#/a/${route.agencyId}/reports`;
    case "advice":
      return `#/a/${route.agencyId}/reports/advice`;
  }
}

export function navigate(route: Route): void {
  location.hash = href(route);
}

/** The current route, following the hash. */
export function useRoute(): Route | undefined {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);
  return route;
}

function idOf(text: string | undefined): number | undefined {
  const n = Number(text);
  return text && Number.isInteger(n) && n > 0 ? n : undefined;
}
