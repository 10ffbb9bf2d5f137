import { readClaims } from "./token";

export type SessionState =
  | { status: "signed-out" }
  | { status: "signed-in"; subject: string; token: string; expiresAt: number | null }
  | { status: "expired"; subject: string };

type Listener = () => void;

/**
 * The signed-in user, in memory only (never localStorage). Requests wait in {@link token} while
 * the session is expired, so a page (and a half-filled form) stays as it is until the user signs
 * in again, and then carries on.
 */
export class Session {
  private state: SessionState = { status: "signed-out" };
  private listeners = new Set<Listener>();
  private waiting: Array<(token: string) => void> = [];

  constructor(private readonly now: () => number = Date.now) {}

  snapshot = (): SessionState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Signs in with an access token; refuses one that is unreadable or already expired. */
  signIn(token: string): string | null {
    const claims = readClaims(token);
    if (!claims) {
      return "This is not an access token (expected a JWT with a subject).";
    }
    if (claims.expiresAt !== null && claims.expiresAt <= this.now()) {
      return "This token has expired; get a new one.";
    }
    this.set({ status: "signed-in", subject: claims.subject, token: token.trim(), expiresAt: claims.expiresAt });
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((resume) => resume(token.trim()));
    return null;
  }

  signOut(): void {
    this.set({ status: "signed-out" });
  }

  /** The token to send; waits for a new sign-in when the current one has expired. */
  token(): Promise<string> {
    const s = this.state;
    if (s.status === "signed-in" && (s.expiresAt === null || s.expiresAt > this.now())) {
      return Promise.resolve(s.token);
    }
    if (s.status === "signed-in") {
      this.expire();
    }
    return new Promise((resume) => this.waiting.push(resume));
  }

  /** The API refused the token (401): ask for a new sign-in and wait for it. */
  reauthenticate(): Promise<string> {
    this.expire();
    return new Promise((resume) => this.waiting.push(resume));
  }

  private expire(): void {
    const s = this.state;
    if (s.status === "signed-in") {
      this.set({ status: "expired", subject: s.subject });
    }
  }

  private set(next: SessionState): void {
    this.state = next;
    this.listeners.forEach((l) => l());
  }
}
