interface Props {
  years: number[];
  value: number;
  onPick: (year: number) => void;
}

export function YearPicker({ years, value, onPick }: Props) {
  return (
    <label class="year-picker">
      ปีงบประมาณ
      <select value={String(value)} onChange={(e) => onPick(Number(e.currentTarget.value))}>
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}
