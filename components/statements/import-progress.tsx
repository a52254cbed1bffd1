/** A labelled progress bar; without `total` it shows activity of unknown length. */
export function ImportProgress({ label, done, total }: { label: string; done?: number; total?: number }) {
  const known = total !== undefined && total > 0 && done !== undefined;
  const percent = known ? Math.min(100, Math.round((done / total) * 100)) : undefined;
  return (
    <div className="flex flex-col gap-1.5" data-testid="import-progress">
      <p className="text-sm text-slate-700" aria-live="polite">
        {label}
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className={known ? "h-full bg-teal-700 transition-[width]" : "h-full w-1/3 animate-pulse bg-teal-600"} style={known ? { width: `${percent}%` } : undefined} />
      </div>
    </div>
  );
}
