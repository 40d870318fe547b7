import { useTranslation } from 'react-i18next';
import type { DeviceItem, MemberItem } from '../../../shared/repo/views.ts';
import { formatDate } from '../i18n/format.ts';

/**
 * A person's devices in the group, each with a short label to compare between screens; the
 * person (or an admin) may unlink one of several.
 */
export function DeviceList(props: {
  member: MemberItem;
  canUnlink: boolean;
  busy: boolean;
  onUnlink: (device: DeviceItem) => void;
}) {
  const { member } = props;
  const { t } = useTranslation('room');
  return (
    <ul className="device-list" aria-label={t('devicesOf', { name: member.name })}>
      {member.deviceList.map((device) => (
        <li key={device.device}>
          <span className="device-label">
            <code>{device.label}</code>
            {device.thisDevice ? <span className="meta"> {t('thisDevice')}</span> : null}
          </span>
          <span className="meta">{t('added', { date: formatDate(device.addedAt) })}</span>
          {props.canUnlink && !device.thisDevice && member.deviceList.length > 1 ? (
            <button
              type="button"
              className="small danger"
              disabled={props.busy}
              aria-label={t('unlinkDevice', { label: device.label })}
              onClick={() => {
                props.onUnlink(device);
              }}
            >
              {t('unlink')}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
