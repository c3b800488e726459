interface LoadingStateProps {
  /** Translated text read by screen readers and shown next to the spinner. */
  label: string;
}

/** A spinner with a visible, announced label (the spinner stands still when motion is reduced). */
export function LoadingState({ label }: LoadingStateProps) {
  return (
    <div className="state state--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
