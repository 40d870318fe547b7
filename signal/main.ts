/**
 * `npm run signal -- [--host H] [--port P] [limit flags]`: runs the signaling server until
 * SIGINT or SIGTERM. `--help` lists every flag, its env variable and its default.
 */
import { configFromArgs, usage } from './limits.ts';
import { createSignalServer } from './server.ts';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.info(usage());
    return 0;
  }
  const config = configFromArgs(argv, process.env);
  if (!config.ok) {
    console.error(`signal: ${config.error}\n\n${usage()}`);
    return 2;
  }
  const { host, port, trustProxy, limits } = config.value;
  const server = await createSignalServer({ host, port, trustProxy, limits });
  console.info(`Fellows signaling server listening on ${server.url}`);

  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      console.info(`signal: ${signal}, closing`);
      process.once(signal, () => process.exit(130)); // a second Ctrl-C does not wait
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`signal: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
