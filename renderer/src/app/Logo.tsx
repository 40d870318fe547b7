/** The Fellows mark: three overlapping circles, a small group. */
export function Logo(props: { size?: number }) {
  const size = props.size ?? 28;
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" className="logo">
      <circle cx="11" cy="12" r="7" className="logo-a" />
      <circle cx="21" cy="12" r="7" className="logo-b" />
      <circle cx="16" cy="21" r="7" className="logo-c" />
    </svg>
  );
}
