import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import { DocumentTableArrowRightRegular } from '@fluentui/react-icons';
import type { RegisterFilter } from '../../../shared/domain/views';
import { useSaveFile } from '../../hooks/useSaveFile';

/** "Export findings register (.xlsx)": every finding, or only those the given filter keeps. */
export function ExportRegisterButton({ filter }: { filter?: RegisterFilter }) {
  const saveFile = useSaveFile();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DocumentTableArrowRightRegular />}
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void saveFile('register.export', { filter }, 'Exported').finally(() => setBusy(false));
      }}
    >
      Export findings register (.xlsx)
    </Button>
  );
}
