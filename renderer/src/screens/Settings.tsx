import { useState } from 'react';
import { Confirm } from '../app/Confirm.tsx';
import { requestErase } from '../app/erase.ts';
import { useSettings } from '../settings/app-settings.ts';
import { ServerList } from '../settings/ServerList.tsx';
import { KeysSection } from '../settings/KeysSection.tsx';
import { LinkDeviceSection } from '../settings/LinkDeviceSection.tsx';
import { stunServersInUse } from '../sync/client.ts';

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((url, i) => url === b[i]);
}

/**
 * This device's settings: the only servers Fellows contacts are the ones listed here and the
 * ones each group names (README, "What Fellows promises").
 */
export function Settings(props: { onClose: () => void }) {
  const settings = useSettings();
  const inUse = stunServersInUse();
  const stunPending = inUse !== null && !sameList(inUse, settings.stun);

  return (
    <div className="settings">
      <header className="settings-header">
        <h1 id="settings-heading">Settings</h1>
        <button type="button" className="small" onClick={props.onClose}>
          Close
        </button>
      </header>
      <p className="lede">
        Fellows contacts only the servers listed here and the ones your groups name. None of them
        ever sees a message.
      </p>

      <ServerList
        kind="signaling"
        title="Signaling servers for new groups"
        fieldLabel="Add a signaling server"
        placeholder="wss://signal.example.org"
        empty="No signaling server: members of a group you create now could not find each other or let anyone in."
      >
        <p className="hint">
          A signaling server introduces your devices to other members’ devices: it sees that two
          devices want to meet, never your messages.
        </p>
        <p className="hint">
          New groups use these and name them in their invites. Groups you already have keep their
          own servers (see “Group info” in a conversation).
        </p>
      </ServerList>

      <ServerList
        kind="stun"
        title="STUN servers"
        fieldLabel="Add a STUN server"
        placeholder="stun:stun.example.org:3478"
        empty="None. Without one, members’ laptops find each other only on the same network."
      >
        <p className="hint">
          A STUN server helps find a path between laptops on different networks; it sees your IP
          address.
        </p>
        <p className="hint">Used by all your groups. Changes apply after Fellows restarts.</p>
      </ServerList>
      {stunPending ? (
        <div className="notice notice-info settings-restart" role="status">
          <span>The new STUN servers apply after a restart.</span>
          <button
            type="button"
            className="small"
            onClick={() => {
              window.location.reload();
            }}
          >
            Restart now
          </button>
        </div>
      ) : null}
      <LinkDeviceSection />
      <KeysSection />
      <EraseSection />
    </div>
  );
}

/** Deleting everything Fellows keeps on this device, after saying what that means. */
function EraseSection() {
  const [asking, setAsking] = useState(false);
  return (
    <section className="settings-section erase-section" aria-labelledby="erase-heading">
      <h2 id="erase-heading">This device</h2>
      <p className="hint">
        Fellows keeps your name, your keys and your groups only on this device, sealed.
      </p>
      {asking ? (
        <Confirm
          title="Delete everything Fellows keeps on this device?"
          detail="Your name and keys, and every group and message on this device, are deleted. Your groups go on on the other members’ devices; to take part again you would need a new invite. This cannot be undone."
          confirmLabel="Delete everything"
          danger
          busy={false}
          onCancel={() => {
            setAsking(false);
          }}
          onConfirm={() => {
            requestErase({
              sessionStorage: window.sessionStorage,
              reload: () => {
                window.location.reload();
              },
            });
          }}
        />
      ) : (
        <button
          type="button"
          className="danger"
          onClick={() => {
            setAsking(true);
          }}
        >
          Delete Fellows from this device
        </button>
      )}
    </section>
  );
}
