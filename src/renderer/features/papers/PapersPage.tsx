import { useState } from 'react';
import { PaperEditor } from './PaperEditor';
import { PapersList } from './PapersList';
import { ProgressPaperEditor } from './ProgressPaperEditor';

type Open = { kind: 'publication' | 'progress'; id: string } | null;

export function PapersPage() {
  const [open, setOpen] = useState<Open>(null);
  if (open?.kind === 'publication') return <PaperEditor id={open.id} onClose={() => setOpen(null)} />;
  if (open?.kind === 'progress') return <ProgressPaperEditor id={open.id} onClose={() => setOpen(null)} />;
  return <PapersList onOpen={(id) => setOpen({ kind: 'publication', id })} onOpenProgress={(id) => setOpen({ kind: 'progress', id })} />;
}
