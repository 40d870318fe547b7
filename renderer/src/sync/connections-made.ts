/**
 * How many peer connections this page has made: Chromium allows ~500 per page lifetime. Apart
 * from the WebRTC host so that the UI can read it without loading WebRTC and Yjs at start.
 */
let made = 0;

export const peerConnectionsMade = () => made;

export function countPeerConnections(added: number): void {
  made += added;
}
