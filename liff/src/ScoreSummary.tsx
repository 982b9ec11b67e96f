import type { ComparisonCardView, ScoreCardView } from "../../core/chat/cards.ts";
import { Delta } from "./Delta.tsx";
import { LevelChip } from "./LevelChip.tsx";

/** The total, its level, the ranks and the change since the previous year. */
export function ScoreSummary({
  card,
  comparison,
}: {
  card: ScoreCardView;
  comparison: ComparisonCardView | null;
}) {
  return (
    <section class="summary" aria-label="คะแนนรวม">
      <p class="total">
        <span class="total-label">คะแนนรวม ปี {card.year}</span>
        <span class="total-value">{card.total ?? "–"}</span>
      </p>
      {card.level && <LevelChip level={card.level} />}
      {comparison?.total && (
        <p class="compare">
          เทียบกับปี {comparison.fromYear} <Delta delta={comparison.total} fromYear={comparison.fromYear} />
        </p>
      )}
      <dl class="ranks">
        {card.national && (
          <div>
            <dt>อันดับประเทศ ({card.national.agencyType})</dt>
            <dd>
              {card.national.rank} จาก {card.national.of}
            </dd>
          </div>
        )}
        {card.provincial && (
          <div>
            <dt>อันดับจังหวัด{card.provincial.province}</dt>
            <dd>
              {card.provincial.rank} จาก {card.provincial.of}
            </dd>
          </div>
        )}
        {card.reportedRank !== undefined && (
          <div>
            <dt>อันดับที่ ITAS ประกาศ</dt>
            <dd>{card.reportedRank}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
