import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Caption1, Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import type { SearchHit, SearchKind } from '../../../shared/api/search';
import { call } from '../../api/client';
import { useNavigate, type Route } from '../../navigation';
import { useQuery } from '../../hooks/data';
import { useWindowKeys } from '../../hooks/useWindowKeys';

const useStyles = makeStyles({
  root: { position: 'relative', width: 'min(36rem, 50vw)' },
  input: { width: '100%' },
  popup: {
    position: 'absolute',
    top: 'calc(100% + 4px)',
    left: 0,
    right: 0,
    zIndex: 100,
    maxHeight: '70vh',
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow16,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalXS,
  },
  group: { margin: 0, padding: 0, listStyle: 'none' },
  groupLabel: {
    display: 'block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXS}`,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  option: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusSmall,
    cursor: 'pointer',
    display: 'flex',
    flexDirection: 'column',
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  title: { fontWeight: tokens.fontWeightSemibold },
  snippet: { color: tokens.colorNeutralForeground2 },
  empty: { padding: tokens.spacingHorizontalM },
});

const GROUPS: Array<{ kind: SearchKind; label: string }> = [
  { kind: 'report', label: 'Reports' },
  { kind: 'finding', label: 'Findings' },
  { kind: 'annotation', label: 'Annotations' },
  { kind: 'note', label: 'Notes' },
  { kind: 'text', label: 'In report texts' },
];

/** Waits this long after the last keystroke before asking main, so fast typing sends one query. */
const DEBOUNCE_MS = 120;

function routeOf(hit: SearchHit): Route {
  if (hit.kind === 'note') return { page: 'notes', noteId: hit.id };
  const id = hit.reportId ?? hit.id;
  // A passage of the text: the reader opens at it.
  if (hit.kind === 'text' && hit.anchor) return { page: 'report', id, anchor: { start: hit.anchor.start, end: hit.anchor.end } };
  if (hit.kind === 'finding') return { page: 'report', id, findingId: hit.id };
  if (hit.kind === 'annotation') return { page: 'report', id, annotationId: hit.id };
  if (hit.anchor) return { page: 'report', id, anchor: hit.anchor };
  return { page: 'report', id };
}

const inTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null);

/**
 * One search box for reports, findings, annotations, notes and passages of report texts: results as the
 * officer types, grouped by kind, arrow keys to move, Enter to open (a passage opens the report at it).
 * Ctrl+K or / from anywhere puts the cursor here.
 */
export function GlobalSearch() {
  const styles = useStyles();
  const navigate = useNavigate();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  // What main is asked: the box's words once typing pauses. A write touching what was found asks again.
  const [asked, setAsked] = useState('');
  const search = useQuery('search.query', { q: asked, limit: 40 }, asked.trim() !== '');
  const shown = q.trim() !== '' && asked.trim() !== '';
  const hits = useMemo<SearchHit[] | null>(() => (shown ? (search.data ?? (search.error ? [] : null)) : null), [shown, search.data, search.error]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const warmed = useRef(false);

  useWindowKeys((e) => {
    const ctrlK = (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k';
    const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !inTextField(e.target);
    if (!ctrlK && !slash) return;
    e.preventDefault();
    input.current?.focus();
    input.current?.select();
  });

  useEffect(() => {
    const timer = setTimeout(() => setAsked(q), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);

  useEffect(() => setActive(0), [search.data]);

  // Results in the order they are shown: grouped by kind, best first within each group.
  const ordered = useMemo(() => GROUPS.flatMap((g) => (hits ?? []).filter((h) => h.kind === g.kind)), [hits]);
  const optionId = (i: number) => `${listId}-option-${i}`;
  const showing = open && hits !== null;

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    input.current?.blur();
    navigate(routeOf(hit));
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (ordered.length === 0) return;
      const next = (active + (e.key === 'ArrowDown' ? 1 : -1) + ordered.length) % ordered.length;
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(ordered[active]);
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
      } else setQ('');
    }
  };

  return (
    <div className={styles.root} role="search">
      <Input
        ref={input}
        className={styles.input}
        type="search"
        value={q}
        placeholder="Search reports and their text, findings, annotations, notes (Ctrl+K)"
        contentBefore={<SearchRegular aria-hidden />}
        aria-label="Search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showing}
        aria-controls={listId}
        aria-activedescendant={showing && ordered.length > 0 ? optionId(active) : undefined}
        onChange={(_e, d) => {
          setQ(d.value);
          setOpen(true);
        }}
        onFocus={() => {
          setOpen(true);
          // The first query builds main's index (seconds with tens of thousands of notes): start it now.
          if (!warmed.current) void call('search.query', { q: '' });
          warmed.current = true;
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showing && (
        <div className={styles.popup} id={listId} role="listbox" aria-label="Search results">
          {ordered.length === 0 && <Caption1 className={styles.empty}>Nothing found for “{q.trim()}”.</Caption1>}
          {GROUPS.map((group) => {
            const inGroup = ordered.filter((h) => h.kind === group.kind);
            if (inGroup.length === 0) return null;
            const labelId = `${listId}-${group.kind}`;
            return (
              <ul key={group.kind} role="group" aria-labelledby={labelId} className={styles.group}>
                <li role="presentation" id={labelId} className={styles.groupLabel}>
                  {group.label}
                </li>
                {inGroup.map((hit) => {
                  const i = ordered.indexOf(hit);
                  return (
                    <li
                      key={`${hit.kind}:${hit.id}`}
                      id={optionId(i)}
                      role="option"
                      aria-selected={i === active}
                      className={mergeClasses(styles.option, i === active && styles.active)}
                      // Keeps focus in the box, so the click does not close the list before it lands.
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseEnter={() => setActive(i)}
                      onClick={() => choose(hit)}
                    >
                      <span className={styles.title}>{hit.title}</span>
                      <Caption1 className={styles.snippet}>
                        {hit.reportTitle && hit.kind !== 'report' && hit.kind !== 'text' ? `${hit.reportTitle} · ` : ''}
                        {hit.snippet}
                      </Caption1>
                    </li>
                  );
                })}
              </ul>
            );
          })}
        </div>
      )}
    </div>
  );
}
