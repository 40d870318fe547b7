import type { DeviceItem, MemberItem } from '../../../shared/repo/views.ts';

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

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
  return (
    <ul className="device-list" aria-label={`Devices of ${member.name}`}>
      {member.deviceList.map((device) => (
        <li key={device.device}>
          <span className="device-label">
            <code>{device.label}</code>
            {device.thisDevice ? <span className="meta"> this device</span> : null}
          </span>
          <span className="meta">added {dayFormat.format(device.addedAt)}</span>
          {props.canUnlink && !device.thisDevice && member.deviceList.length > 1 ? (
            <button
              type="button"
              className="small danger"
              disabled={props.busy}
              aria-label={`Unlink device ${device.label}`}
              onClick={() => {
                props.onUnlink(device);
              }}
            >
              Unlink
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
