export function serve(options: { port: number; host?: string; configFile: string; root?: string }): Promise<{ close: () => void }>;
