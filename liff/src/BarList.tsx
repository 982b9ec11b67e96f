import type { BarView, DeltaView } from "../../core/chat/cards.ts";
import { Delta } from "./Delta.tsx";

interface Props {
  title: string;
  bars: BarView[];
  deltas: DeltaView[];
  fromYear: number | undefined;
}

/** Labelled horizontal bars, 0–100; the weakest indicator is marked. */
export function BarList({ title, bars, deltas, fromYear }: Props) {
  if (bars.length === 0) return null;
  return (
    <section class="bars" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {bars.map((bar) => {
          const delta = deltas.find((d) => d.code === bar.code);
          return (
            <li key={bar.code} class={bar.highlight ? "bar weakest" : "bar"}>
              <div class="bar-label">
                <span>{bar.label}</span>
                {bar.highlight && <span class="tag">จุดอ่อน</span>}
              </div>
              <div class="bar-line">
                <div class="track" aria-hidden="true">
                  <div class="fill" style={{ width: `${bar.percent}%` }} />
                </div>
                <span class="bar-value">{bar.value}</span>
                <span class="bar-delta">
                  {delta && fromYear !== undefined && <Delta delta={delta} fromYear={fromYear} />}
                </span>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
