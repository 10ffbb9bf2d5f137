import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SystemsPage } from "./SystemsPage";
import { FakeApi, json, renderPage, system } from "../test/harness";

const TIMING = { initialMs: 1000, maxMs: 8000 };

function names(): string[] {
  return screen.getAllByRole("row").slice(1).map((row) => within(row).getByRole("link").textContent ?? "");
}

describe("SystemsPage", () => {
  it("pages forward and back through the API's cursor", async () => {
    const all = [1, 2, 3, 4, 5].map((n) => system({ system_name: `s${n}` }));
    const api = new FakeApi().on("GET", /^\/admin\/systems$/, (_, url) => {
      const start = Number(url.searchParams.get("cursor") ?? 0);
      const limit = Number(url.searchParams.get("limit"));
      const next = start + limit < all.length ? String(start + limit) : null;
      return json(200, { items: all.slice(start, start + limit), next_cursor: next });
    });
    renderPage(<SystemsPage pageSize={2} />, { api });
    const user = userEvent.setup();

    expect(await screen.findByText("s1")).toBeInTheDocument();
    expect(names()).toEqual(["s1", "s2"]);
    expect(screen.getByRole("button", { name: "Previous page" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Next page" }));
    expect(await screen.findByText("s3")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Next page" }));
    expect(await screen.findByText("s5")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Previous page" }));
    expect(await screen.findByText("s3")).toBeInTheDocument();

    const cursors = api.calls("GET", /^\/admin\/systems$/).map((r) => new URL(r.url).searchParams.get("cursor"));
    expect(cursors).toEqual([null, "2", "4", "2"]);
  });

  it("asks the API for the chosen status only", async () => {
    const api = new FakeApi().on("GET", /^\/admin\/systems$/, (_, url) =>
      json(200, { items: [system({ status: url.searchParams.get("status") ?? "active" })], next_cursor: null }),
    );
    renderPage(<SystemsPage />, { api });
    const user = userEvent.setup();
    await screen.findAllByRole("row");

    await user.selectOptions(screen.getByLabelText("Status"), "provisioning_failed");

    expect(await screen.findByText("Provisioning failed", { selector: ".badge" })).toBeInTheDocument();
    expect(new URL(api.requests.at(-1)!.url).searchParams.get("status")).toBe("provisioning_failed");
  });

  it("follows pending systems live until they settle, without reloading the page", async () => {
    vi.useFakeTimers();
    try {
      const pending = system({ system_name: "forecast", status: "pending_provisioning" });
      let answers = 0;
      const api = new FakeApi().on("GET", /^\/admin\/systems$/, () => {
        answers += 1;
        const status = answers >= 3 ? "active" : "pending_provisioning";
        return json(200, { items: [{ ...pending, status }], next_cursor: null });
      });
      renderPage(<SystemsPage timing={TIMING} />, { api });
      await act(() => vi.advanceTimersByTimeAsync(0));
      expect(screen.getByText("Provisioning", { selector: ".badge" })).toBeInTheDocument();

      await act(() => vi.advanceTimersByTimeAsync(1000));
      expect(answers).toBe(2);
      await act(() => vi.advanceTimersByTimeAsync(2000));
      expect(answers).toBe(3);
      expect(screen.getByText("Active", { selector: ".badge" })).toBeInTheDocument();
      expect(screen.getByText("forecast is now Active")).toBeInTheDocument();

      await act(() => vi.advanceTimersByTimeAsync(60_000));
      expect(answers).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
