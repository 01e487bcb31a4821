import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineConnector } from './connector';
import { connectorsRoutes } from './routes';

describe('connectorsRoutes', () => {
  it('lists the built-in connectors', async () => {
    const response = await connectorsRoutes().request('/');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([{ id: 'http-file', name: 'CSV or JSON file from a URL' }]);
  });

  it('lists the connectors it is given', async () => {
    const other = defineConnector({
      id: 'fixed',
      name: 'Fixed rows',
      configSchema: z.object({}),
      check: async () => {},
      discover: async () => [{ name: 'rows' }],
      async *read() {
        yield { columns: ['a'], rows: [[1]] };
      },
    });
    const response = await connectorsRoutes({ connectors: [other] }).request('/');
    expect(await response.json()).toEqual([{ id: 'fixed', name: 'Fixed rows' }]);
  });
});
