/** What the UI reads from an access token: who it is for and until when. Not a verification. */
export interface TokenClaims {
  subject: string;
  expiresAt: number | null;
}

export function readClaims(token: string): TokenClaims | null {
  const parts = token.trim().split(".");
  if (parts.length !== 3 || !parts[1]) {
    return null;
  }
  try {
    const json = atob(parts[1].replace(/-/g, "+").replace(/_/g, "/"));
    const claims = JSON.parse(json) as { sub?: unknown; username?: unknown; exp?: unknown };
    if (typeof claims.sub !== "string") {
      return null;
    }
    return {
      subject: typeof claims.username === "string" ? claims.username : claims.sub,
      expiresAt: typeof claims.exp === "number" ? claims.exp * 1000 : null,
    };
  } catch {
    return null;
  }
}
