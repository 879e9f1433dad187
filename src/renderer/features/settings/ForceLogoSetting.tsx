import { useRef } from 'react';
import { Button, Caption1, Field, makeStyles, Switch, tokens } from '@fluentui/react-components';
import { ImageAddRegular, ImageOffRegular } from '@fluentui/react-icons';
import { fileToBase64 } from '../../api/files';
import { useAction, useErrorToast, useQuery } from '../../hooks/data';
import placeholderLogo from '../../../../resources/logo.png';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  logo: { height: '56px', maxWidth: '200px', objectFit: 'contain', border: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalXS },
});

const MAX_BYTES = 2 * 1024 * 1024;

/**
 * The force's own logo for the papers' header: a PNG, JPEG or SVG, checked by main (its real type, size and
 * dimensions; an SVG drawn as a picture so no script in it reaches Word or this window) and kept in the data
 * folder. Without one, papers carry the app's placeholder shield.
 */
export function ForceLogoSetting({ include, onInclude }: { include: boolean; onInclude: (on: boolean) => void }) {
  const styles = useStyles();
  const act = useAction();
  const showError = useErrorToast();
  const logo = useQuery('settings.logo', {});
  const input = useRef<HTMLInputElement>(null);
  const own = logo.data;
  const src = own ? `data:image/${own.type === 'jpg' ? 'jpeg' : 'png'};base64,${own.dataBase64}` : placeholderLogo;
  return (
    <Field label="Force logo" hint="In the header of every board paper. PNG, JPEG or SVG, under 2 MB; it is kept in the data folder.">
      <div className={styles.row}>
        <img className={styles.logo} src={src} alt={own ? `The force logo (${own.fileName})` : 'The placeholder shield'} data-testid="settings-logo" />
        <Caption1>{own ? `${own.fileName}${own.from === 'svg' ? ' (drawn from the SVG)' : ''}` : 'The placeholder shield'}</Caption1>
        <Button icon={<ImageAddRegular />} onClick={() => input.current?.click()}>
          Choose the force’s logo…
        </Button>
        {own && (
          <Button icon={<ImageOffRegular />} onClick={() => void act('settings.clearLogo', {}, 'Back to the placeholder shield')}>
            Use the placeholder
          </Button>
        )}
        <input
          ref={input}
          type="file"
          accept=".png,.jpg,.jpeg,.svg,image/png,image/jpeg,image/svg+xml"
          hidden
          aria-hidden="true"
          tabIndex={-1}
          data-testid="logo-input"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            if (file.size > MAX_BYTES) {
              showError(`${file.name} is ${(file.size / 1048576).toFixed(1)} MB; a logo must be under 2 MB.`);
              return;
            }
            await act('settings.setLogo', { fileName: file.name, dataBase64: await fileToBase64(file) }, `Logo set from ${file.name}`);
          }}
        />
      </div>
      <Switch label="Include the force logo" checked={include} onChange={(_e, d) => onInclude(d.checked)} />
    </Field>
  );
}
