import type { SaveOutcome } from '../../shared/api/files';

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Completes a save: nothing to do in the desktop app (main wrote it); a download in the browser host. */
export function finishSave(outcome: SaveOutcome): string | null {
  if (outcome.status === 'cancelled') return null;
  if (outcome.status === 'saved') return outcome.path;
  const bytes = Uint8Array.from(atob(outcome.dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: outcome.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = outcome.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return outcome.fileName;
}
