import * as Comlink from 'comlink';
import type { Network } from '../../../shared/repo/network.ts';
import type { NetworkHost } from './network-host.ts';
import { warnFailed } from './warn.ts';

/** The worker's side of the network: every call goes to the UI thread, where WebRTC lives. */
export function remoteNetwork(host: Comlink.Remote<NetworkHost>): Network {
  return {
    connect(target, sessionHost) {
      const id = host.connect(target, Comlink.proxy(sessionHost));
      return {
        broadcast(blobs) {
          id.then((link) => host.broadcast(link, blobs)).catch(warnFailed('pushing blobs'));
        },
        offer() {
          id.then((link) => host.offer(link)).catch(warnFailed('offering a catch-up'));
        },
        publishHeads(record) {
          id.then((link) => host.publishHeads(link, record)).catch(warnFailed('writing our heads'));
        },
        setPresence(state) {
          id.then((link) => host.setPresence(link, state)).catch(
            warnFailed('setting our presence'),
          );
        },
        close(forget) {
          id.then((link) => host.close(link, forget === true)).catch(warnFailed('leaving a room'));
        },
      };
    },
    subscribe(urls, topic, onMessage) {
      const id = host.subscribe([...urls], topic, Comlink.proxy(onMessage));
      return () => {
        id.then((sub) => host.unsubscribe(sub)).catch(warnFailed('unsubscribing'));
      };
    },
    publish(urls, topic, bytes) {
      host.publish([...urls], topic, bytes).catch(warnFailed('publishing'));
    },
  };
}
