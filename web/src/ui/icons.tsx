/** Small inline icons (no icon font, no network). Decorative: always aria-hidden. */
import type { ReactNode } from 'react';

const icon = (path: ReactNode) =>
  function Icon(): ReactNode {
    return (
      <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        {path}
      </svg>
    );
  };

export const PencilIcon = icon(<path d="M11.3 1.7a1 1 0 0 1 1.4 0l1.6 1.6a1 1 0 0 1 0 1.4L5.6 13.4 2 14l.6-3.6 8.7-8.7zM3.9 11l-.3 1.4 1.4-.3 7.6-7.6-1.1-1.1L3.9 11z" />);
export const TrashIcon = icon(<path d="M6 1h4l.5 1H14v1.5H2V2h3.5L6 1zM3 4.5h10l-.8 10a1 1 0 0 1-1 .9H4.8a1 1 0 0 1-1-.9L3 4.5zm2.5 2v7h1v-7h-1zm4 0v7h1v-7h-1z" />);
export const FilterIcon = icon(<path d="M1.5 2h13L9.5 8.2V13l-3 1.5V8.2L1.5 2z" />);
export const CloseIcon = icon(<path d="M3.5 2.4 8 6.9l4.5-4.5 1.1 1.1L9.1 8l4.5 4.5-1.1 1.1L8 9.1l-4.5 4.5-1.1-1.1L6.9 8 2.4 3.5l1.1-1.1z" />);
export const PlayIcon = icon(<path d="M4 2.5v11L13 8 4 2.5z" />);
export const DownloadIcon = icon(<path d="M7.3 1.5h1.4v7.3l2.6-2.6 1 1L8 11.5 3.7 7.2l1-1 2.6 2.6V1.5zM2 13h12v1.5H2V13z" />);
