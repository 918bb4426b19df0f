// The HTTP baseline: raw Fastify answering hello world, nothing else in the way.
import Fastify from 'fastify';
import { serveParent } from '../processes.ts';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
serveParent({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 }, {});
