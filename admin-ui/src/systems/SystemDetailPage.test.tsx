import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Link } from "react-router-dom";
import { SystemDetailPage } from "./SystemDetailPage";
import { nextDelay } from "./useLiveFollow";
import { FakeApi, json, renderPage, system } from "../test/harness";

const TIMING = { initialMs: 1000, maxMs: 4000 };

describe("live follow of a system", () => {
  it("backs off while nothing changes and polls soon again after a change", () => {
    expect(nextDelay(1000, false, TIMING)).toBe(2000);
    expect(nextDelay(2000, false, TIMING)).toBe(4000);
    expect(nextDelay(4000, false, TIMING)).toBe(4000);
    expect(nextDelay(4000, true, TIMING)).toBe(1000);
  });

  it("follows a pending system with backoff and stops once it is active", async () => {
    vi.useFakeTimers();
    try {
      const record = system({ system_name: "forecast", status: "pending_provisioning" });
      const at: number[] = [];
      let settled = false;
      const start = Date.now();
      const api = new FakeApi()
        .on("GET", /^\/admin\/systems\/[^/]+$/, () => {
          at.push(Date.now() - start);
          return json(200, { ...record, status: settled ? "active" : "pending_provisioning" });
        })
        .on("GET", /\/events$/, () =>
          json(200, {
            system_id: record.system_id,
            events: [{ generation: 1, step: "registration", status: "accepted", at: record.created_at }],
          }),
        );
      renderPage(<SystemDetailPage timing={TIMING} />, { api, path: `/systems/${record.system_id}`, route: "/systems/:systemId" });
      await act(() => vi.advanceTimersByTimeAsync(0));
      expect(screen.getByTestId("progress")).toHaveTextContent("Step 2 of 3: provisioner-worker is creating the resources");

      await act(() => vi.advanceTimersByTimeAsync(1000 + 2000 + 4000 + 4000));
      expect(at).toEqual([0, 1000, 3000, 7000, 11000]);

      settled = true;
      await act(() => vi.advanceTimersByTimeAsync(4000));
      expect(screen.getByText("Active", { selector: ".badge" })).toBeInTheDocument();
      expect(screen.getByText("forecast is now Active")).toBeInTheDocument();
      const polls = at.length;
      await act(() => vi.advanceTimersByTimeAsync(60_000));
      expect(at.length).toBe(polls);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("moving from one system's page to another's", () => {
  it("shows the next system afresh and moves the focus to its heading", async () => {
    const first = system({ system_name: "first-system" });
    const second = system({ system_name: "second-system" });
    let answerSecond: (response: Response) => void = () => {};
    const api = new FakeApi()
      .on("GET", new RegExp(`/admin/systems/${first.system_id}$`), () => json(200, first))
      .on("GET", new RegExp(`/admin/systems/${second.system_id}$`), () => new Promise<Response>((ok) => (answerSecond = ok)))
      .on("GET", /\/events$/, () => json(200, { system_id: first.system_id, events: [] }));
    renderPage(<SystemDetailPage />, { api, path: `/systems/${first.system_id}`, route: "/systems/:systemId" }, <Link to={`/systems/${second.system_id}`}>next</Link>);
    const heading = await screen.findByRole("heading", { level: 1, name: "first-system" }, { timeout: 5000 });
    expect(heading).toHaveFocus();

    await userEvent.click(screen.getByRole("link", { name: "next" }));

    // While the second record loads, nothing of the first one is left on the page.
    const loading = await screen.findByRole("heading", { level: 1, name: "System" }, { timeout: 5000 });
    expect(loading).toHaveFocus();
    expect(screen.queryByText("first-system")).not.toBeInTheDocument();
    await act(async () => answerSecond(json(200, second)));
    const next = await screen.findByRole("heading", { level: 1, name: "second-system" }, { timeout: 5000 });
    expect(next).toHaveFocus();
  });
});

