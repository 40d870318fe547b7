import { wrtc } from './env.ts';
import type { Network } from '../../shared/repo/network.ts';
import { createNetworkHost } from '../../renderer/src/sync/network-host.ts';

/**
 * The app's real network host (y-webrtc rooms with the blob channel, the signaling pub/sub),
 * in this process, as the core's `Network` port: what `remoteNetwork` does through Comlink
 * in the app, called directly. No STUN: peers reach each other on loopback.
 */
export function nodeNetwork() {
  const host = createNetworkHost({ iceServers: [], wrtc });
  const network: Network = {
    connect(target, linkHost) {
      const id = host.connect(target, linkHost);
      return {
        broadcast: (blobs) => {
          host.broadcast(id, blobs);
        },
        offer: () => {
          host.offer(id);
        },
        publishHeads: (record) => {
          host.publishHeads(id, record);
        },
        setPresence: (state) => {
          host.setPresence(id, state);
        },
        close: (forget) => {
          host.close(id, forget);
        },
      };
    },
    subscribe(urls, topic, onMessage) {
      const id = host.subscribe([...urls], topic, onMessage);
      return () => {
        host.unsubscribe(id);
      };
    },
    publish(urls, topic, bytes) {
      host.publish([...urls], topic, bytes);
    },
  };
  return { network, host };
}
