/** "Show more" under a paged list, with how many of the total are shown; nothing once all are. */
export function ShowMore({
  pageInfo,
  fetching,
  label,
  shown,
  onMore,
}: {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  fetching: boolean;
  label: string;
  /** "N of M shown", when the list has a total. */
  shown?: string;
  onMore: (cursor: string | null) => void;
}) {
  if (!pageInfo.hasNextPage) return null;
  return (
    <p className="pager">
      <button type="button" className="button" disabled={fetching} onClick={() => onMore(pageInfo.endCursor ?? null)}>
        {label}
      </button>
      {shown && <span className="meta">{shown}</span>}
    </p>
  );
}
