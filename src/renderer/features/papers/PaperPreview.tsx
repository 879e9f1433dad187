import { useEffect, useRef } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { PaperModel } from '../../../shared/domain/paper-model';
import placeholderLogo from '../../../../resources/logo.png';
import { useQuery } from '../../hooks/data';
import { PaperListView, Runs } from './PaperRuns';

const NAVY = '#1F3864';

const useStyles = makeStyles({
  desk: {
    maxHeight: 'calc(100vh - 200px)',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground4,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
  },
  // An A4 page at a readable scale: Arial 12 pt body, 2.54 cm margins, as the .docx is laid out.
  page: {
    backgroundColor: '#ffffff',
    color: '#000000',
    boxShadow: tokens.shadow8,
    margin: '0 auto',
    maxWidth: '640px',
    minHeight: '905px',
    padding: '40px 60px 56px',
    fontFamily: 'Arial, "Liberation Sans", Helvetica, sans-serif',
    fontSize: '12px',
    lineHeight: 1.35,
    boxSizing: 'border-box',
    '& p': { margin: '0 0 6px' },
    '& ol, & ul': { margin: '0 0 6px', paddingLeft: '48px' },
    '& li': { marginBottom: '4px' },
  },
  logoRow: { display: 'flex', justifyContent: 'flex-end', alignItems: 'flex-start', gap: '12px', minHeight: '8px' },
  agenda: { fontWeight: 700, marginRight: 'auto' },
  stale: { outline: `2px dashed ${tokens.colorPaletteMarigoldBorder2}`, outlineOffset: '2px' },
  logo: { height: '44px' },
  strapline: { color: NAVY, fontWeight: 700, fontSize: '16px', textAlign: 'right', whiteSpace: 'pre-line', marginBottom: '18px !important' },
  memo: { display: 'grid', gridTemplateColumns: '56px 1fr', rowGap: '2px', marginBottom: '12px' },
  memoLabel: { fontWeight: 700 },
  title: { fontWeight: 700, fontSize: '14px', margin: '12px 0 !important' },
  section: { fontWeight: 700, marginTop: '12px !important' },
  numbered: { display: 'grid', gridTemplateColumns: '36px 1fr', marginBottom: '8px' },
  edited: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  item: { marginTop: '4px !important' },
  table: { borderCollapse: 'collapse', width: '100%', marginTop: '4px', '& td': { border: '1px solid #808080', padding: '4px 6px', verticalAlign: 'top' } },
  label: { backgroundColor: '#F2F2F2', fontWeight: 700, width: '28%' },
});

/** The paper as it will print, from the same model the .docx is written from; the officer's own wording is highlighted. */
export function PaperPreview({ model, logo, focusKey }: { model: PaperModel; logo: boolean; focusKey: string | null }) {
  const styles = useStyles();
  const desk = useRef<HTMLDivElement>(null);
  const own = useQuery('settings.logo', {}, logo);
  const logoSrc = own.data ? `data:image/${own.data.type === 'jpg' ? 'jpeg' : 'png'};base64,${own.data.dataBase64}` : placeholderLogo;
  // Keep the paragraph being edited in view, without scrolling the editor beside it.
  useEffect(() => {
    const box = desk.current;
    const target = focusKey ? box?.querySelector<HTMLElement>(`[data-paragraph="${focusKey}"]`) : null;
    if (!box || !target) return;
    const top = target.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3) });
  }, [focusKey]);
  return (
    <div className={styles.desk} ref={desk} tabIndex={0} role="region" aria-label="Preview of the paper, as it will print">
      <article className={styles.page} data-testid="paper-preview">
        <div className={styles.logoRow}>
          {model.header.agendaItem && <span className={styles.agenda}>Agenda Item: {model.header.agendaItem}</span>}
          {logo && !own.loading && <img className={styles.logo} src={logoSrc} alt="Force logo" data-testid="paper-logo" />}
        </div>
        <p className={styles.strapline}>{model.header.strapline}</p>
        <div className={styles.memo}>
          <span className={styles.memoLabel}>To:</span>
          <span>{model.header.to}</span>
          <span className={styles.memoLabel}>From:</span>
          <span>{model.header.from}</span>
          <span className={styles.memoLabel}>Date:</span>
          <span>{model.header.date}</span>
        </div>
        <p className={styles.title}>{model.title}</p>
        {model.sections.map((section) => (
          <section key={section.number} aria-label={`${section.number}. ${section.heading}`}>
            <p className={styles.section}>
              {section.number}. {section.heading}
            </p>
            {section.paragraphs.map((p) => (
              <div key={p.key} className={styles.numbered} data-paragraph={p.key}>
                <span>{p.key}</span>
                <div>
                  <p
                    className={[p.origin === 'edited' ? styles.edited : '', p.origin === 'edited' && p.stale ? styles.stale : ''].join(' ')}
                    title={p.origin === 'edited' ? (p.stale ?? 'In your own words') : undefined}
                  >
                    <Runs runs={p.runs} />
                  </p>
                  {p.list && <PaperListView list={p.list} itemClassName={styles.item} headingClassName={styles.item} />}
                </div>
              </div>
            ))}
          </section>
        ))}
        <p className={styles.section}>BIBLIOGRAPHY</p>
        <table className={styles.table}>
          <tbody>
            {model.bibliography.map((row) => (
              <tr key={row.label}>
                <td className={styles.label}>{row.label}</td>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </article>
    </div>
  );
}
