export const TYPES_FILE: string;
export function typesFrom(apiUrl: string): Promise<string>;
export function drift(apiUrl: string): Promise<string | null>;
