import { Fragment } from 'react';
import type { PaperList, Run } from '../../../shared/domain/paper-model';

/** A paragraph's runs with their bold and italics, as Word shows them. */
export function Runs({ runs }: { runs: readonly Run[] }) {
  return (
    <>
      {runs.map((r, i) => {
        const text = r.italic ? <em>{r.text}</em> : r.text;
        return <Fragment key={i}>{r.bold ? <strong>{text}</strong> : text}</Fragment>;
      })}
    </>
  );
}

/** A paragraph's list: plain indented items, a roman list numbered on across its groups, or bullets. */
export function PaperListView({ list, itemClassName, headingClassName }: { list: PaperList; itemClassName?: string; headingClassName?: string }) {
  const starts = list.groups.map((_, g) => 1 + list.groups.slice(0, g).reduce((n, x) => n + x.items.length, 0));
  return (
    <>
      {list.groups.map((group, g) => {
        const items = group.items.map((item, i) =>
          list.style === 'plain' ? (
            <p key={i} className={itemClassName}>
              <Runs runs={item} />
            </p>
          ) : (
            <li key={i} className={itemClassName}>
              <Runs runs={item} />
            </li>
          ),
        );
        return (
          <Fragment key={g}>
            {group.heading && (
              <p className={headingClassName}>
                <Runs runs={group.heading} />
              </p>
            )}
            {list.style === 'plain' && items}
            {list.style === 'roman' && (
              <ol type="I" start={starts[g]}>
                {items}
              </ol>
            )}
            {list.style === 'bullet' && <ul>{items}</ul>}
          </Fragment>
        );
      })}
    </>
  );
}
