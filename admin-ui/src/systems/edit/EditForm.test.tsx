import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SystemDetailPage } from "../SystemDetailPage";
import { FakeApi, json, renderPage, system } from "../../test/harness";

const TIMING = { initialMs: 1000, maxMs: 1000 };
const ROUTE_TAKEN = "https://aiplatform.io/problems/route-taken";

function setup(overrides: Record<string, unknown> = {}) {
  const record = system({
    system_name: "forecast",
    description: "Forecasts",
    data_sources: ["orders"],
    endpoints: [{ path: "/forecast", method: "GET" }],
    lambda_config: { memory: 512, timeout: 30, runtime: "python3.12" },
    ...overrides,
  });
  const state = { record: record as Record<string, unknown>, etag: '"3"', events: [] as unknown[] };
  const api = new FakeApi()
    .on("GET", /^\/admin\/systems\/[^/]+$/, () => json(200, state.record, { ETag: state.etag }))
    .on("GET", /\/events$/, () => json(200, { system_id: record.system_id, events: state.events }));
  renderPage(<SystemDetailPage timing={TIMING} />, { api, path: `/systems/${record.system_id}`, route: "/systems/:systemId" });
  return { api, state, record };
}

function errorOf(label: string): string | null {
  const ids = (screen.getByLabelText(label).getAttribute("aria-describedby") ?? "").split(" ");
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.className === "field-error");
  return error?.textContent?.replace(/^Error: /, "") ?? null;
}

describe("editing a system", () => {
  it("sends only what changed as a merge patch with If-Match, then follows the update to active and shows its diff", async () => {
    const { api, state, record } = setup();
    api.on("PATCH", /^\/admin\/systems\/[^/]+$/, () => {
      state.record = { ...record, status: "updating", generation: 2 };
      state.etag = '"4"';
      return json(202, state.record, { ETag: state.etag });
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Edit…" }));
    expect(screen.getByRole("heading", { name: "Change the configuration" })).toHaveFocus();
    expect(screen.getByLabelText("System name")).toHaveAttribute("readonly");

    await user.click(screen.getByRole("button", { name: "Add a table" }));
    await user.type(screen.getByLabelText("Table 2"), "stores");
    await user.clear(screen.getByLabelText("Memory (MiB)"));
    await user.type(screen.getByLabelText("Memory (MiB)"), "1024");
    await user.click(screen.getByRole("button", { name: "Save the change" }));

    const sent = api.calls("PATCH", /^\/admin\/systems\/[^/]+$/)[0]!;
    expect(sent.headers.get("Content-Type")).toBe("application/merge-patch+json");
    expect(sent.headers.get("If-Match")).toBe('"3"');
    expect(await sent.json()).toEqual({ data_sources: ["orders", "stores"], lambda_config: { memory: 1024 } });
    expect(await screen.findByText("Updating", { selector: ".page-head .badge" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Change the configuration" })).not.toBeInTheDocument();
    expect(screen.getByTestId("progress")).toHaveTextContent("Step 2 of 3: provisioner-worker is changing the resources");

    state.record = { ...state.record, status: "active", data_sources: ["orders", "stores"], lambda_config: { memory: 1024, timeout: 30, runtime: "python3.12" } };
    state.events = [
      {
        generation: 2,
        step: "update",
        status: "requested",
        at: "2026-12-01T10:00:00Z",
        changes: [
          { field: "data_sources", before: ["orders"], after: ["orders", "stores"] },
          { field: "lambda_config.memory", before: 512, after: 1024 },
        ],
      },
      { generation: 2, step: "lambda_function", resource: "p-forecast-handler", action: "updated", status: "succeeded", at: "2026-12-01T10:00:01Z" },
      { generation: 2, step: "update", status: "succeeded", at: "2026-12-01T10:00:02Z" },
    ];
    expect(await screen.findByText("Active", { selector: ".page-head .badge" }, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByTestId("progress")).toHaveTextContent("Step 3 of 3: Active with the new configuration");
    const diff = screen.getByRole("table", { name: /What the change of .* changes/ });
    const rows = within(diff).getAllByRole("row").map((r) => r.textContent);
    expect(rows.slice(1)).toEqual(["data_sourcesordersorders, stores", "lambda_config.memory5121024"]);
  });

  it("on 412 shows the other version, keeps the admin's edits, and saves them over the new version's ETag", async () => {
    const { api, state, record } = setup();
    let patches = 0;
    api.on("PATCH", /^\/admin\/systems\/[^/]+$/, () => {
      patches += 1;
      if (patches === 1) {
        state.record = { ...record, description: "Changed by bob" };
        state.etag = '"5"';
        return json(412, { type: "https://aiplatform.io/problems/precondition-failed", title: "Precondition failed", status: 412, detail: "The system has changed since version 3." });
      }
      state.record = { ...state.record, status: "updating" };
      return json(202, state.record, { ETag: '"6"' });
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Edit…" }));
    await user.clear(screen.getByLabelText("Memory (MiB)"));
    await user.type(screen.getByLabelText("Memory (MiB)"), "2048");
    await user.click(screen.getByRole("button", { name: "Save the change" }));

    const notice = await screen.findByRole("alert", { name: "Someone else changed this system first" });
    expect(notice).toHaveFocus();
    expect(notice).toHaveTextContent("Description: now “Changed by bob”");
    expect(screen.getByLabelText("Memory (MiB)")).toHaveValue("2048");
    expect(screen.getByRole("region", { name: "Registration" })).toHaveTextContent("Changed by bob");

    await user.click(screen.getByRole("button", { name: "Save the change" }));
    const second = api.calls("PATCH", /^\/admin\/systems\/[^/]+$/)[1]!;
    expect(second.headers.get("If-Match")).toBe('"5"');
    expect(await second.json()).toEqual({ lambda_config: { memory: 2048 } });
    expect(await screen.findByText("Updating", { selector: ".page-head .badge" })).toBeInTheDocument();
  });

  it("shows a 400 at its field and a 409 route-taken at the endpoint, naming the route", async () => {
    const { api } = setup();
    let answer = 400;
    api.on("PATCH", /^\/admin\/systems\/[^/]+$/, () =>
      answer === 400
        ? json(400, { type: "https://aiplatform.io/problems/validation", title: "Invalid request", status: 400, detail: "see errors", errors: [{ field: "lambda_config.timeout", message: "must be between 1 and 900" }] })
        : json(409, {
            type: ROUTE_TAKEN,
            title: "Route taken",
            status: 409,
            detail: "The route POST /orders belongs to system retail. Routes are unique on the platform API.",
            errors: [{ field: "endpoints[1]", message: "the route POST /orders belongs to system retail" }],
          }),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Edit…" }));
    await user.click(screen.getByRole("button", { name: "Add an endpoint" }));
    await user.clear(screen.getByLabelText("Endpoint 2 path"));
    await user.type(screen.getByLabelText("Endpoint 2 path"), "/orders");
    await user.selectOptions(screen.getByLabelText("Endpoint 2 method"), "POST");
    await user.click(screen.getByRole("button", { name: "Save the change" }));
    expect(await screen.findByText("The API refused the change: Invalid request")).toBeInTheDocument();
    expect(errorOf("Timeout (seconds)")).toBe("must be between 1 and 900");

    answer = 409;
    await user.click(screen.getByRole("button", { name: "Save the change" }));
    expect(await screen.findByText("The API refused the change: Route taken")).toBeInTheDocument();
    expect(errorOf("Endpoint 2 path")).toBe("the route POST /orders belongs to system retail");
    expect(errorOf("Timeout (seconds)")).toBeNull();
  });

  it("shows an update that failed with its reason, a retry, and an edit; not an edit while updating", async () => {
    const { api, state } = setup({ status: "update_failed", error_message: "GET /blocked belongs to someone else", generation: 2 });
    state.events = [
      { generation: 2, step: "update", status: "requested", at: "2026-12-01T10:00:00Z", changes: [{ field: "endpoints", before: [], after: [{ path: "/blocked", method: "GET" }] }] },
      { generation: 2, step: "update", status: "failed", error: "GET /blocked belongs to someone else", at: "2026-12-01T10:00:02Z" },
    ];
    api.on("POST", /\/retry$/, () => {
      state.record = { ...state.record, status: "updating" };
      return json(202, state.record, { ETag: '"9"' });
    });
    const user = userEvent.setup();
    expect(await screen.findByText("Update failed", { selector: ".page-head .badge" })).toBeInTheDocument();
    expect(screen.getAllByRole("alert")[0]).toHaveTextContent("Update failed. GET /blocked belongs to someone else");
    expect(screen.getByTestId("progress")).toHaveTextContent("Step 3 of 3: Update failed: GET /blocked belongs to someone else");
    expect(screen.getByRole("table", { name: /What the change of/ })).toHaveTextContent("GET /blocked");
    expect(screen.getByRole("button", { name: "Edit…" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Updating", { selector: ".page-head .badge" })).toBeInTheDocument();
    await act(async () => {});
    expect(screen.queryByRole("button", { name: "Edit…" })).not.toBeInTheDocument();
  });

  it("keeps the form while someone else's change converges, and saves once the system is active again", async () => {
    const { api, state, record } = setup();
    api.on("PATCH", /^\/admin\/systems\/[^/]+$/, () => {
      if (state.etag === '"3"') {
        state.record = { ...record, status: "updating", description: "Theirs" };
        state.etag = '"4"';
        return json(412, { type: "https://aiplatform.io/problems/precondition-failed", title: "Precondition failed", status: 412, detail: "stale" });
      }
      state.record = { ...state.record, status: "updating" };
      return json(202, state.record, { ETag: '"6"' });
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Edit…" }));
    await user.type(screen.getByLabelText("Timeout (seconds)"), "0");
    await user.click(screen.getByRole("button", { name: "Save the change" }));

    expect(await screen.findByRole("alert", { name: "Someone else changed this system first" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save the change" })).toBeDisabled();
    expect(screen.getByText(/forecast is updating: it takes a change again once it\s+is active/)).toBeInTheDocument();
    expect(screen.getByLabelText("Timeout (seconds)")).toHaveValue("300");

    state.record = { ...state.record, status: "active" };
    state.etag = '"5"';
    await waitFor(() => expect(screen.getByRole("button", { name: "Save the change" })).toBeEnabled(), { timeout: 3000 });
    await user.click(screen.getByRole("button", { name: "Save the change" }));
    const sent = api.calls("PATCH", /^\/admin\/systems\/[^/]+$/)[1]!;
    expect(sent.headers.get("If-Match")).toBe('"5"');
    expect(await sent.json()).toEqual({ lambda_config: { timeout: 300 } });
  });
  describe("the drift policy", () => {
    it("shows what applies, sends only a changed policy, and null when set back to the platform default", async () => {
      const { api, state, record } = setup({ reconcile_policy: "repair" });
      api.on("PATCH", /^\/admin\/systems\/[^/]+$/, async (request) => {
        const patch = (await request.json()) as Record<string, unknown>;
        // A policy-only change is saved at once: 202, the state unchanged, no job.
        state.record = { ...state.record, ...patch };
        state.etag = `"${Number(state.etag.slice(1, -1)) + 1}"`;
        return json(202, state.record, { ETag: state.etag });
      });
      const user = userEvent.setup();
      expect(await screen.findByTestId("reconcile-policy")).toHaveTextContent("Repair automatically (this system's own setting)");

      await user.click(screen.getByRole("button", { name: "Edit…" }));
      expect(screen.getByLabelText("Repair automatically")).toBeChecked();
      await user.click(screen.getByLabelText("Platform default"));
      await user.click(screen.getByRole("button", { name: "Save the change" }));

      const first = api.calls("PATCH", /^\/admin\/systems\/[^/]+$/)[0]!;
      expect(first.headers.get("If-Match")).toBe('"3"');
      expect(await first.json()).toEqual({ reconcile_policy: null });
      await waitFor(() => expect(screen.getByTestId("reconcile-policy")).toHaveTextContent("Platform default"));
      expect(screen.getByText("Active", { selector: ".page-head .badge" })).toBeInTheDocument();

      await user.click(screen.getByRole("button", { name: "Edit…" }));
      expect(screen.getByLabelText("Platform default")).toBeChecked();
      await user.click(screen.getByLabelText("Report only"));
      await user.clear(screen.getByLabelText("Memory (MiB)"));
      await user.type(screen.getByLabelText("Memory (MiB)"), "1024");
      await user.click(screen.getByRole("button", { name: "Save the change" }));
      const second = api.calls("PATCH", /^\/admin\/systems\/[^/]+$/)[1]!;
      expect(second.headers.get("If-Match")).toBe('"4"');
      expect(await second.json()).toEqual({ lambda_config: { memory: 1024 }, reconcile_policy: "report" });
      expect(record.reconcile_policy).toBe("repair");
    });

    it("names a policy someone else changed first in the 412 notice and takes it when the admin left it alone", async () => {
      const { api, state, record } = setup();
      api.on("PATCH", /^\/admin\/systems\/[^/]+$/, () => {
        state.record = { ...record, reconcile_policy: "report" };
        state.etag = '"5"';
        return json(412, { type: "https://aiplatform.io/problems/precondition-failed", title: "Precondition failed", status: 412, detail: "stale" });
      });
      const user = userEvent.setup();
      await user.click(await screen.findByRole("button", { name: "Edit…" }));
      await user.type(screen.getByLabelText("Timeout (seconds)"), "0");
      await user.click(screen.getByRole("button", { name: "Save the change" }));

      const notice = await screen.findByRole("alert", { name: "Someone else changed this system first" });
      expect(notice).toHaveTextContent("Drift policy: now “Report only”");
      expect(screen.getByLabelText("Report only")).toBeChecked();
    });

    it("shows the API's error on reconcile_policy at the group", async () => {
      const { api } = setup();
      api.on("PATCH", /^\/admin\/systems\/[^/]+$/, () =>
        json(400, { type: "https://aiplatform.io/problems/validation", title: "Invalid request", status: 400, detail: "see errors", errors: [{ field: "reconcile_policy", message: "must be report or repair" }] }),
      );
      const user = userEvent.setup();
      await user.click(await screen.findByRole("button", { name: "Edit…" }));
      await user.click(screen.getByLabelText("Report only"));
      await user.click(screen.getByRole("button", { name: "Save the change" }));
      expect(await screen.findByText("The API refused the change: Invalid request")).toBeInTheDocument();
      expect(errorOf("Report only")).toBe("must be report or repair");
      expect(screen.getByRole("group", { name: "Drift policy" })).toHaveAccessibleDescription(/must be report or repair/);
    });
  });
});
