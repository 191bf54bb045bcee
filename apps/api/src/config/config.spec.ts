import { availableParallelism } from 'node:os';
import { ConfigError, defaultPoolSize, loadConfig } from './config.js';

describe('database pool settings', () => {
  it('lets two groups of creates commit at once by default, never more groups than connections', () => {
    expect(loadConfig({}).databaseWriteGroups).toBe(2);
    expect(loadConfig({ DATABASE_WRITE_GROUPS: '4', DATABASE_POOL_SIZE: '8' }).databaseWriteGroups).toBe(4);
    expect(() => loadConfig({ DATABASE_WRITE_GROUPS: '9', DATABASE_POOL_SIZE: '8' })).toThrow(
      /DATABASE_WRITE_GROUPS.*DATABASE_POOL_SIZE/,
    );
    expect(() => loadConfig({ DATABASE_WRITE_GROUPS: '0' })).toThrow(/DATABASE_WRITE_GROUPS/);
  });

  it('is a fixed pool of twice the cores plus two by default, 6 to 20: every connection opened at start and kept', () => {
    expect([1, 2, 4, 8, 9, 64].map(defaultPoolSize)).toEqual([6, 6, 10, 18, 20, 20]);
    const size = defaultPoolSize(availableParallelism());
    expect(loadConfig({}).databasePool).toEqual({ size, min: size });
  });

  it('takes a size, and a minimum below it that keeps fewer connections open when idle', () => {
    expect(loadConfig({ DATABASE_POOL_SIZE: '8' }).databasePool).toEqual({ size: 8, min: 8 });
    expect(loadConfig({ DATABASE_POOL_SIZE: '8', DATABASE_POOL_MIN: '0' }).databasePool).toEqual({ size: 8, min: 0 });
  });

  it('refuses a minimum above the size, naming both settings', () => {
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '4', DATABASE_POOL_MIN: '5' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '4', DATABASE_POOL_MIN: '5' })).toThrow(
      /DATABASE_POOL_MIN.*DATABASE_POOL_SIZE/,
    );
  });

  it('refuses a size that is not a number in range', () => {
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '1' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: 'many' })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
