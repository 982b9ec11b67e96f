/** A thin bar with the percentage beside it. */
export function Progress({ value }: { value: number }) {
  return (
    <div class="progress">
      <div class="track" aria-hidden="true">
        <div class="fill" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </div>
      <span>ความคืบหน้า {value}%</span>
    </div>
  );
}
