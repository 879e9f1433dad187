import { Notification, type BrowserWindow } from 'electron';

/**
 * The reminder as a system notification with "Open" and "Snooze" buttons (macOS and Windows show buttons;
 * elsewhere clicking the notification opens, and the in-app banner offers Snooze). Resolves with the
 * officer's choice; opening brings the window to the front.
 */
export function reminderNotifier(getWindow: () => BrowserWindow | null) {
  return (notice: { title: string; body: string }): Promise<'open' | 'snooze' | 'dismissed'> =>
    new Promise((resolve) => {
      if (!Notification.isSupported()) return resolve('dismissed');
      const notification = new Notification({
        title: notice.title,
        body: notice.body,
        actions: [
          { type: 'button', text: 'Open' },
          { type: 'button', text: 'Snooze' },
        ],
        closeButtonText: 'Dismiss',
      });
      const open = () => {
        const window = getWindow();
        if (window) {
          if (window.isMinimized()) window.restore();
          window.focus();
        }
        resolve('open');
      };
      notification.on('click', open);
      notification.on('action', (_event, index) => (index === 0 ? open() : resolve('snooze')));
      notification.on('close', () => resolve('dismissed'));
      notification.on('failed', () => resolve('dismissed'));
      notification.show();
    });
}
