import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import { DocumentTableArrowRightRegular } from '@fluentui/react-icons';
import type { RegisterFilter } from '../../../shared/domain/views';
import { useSaveExport } from './useSaveExport';

/** "Export findings register (.xlsx)": every finding, or only those the given filter keeps. */
export function ExportRegisterButton({ filter }: { filter?: RegisterFilter }) {
  const saveExport = useSaveExport();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DocumentTableArrowRightRegular />}
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void saveExport('register.export', { filter }).finally(() => setBusy(false));
      }}
    >
      Export findings register (.xlsx)
    </Button>
  );
}
