export const LEFTOVER_AFTER_MS: number;
export function newRunId(now?: number): string;
export function templateName(run: string): string;
export function testDatabaseName(run: string): string;
export function testDatabasePattern(run: string): string;
export function leftoverDatabases(names: readonly string[], now?: number): string[];
