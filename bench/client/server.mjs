// The local server of the client benchmark: answers every request with the same small card, and prints its port.
import { createServer } from 'node:http';

import { cardBody as body } from './card.mjs';

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('disconnect', () => server.close(() => process.exit(0)));
