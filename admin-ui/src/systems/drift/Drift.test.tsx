import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SystemDetailPage } from "../SystemDetailPage";
import { SystemsPage } from "../SystemsPage";
import { FakeApi, json, renderPage, system } from "../../test/harness";

const TIMING = { initialMs: 1000, maxMs: 1000 };

const DRIFTED = {
  status: "drifted",
  checked_at: "2026-12-01T10:00:00Z",
  resources: [
    {
      kind: "s3_bucket",
      name: "p-forecast-raw",
      status: "drifted",
      repaired: false,
      differences: [
        { field: "versioning", desired: "Enabled", actual: "Suspended" },
        { field: "public_access_block.block_public_acls", desired: true, actual: null },
      ],
    },
    { kind: "eventbridge_rule", name: "p-forecast-raw-to-curated", status: "missing", repaired: false, differences: [] },
    { kind: "glue_database", name: "p_forecast_db", status: "in_sync", repaired: false, differences: [] },
  ],
};

function setup(overrides: Record<string, unknown> = {}) {
  const record = system({ system_name: "forecast", drift: DRIFTED, ...overrides });
  const state = { record: record as Record<string, unknown> };
  const api = new FakeApi()
    .on("GET", /^\/admin\/systems\/[^/]+$/, () => json(200, state.record, { ETag: '"1"' }))
    .on("GET", /\/events$/, () => json(200, { system_id: record.system_id, events: [] }));
  renderPage(<SystemDetailPage timing={TIMING} />, { api, path: `/systems/${record.system_id}`, route: "/systems/:systemId" });
  return { api, state };
}

describe("drift on the system's page", () => {
  it("shows the drift status, when it was checked, and each drifted or missing resource's differences", async () => {
    setup();
    const section = await screen.findByRole("region", { name: "Drift" });
    expect(within(section).getAllByText("Drifted")[0]).toHaveClass("badge", "failed");
    expect(within(section).getByTestId("drift-checked")).toHaveTextContent("Last checked");
    expect(within(section).getByTestId("drift-checked")).toHaveTextContent("1 of 3 resources in sync");
    const table = within(section).getByRole("table", { name: "Differences of S3 bucket p-forecast-raw" });
    const rows = within(table).getAllByRole("row").map((r) => r.textContent);
    expect(rows.slice(1)).toEqual(["versioningEnabledSuspended", "public_access_block.block_public_aclstruenone"]);
    expect(within(section).getByRole("heading", { name: /EventBridge rule p-forecast-raw-to-curated Missing/ })).toBeInTheDocument();
    expect(within(section).getByText("It does not exist in AWS.")).toBeInTheDocument();
    expect(within(section).queryByText(/p_forecast_db/)).not.toBeInTheDocument();
  });

  it("checks now and follows the record until the new report is in", async () => {
    const { api, state } = setup();
    api.on("POST", /\/reconcile$/, () => json(202, state.record));
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Check now" }));

    const call = api.calls("POST", /\/reconcile$/)[0]!;
    expect(new URL(call.url).searchParams.get("repair")).toBeNull();
    expect(await screen.findByTestId("drift-following")).toHaveTextContent("Checking");
    expect(screen.getByRole("button", { name: "Check now" })).toBeDisabled();

    state.record = { ...state.record, drift: { status: "in_sync", checked_at: "2026-12-01T10:05:00Z", resources: [DRIFTED.resources[2]] } };
    const section = screen.getByRole("region", { name: "Drift" });
    expect(await within(section).findByText("In sync", { selector: ".badge" }, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.queryByTestId("drift-following")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Repair…" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Check now" })).toBeEnabled();
  });

  it("repairs only after the confirmation, with repair=true", async () => {
    const { api, state } = setup();
    api.on("POST", /\/reconcile$/, () => json(202, state.record));
    const user = userEvent.setup();
    const repair = await screen.findByRole("button", { name: "Repair…" });
    await user.click(repair);
    const dialog = screen.getByRole("dialog", { name: "Repair forecast?" });
    expect(within(dialog).getByRole("heading", { name: "Repair forecast?" })).toHaveFocus();
    expect(dialog).toHaveTextContent("S3 bucket p-forecast-raw: 2 difference(s) converged");
    expect(dialog).toHaveTextContent("EventBridge rule p-forecast-raw-to-curated: created again");

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    await act(() => new Promise((r) => requestAnimationFrame(r)));
    expect(repair).toHaveFocus();
    expect(api.calls("POST", /\/reconcile$/)).toHaveLength(0);

    await user.click(repair);
    await user.click(screen.getByRole("button", { name: "Repair the resources" }));
    const call = api.calls("POST", /\/reconcile$/)[0]!;
    expect(new URL(call.url).searchParams.get("repair")).toBe("true");
    expect(await screen.findByTestId("drift-following")).toHaveTextContent("Repairing");
  });

  it("shows the API's refusal, and offers no check for a system that is not active", async () => {
    const { api } = setup();
    api.on("POST", /\/reconcile$/, () =>
      json(409, { type: "https://aiplatform.io/problems/invalid-state", title: "Invalid state", status: 409, detail: "The system is updating; only an active system is verified." }),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Check now" }));
    expect(await screen.findByText(/only an active system is verified/)).toBeInTheDocument();
  });

  it("has no check or repair while the system is updating, and says when it was never checked", async () => {
    setup({ status: "updating", drift: { status: "unknown", checked_at: null, resources: [] } });
    const section = await screen.findByRole("region", { name: "Drift" });
    expect(within(section).getByText("Not checked yet", { selector: ".badge" })).toBeInTheDocument();
    expect(within(section).queryByRole("button")).not.toBeInTheDocument();
  });
});

describe("the drift filter of the list", () => {
  it("asks the API for drifted systems and shows each system's drift", async () => {
    const api = new FakeApi().on("GET", /^\/admin\/systems$/, (_, url) =>
      json(200, {
        items: url.searchParams.get("drifted") === "true" ? [system({ system_name: "drifter", drift: DRIFTED })] : [system({ system_name: "calm" })],
        next_cursor: null,
      }),
    );
    renderPage(<SystemsPage />, { api });
    const user = userEvent.setup();
    await screen.findByRole("link", { name: "calm" });

    await user.selectOptions(screen.getByLabelText("Drift"), "Drifted");

    await screen.findByRole("link", { name: "drifter" });
    const last = api.calls("GET", /^\/admin\/systems$/).at(-1)!;
    expect(new URL(last.url).searchParams.get("drifted")).toBe("true");
    expect(within(screen.getByRole("table")).getByText("Drifted", { selector: ".badge" })).toBeInTheDocument();
  });
});
