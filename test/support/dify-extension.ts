import type { IncomingMessage } from 'node:http';
import { startLocalServer, type LocalServer } from './local-server.js';

export type ExtensionBehaviour = 'ok' | 'status500' | 'notJson' | 'hang' | 'wrongShape';

export interface DifyExtensionServer extends LocalServer {
  apiKey: string;
  /** How the next requests are answered (ping included). */
  behaviour: ExtensionBehaviour;
  requests: Array<{ authorization?: string; body: { point: string; params: Record<string, any> } }>;
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * An endpoint written to Dify's API-based extension documentation, as users deploy them:
 * Bearer key check, `ping`, an external data tool answering the weather for `inputs.location`,
 * input moderation blocking "badword", output moderation overriding "secret".
 */
export async function startDifyExtension(apiKey = 'dify-extension-key'): Promise<DifyExtensionServer> {
  const state = { behaviour: 'ok' as ExtensionBehaviour, requests: [] as DifyExtensionServer['requests'] };
  const server = await startLocalServer(async (req, res) => {
    const body = await readJson(req);
    state.requests.push({ authorization: req.headers.authorization, body });
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unauthorized' }));
      return;
    }
    if (state.behaviour === 'hang') return; // never answers
    if (state.behaviour === 'status500') return void res.writeHead(500).end('boom');
    if (state.behaviour === 'notJson') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"result": "pong"');
    const json = (value: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (state.behaviour === 'wrongShape' && body.point !== 'ping') return void json({ answer: 42 });
    const { point, params } = body;
    switch (point) {
      case 'ping':
        return void json({ result: 'pong' });
      case 'app.external_data_tool.query':
        return void json({ result: `City: ${params.inputs.location}\nTemperature: 10°C\nWeather: Sunny (${params.tool_variable})` });
      case 'app.moderation.input':
        return void json(
          String(params.query).includes('badword') ? { flagged: true, action: 'direct_output', preset_response: 'Your content violates our usage policy.' } : { flagged: false, action: 'direct_output' },
        );
      case 'app.moderation.output':
        return void json(String(params.text).includes('secret') ? { flagged: true, action: 'overridden', text: String(params.text).replaceAll('secret', '******') } : { flagged: false, action: 'direct_output' });
      default:
        return void res.writeHead(400).end();
    }
  });
  return {
    url: server.url,
    close: () => server.close(),
    apiKey,
    requests: state.requests,
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(value: ExtensionBehaviour) {
      state.behaviour = value;
    },
  };
}
