import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useSession } from "../AppContext";
import { RegisterForm } from "../register/RegisterForm";
import { SignInAgainDialog } from "./SignInAgainDialog";
import { Session } from "./session";
import { FakeApi, fakeToken, json, renderPage } from "../test/harness";

/** What App renders over the page when the session expires. */
function ExpiryDialog() {
  const state = useSession();
  return state.status === "expired" ? <SignInAgainDialog subject={state.subject} /> : null;
}

function tokenOf(request: Request): string | undefined {
  return request.headers.get("Authorization")?.replace("Bearer ", "");
}

describe("an expired sign-in", () => {
  it("asks to sign in again over the form, keeps what was typed and then sends it", async () => {
    let now = Date.now();
    const session = new Session(() => now);
    session.signIn(fakeToken("alice", 60, now));
    const api = new FakeApi().on("POST", /^\/admin\/systems$/, () => json(201, { system_id: "id-7" }));
    const registered = vi.fn();
    renderPage(<RegisterForm onRegistered={registered} />, { api, session }, <ExpiryDialog />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("System name"), "forecast");
    now += 120_000;

    await user.click(screen.getByRole("button", { name: "Register system" }));

    const dialog = await screen.findByRole("dialog", { name: "Your session has expired" });
    expect(dialog).toHaveTextContent("alice");
    expect(api.requests).toHaveLength(0);
    expect(screen.getByLabelText("System name")).toHaveValue("forecast");
    const fresh = fakeToken("alice", 3600, now);
    await user.type(within(dialog).getByLabelText("Development access token"), fresh);
    await user.click(within(dialog).getByRole("button", { name: "Sign in again" }));

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    await vi.waitFor(() => expect(registered).toHaveBeenCalledWith("id-7"));
    expect(tokenOf(api.requests[0]!)).toBe(fresh);
    expect(await api.requests[0]!.json()).toEqual({ system_name: "forecast" });
  });

  it("sends a request the API answered 401 once more after signing in again", async () => {
    const session = new Session();
    const stale = fakeToken("bob");
    session.signIn(stale);
    const api = new FakeApi().on("POST", /^\/admin\/systems$/, (request) =>
      tokenOf(request) === stale
        ? json(401, { type: "https://aiplatform.io/problems/unauthorized", title: "Unauthorized", status: 401, detail: "A valid bearer token is required." })
        : json(201, { system_id: "id-8" }),
    );
    const registered = vi.fn();
    renderPage(<RegisterForm onRegistered={registered} />, { api, session }, <ExpiryDialog />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("System name"), "copilot");
    await user.click(screen.getByRole("button", { name: "Register system" }));

    const dialog = await screen.findByRole("dialog");
    const fresh = fakeToken("bob", 7200);
    await user.type(within(dialog).getByLabelText("Development access token"), fresh);
    await user.click(within(dialog).getByRole("button", { name: "Sign in again" }));

    await vi.waitFor(() => expect(registered).toHaveBeenCalledWith("id-8"));
    const sent = api.calls("POST", /^\/admin\/systems$/);
    expect(sent.map(tokenOf)).toEqual([stale, fresh]);
    expect(sent[0]!.headers.get("Idempotency-Key")).toBe(sent[1]!.headers.get("Idempotency-Key"));
  });

  it("refuses a development token that has already expired", () => {
    const session = new Session();
    expect(session.signIn(fakeToken("carol", -10))).toMatch(/expired/);
    expect(session.snapshot().status).toBe("signed-out");
  });
});
