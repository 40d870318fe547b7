// Small line icons for the message toolbar (24×24, drawn in the text colour).
import { LineIcon } from '../app/LineIcon.tsx';

export const ReplyIcon = () => (
  <LineIcon>
    <path d="M9 14 4 9l5-5" />
    <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
  </LineIcon>
);

export const ReactIcon = () => (
  <LineIcon>
    <circle cx="12" cy="12" r="9" />
    <path d="M8.5 14.5a4.5 4.5 0 0 0 7 0" />
    <path d="M9 9.5h.01M15 9.5h.01" strokeWidth="2.6" />
  </LineIcon>
);

export const EditIcon = () => (
  <LineIcon>
    <path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16v4Z" />
    <path d="m13.5 6.5 4 4" />
  </LineIcon>
);

export const CopyIcon = () => (
  <LineIcon>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
  </LineIcon>
);

export const DeleteIcon = () => (
  <LineIcon>
    <path d="M4 7h16" />
    <path d="M10 11v6M14 11v6" />
    <path d="M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12" />
    <path d="M9 7V4h6v3" />
  </LineIcon>
);

export const AddReactionIcon = () => (
  <LineIcon>
    <path d="M20 12a8 8 0 1 1-8-8" />
    <path d="M8.5 14.5a4.5 4.5 0 0 0 7 0" />
    <path d="M9 10h.01M15 10h.01" strokeWidth="2.6" />
    <path d="M19 2v6M16 5h6" />
  </LineIcon>
);

export const ArrowDownIcon = () => (
  <LineIcon>
    <path d="M12 5v14" />
    <path d="m6 13 6 6 6-6" />
  </LineIcon>
);
