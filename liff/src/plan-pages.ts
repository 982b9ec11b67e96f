// The admin/editor planning pages load as one chunk on first use: opened together, and one chunk
// compresses better than two.
export { MeasureEditPage } from "./MeasureEditPage.tsx";
export { MeasureNewPage } from "./MeasureNewPage.tsx";
