/** The label running live coverage carries wherever readers meet it; the follower removes it when coverage ends. */
export function LiveLabel() {
  return (
    <span data-live-label className="inline-block rounded-sm bg-accent px-1.5 py-0.5 font-sans text-xs font-bold tracking-wider text-white uppercase">
      Live
    </span>
  );
}
