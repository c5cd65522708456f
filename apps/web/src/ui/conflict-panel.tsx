import type { ReactNode } from 'react';

/** One field that differs: its label, what the person typed and what was saved meanwhile. */
export interface ConflictRow {
  field: string;
  label: ReactNode;
  mine: ReactNode;
  theirs: ReactNode;
}

/**
 * A version conflict (decision 206): the fields where the person's edit and the saved version differ, side
 * by side, with "keep mine" (save over the new version) and "take theirs" (load it into the form). The
 * table scrolls sideways on a phone and can be scrolled from the keyboard (it takes focus).
 */
export function ConflictPanel({
  id,
  heading: Heading = 'h2',
  text,
  rows,
  busy,
  onKeepMine,
  onTakeTheirs,
}: {
  /** The heading's id, unique on the page. */
  id: string;
  heading?: 'h2' | 'h3';
  text: { title: string; intro: string; same: string; caption: string; field: string; mine: string; theirs: string; keepMine: string; takeTheirs: string };
  rows: ConflictRow[];
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  return (
    <section className="conflict card" aria-labelledby={id} role="region">
      <Heading id={id}>{text.title}</Heading>
      <p>{text.intro}</p>
      {rows.length === 0 ? (
        <p>{text.same}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={text.caption}>
          <table>
            <caption className="visually-hidden">{text.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.field}</th>
                <th scope="col">{text.mine}</th>
                <th scope="col">{text.theirs}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.field} data-field={row.field}>
                  <th scope="row">{row.label}</th>
                  <td className="mine">{row.mine}</td>
                  <td className="theirs">{row.theirs}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="buttons">
        <button type="button" className="button primary" onClick={onKeepMine} disabled={busy}>
          {text.keepMine}
        </button>
        <button type="button" className="button" onClick={onTakeTheirs}>
          {text.takeTheirs}
        </button>
      </div>
    </section>
  );
}
