import type pg from 'pg';

export const LEFTOVER_AFTER_MS: number;
export function newRunId(now?: number): string;
export function templateName(run: string): string;
export function testDatabaseName(run: string): string;
export function leftoverDatabases(names: readonly string[], now?: number): string[];
export function dropDatabase(client: pg.Client, name: string): Promise<void>;
export function dropRunDatabases(client: pg.Client, run: string): Promise<void>;
export function dropLeftoverDatabases(client: pg.Client, now?: number): Promise<void>;
