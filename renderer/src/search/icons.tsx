import { LineIcon } from '../app/LineIcon.tsx';

/** A magnifying glass, drawn in the text colour. */
export function SearchIcon() {
  return (
    <LineIcon className="search-icon">
      <circle cx="11" cy="11" r="6.5" />
      <path d="m16 16 4 4" />
    </LineIcon>
  );
}
