/**
 * `charter serve` / `npm start`: parse the environment (exit 1 naming each bad
 * variable), build the app, listen on PORT; the gateway module opens GATEWAY_PORT.
 */
import { ConfigError, loadConfig } from './platform/config/app-config';
import { createApp } from './bootstrap';

export async function serve(env: Record<string, string | undefined> = process.env): Promise<number> {
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`charter: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const app = await createApp(config);
  await app.listen(config.http.port, config.http.host);
  const gateway = config.role === 'control' ? '' : `, gateway on http://${config.http.host}:${config.http.gatewayPort}`;
  process.stdout.write(
    `charter: control plane on http://${config.http.host}:${config.http.port}${gateway} (role ${config.role}, ` +
      `database ${config.database.url ? 'postgres' : `pglite at ${config.database.dataDir}`})\n`,
  );
  return 0;
}
