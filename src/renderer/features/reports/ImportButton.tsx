import { useRef } from 'react';
import { Button } from '@fluentui/react-components';
import { ArrowImportRegular } from '@fluentui/react-icons';
import { ACCEPTED_TYPES } from './useImport';

export function ImportButton({ onFiles, disabled, appearance = 'primary' }: {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  appearance?: 'primary' | 'secondary';
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button appearance={appearance} icon={<ArrowImportRegular />} disabled={disabled} onClick={() => input.current?.click()}>
        Import a document…
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPTED_TYPES}
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid="import-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </>
  );
}
