/**
 * The Content-Security-Policy for every page of the app, in Electron and on the web host
 * alike. Scripts, styles and workers come only from the app itself; nothing may be framed,
 * embedded or posted. Network connections go to the app's own origin and to the endpoints
 * passed in: the signaling servers the person can see in Settings, and nothing else.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...connectSources.filter(isConnectSource)],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'media-src': ["'none'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'child-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'none'"],
    'base-uri': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * Every group names its own signaling servers, and an invite can bring a new one, so a page
 * cannot know them all when it loads: the hosts allow the WebSocket schemes and the app's
 * own code dials only the servers a person confirmed (DESIGN §6). With `script-src 'self'`
 * no other code runs to use the breadth.
 */
export const SIGNALING_SCHEMES = ['ws:', 'wss:'] as const;

/** A source is a ws/wss/http/https origin or a WebSocket scheme: no wildcards, keywords or `;`. */
function isConnectSource(source: string): boolean {
  if ((SIGNALING_SCHEMES as readonly string[]).includes(source)) return true;
  return (
    /^(wss?|https?):\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(source) ||
    /^(wss?|https?):\/\/\[[0-9a-f:]+\](:\d{1,5})?$/i.test(source)
  );
}
