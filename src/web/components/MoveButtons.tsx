// Move up / move down for one item of an ordered list (SLA policies, rules): disabled at the ends
// and while a move is saved, each with a label naming the item.

export function MoveButtons({
  index,
  count,
  busy,
  onMove,
  upLabel,
  downLabel,
}: {
  index: number;
  count: number;
  busy: boolean;
  onMove(index: number, by: -1 | 1): void;
  upLabel: string;
  downLabel: string;
}) {
  return (
    <span className="move-buttons">
      <button type="button" className="button button-quiet move-up" disabled={busy || index === 0} onClick={() => onMove(index, -1)} aria-label={upLabel}>
        ↑
      </button>
      <button
        type="button"
        className="button button-quiet move-down"
        disabled={busy || index === count - 1}
        onClick={() => onMove(index, 1)}
        aria-label={downLabel}
      >
        ↓
      </button>
    </span>
  );
}
