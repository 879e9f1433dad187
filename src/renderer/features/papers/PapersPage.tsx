import { useState } from 'react';
import { PaperEditor } from './PaperEditor';
import { PapersList } from './PapersList';

export function PapersPage() {
  const [openId, setOpenId] = useState<string | null>(null);
  if (openId) return <PaperEditor id={openId} onClose={() => setOpenId(null)} />;
  return <PapersList onOpen={setOpenId} />;
}
